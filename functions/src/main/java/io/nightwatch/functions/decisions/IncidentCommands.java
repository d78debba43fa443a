package io.nightwatch.functions.decisions;

import io.nightwatch.schemas.AnalysisAction;

/**
 * Idempotency keys of the commands the incidents job derives: {@code <incident>:<ACTION>:<target>} — the incident (its
 * id is derived from its group and opening time), the action and its target, so a replay derives the same id and an
 * executor runs each once. Incident ids start with {@code inc-} (a group's) or {@code sum-} (a summary's).
 */
public final class IncidentCommands {

    /** The attribute naming a command in an approval (nw.approvals) and in the command events. */
    public static final String COMMAND_ID = "commandId";
    /** The {@code issuedBy} of every command the incidents job issues. */
    public static final String ISSUER = "incidents-analyzer";

    private IncidentCommands() {}

    public static String commandId(String incidentId, AnalysisAction action, String target) {
        return incidentId + ":" + action + ":" + target;
    }

    /** Whether the incidents job issued this command (its answers are tracked there). */
    public static boolean isOwn(String commandId) {
        return commandId != null && (commandId.startsWith("inc-") || commandId.startsWith("sum-"));
    }
}
