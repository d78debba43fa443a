package io.nightwatch.functions.canary.ingest;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.ReleaseEvent;

/** The checks the canary job applies to what it reads, each saying what is wrong. */
public final class Checks {

    private Checks() {}

    /** Release events: ids, service, version, status and time present; stage and window sane; thresholds ordered. */
    public static final class ReleaseEventCheck implements RecordCheck<ReleaseEvent> {
        @Override
        public String problem(ReleaseEvent e) {
            if (blank(e.eventId())) {
                return "missing field 'eventId'";
            }
            if (blank(e.release())) {
                return "missing field 'release'";
            }
            if (blank(e.service())) {
                return "missing field 'service'";
            }
            if (blank(e.version())) {
                return "missing field 'version'";
            }
            if (e.status() == null) {
                return "missing field 'status'";
            }
            if (e.at() == null) {
                return "missing field 'at'";
            }
            if (e.stage() < 0 || e.stageCount() < 0 || e.stage() > e.stageCount() && e.stageCount() > 0) {
                return "stage " + e.stage() + " is outside [0, stageCount " + e.stageCount() + "]";
            }
            if (e.analysisWindowSeconds() < 0) {
                return "analysisWindowSeconds is negative: " + e.analysisWindowSeconds();
            }
            if (e.marginalThreshold() > e.passThreshold()) {
                return "marginalThreshold " + e.marginalThreshold() + " is above passThreshold " + e.passThreshold();
            }
            return null;
        }
    }

    /** Alerts: a name, a status and a start time. */
    public static final class AlertCheck implements RecordCheck<Alert> {
        @Override
        public String problem(Alert a) {
            if (blank(a.name()) && blank(a.labels().get("alertname"))) {
                return "missing field 'name'";
            }
            if (a.status() == null) {
                return "missing field 'status'";
            }
            if (a.startsAt() == null) {
                return "missing field 'startsAt'";
            }
            return null;
        }
    }

    /** Command results: the command id, the outcome and the time. */
    public static final class CommandResultCheck implements RecordCheck<CommandResult> {
        @Override
        public String problem(CommandResult r) {
            if (blank(r.commandId())) {
                return "missing field 'commandId'";
            }
            if (r.outcome() == null) {
                return "missing field 'outcome'";
            }
            if (r.at() == null) {
                return "missing field 'at'";
            }
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
