package io.nightwatch.jobs.io;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.Rollup;

/** The Kafka keys of the records the jobs write (DESIGN.md's topic table). */
public final class Keys {

    private Keys() {}

    /** Rollups by series id. */
    public static final class RollupKey implements RecordKey<Rollup> {
        @Override
        public String of(Rollup r) {
            return r.series();
        }
    }

    /** Alerts by fingerprint. */
    public static final class AlertKey implements RecordKey<Alert> {
        @Override
        public String of(Alert a) {
            return a.fingerprint();
        }
    }

    /** Anomalies by series id. */
    public static final class AnomalyKey implements RecordKey<Anomaly> {
        @Override
        public String of(Anomaly a) {
            return a.series();
        }
    }
}
