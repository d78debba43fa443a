package io.nightwatch.functions.canary.commands;

import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident event that hands a command the executor could not carry out to a human: an ESCALATED event of the
 * release's incident ({@code canary:<release>}, or the command's own incident), with the stable id
 * {@code <commandId>:ESCALATED}.
 */
public final class Escalations {

    private Escalations() {}

    public static IncidentEvent of(HealingCommand c, CommandResult r) {
        String release = c.release() != null ? c.release() : c.target();
        String incident = c.incident() != null ? c.incident() : CanaryCommands.PREFIX + release;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("release", release);
        attributes.put("commandId", c.commandId());
        attributes.put("action", c.action().name());
        attributes.put("outcome", r.outcome().name());
        attributes.put("executor", r.executor());
        attributes.put("target", c.target());
        c.parameters().forEach((k, v) -> {
            if (v != null) {
                attributes.putIfAbsent(k, v);
            }
        });
        String fingerprint = c.parameters().get("fingerprint");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("command", c);
        detail.put("result", r);
        String what = c.action() == io.nightwatch.schemas.HealingAction.ROLLBACK_RELEASE ? "rollback" : "pause";
        return new IncidentEvent(c.commandId() + ":ESCALATED", incident, IncidentEventType.ESCALATED, r.at(),
                c.service(), "Escalated: " + what + " of release " + release + " refused by " + r.executor() + " ("
                        + r.message() + ")",
                "critical", null, fingerprint == null ? List.of() : List.of(fingerprint), attributes,
                Json.toString(detail));
    }
}
