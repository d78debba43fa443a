package io.nightwatch.jobs.canary;

import io.nightwatch.jobs.io.RecordKey;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;

/** The Kafka keys of what the canary job writes (DESIGN.md's topic table). */
public final class CanaryKeys {

    private CanaryKeys() {}

    /** Verdicts by release id, so a release's verdicts stay in order. */
    public static final class VerdictKey implements RecordKey<CanaryVerdict> {
        @Override
        public String of(CanaryVerdict v) {
            return v.release();
        }
    }

    /** Healing commands by target. */
    public static final class CommandKey implements RecordKey<HealingCommand> {
        @Override
        public String of(HealingCommand c) {
            return c.target();
        }
    }

    /** Incident events by incident id. */
    public static final class IncidentKey implements RecordKey<IncidentEvent> {
        @Override
        public String of(IncidentEvent e) {
            return e.incidentId();
        }
    }
}
