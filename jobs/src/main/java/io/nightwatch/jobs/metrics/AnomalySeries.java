package io.nightwatch.jobs.metrics;

import io.nightwatch.schemas.Anomaly;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys an anomaly by its series. */
final class AnomalySeries implements KeySelector<Anomaly, String> {
    @Override
    public String getKey(Anomaly a) {
        return a.series();
    }
}
