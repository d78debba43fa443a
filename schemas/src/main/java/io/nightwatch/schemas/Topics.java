package io.nightwatch.schemas;

import java.util.List;

/** Default Kafka topic names (every job takes them from its configuration; these are the defaults). */
public final class Topics {
    public static final String METRICS = "nw.metrics";
    public static final String ROLLUPS = "nw.rollups";
    public static final String ALERTS = "nw.alerts";
    public static final String RELEASES = "nw.releases";
    public static final String RULES = "nw.rules";
    public static final String SILENCES = "nw.silences";
    public static final String ANOMALIES = "nw.anomalies";
    public static final String INCIDENTS = "nw.incidents";
    public static final String COMMANDS_HEALING = "nw.commands.healing";
    public static final String COMMANDS_RULES = "nw.commands.rules";
    public static final String COMMAND_RESULTS = "nw.commands.results";
    /** The canary job's stage verdicts ({@link CanaryVerdict}); the release system proceeds on PASS. */
    public static final String CANARY_VERDICTS = "nw.canary.verdicts";
    public static final String APPROVALS = "nw.approvals";
    public static final String DEADLETTER = "nw.deadletter";

    /** Topics that hold the latest value per key and are compacted. */
    public static final List<String> COMPACTED = List.of(RULES, SILENCES);

    /** Every default topic. */
    public static final List<String> ALL = List.of(
            METRICS, ROLLUPS, ALERTS, RELEASES, RULES, SILENCES, ANOMALIES, INCIDENTS,
            COMMANDS_HEALING, COMMANDS_RULES, COMMAND_RESULTS, CANARY_VERDICTS, APPROVALS, DEADLETTER);

    private Topics() {}
}
