package io.nightwatch.functions.decisions;

/** Names of the decision operators' Flink counters in the {@code nightwatch} metric group. */
public final class DecisionCounters {

    /** Guard verdicts, by verdict. */
    public static final String GUARD_ALLOWED = "guardAllowed";
    public static final String GUARD_HELD = "guardHeld";
    public static final String GUARD_REJECTED = "guardRejected";
    public static final String GUARD_ESCALATED = "guardEscalated";
    /** Commands published (after approval, for held ones). */
    public static final String COMMANDS_ISSUED = "commandsIssued";
    /** Commands held for approval, and those whose hold expired. */
    public static final String COMMANDS_HELD = "commandsHeld";
    public static final String COMMANDS_EXPIRED = "commandsExpired";
    /** Escalations: guard (inactive release), executor (NOT_SUPPORTED), rule changes that could not be made. */
    public static final String ESCALATIONS = "escalations";
    /** Approvals of commands that were not held (late, duplicate or unknown). */
    public static final String STRAY_APPROVALS = "strayCommandApprovals";

    /** Accumulator: wall time (epoch ms) the last analysis reached the guard (with the alert accumulators: throughput). */
    public static final String LAST_ANALYZED_AT = "nightwatch.lastAnalyzedAt";
    /** Accumulator: analyses that reached the guard. */
    public static final String ANALYSES = "nightwatch.analyses";

    private DecisionCounters() {}
}
