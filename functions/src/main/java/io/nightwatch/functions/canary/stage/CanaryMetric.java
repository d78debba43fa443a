package io.nightwatch.functions.canary.stage;

import io.nightwatch.functions.canary.MetricConfig;
import io.nightwatch.functions.canary.MetricKind;
import java.io.Serializable;

/**
 * One metric the canary job judges at every stage: the judge's configuration of it and, for counts, the metric
 * holding each interval's exposure (e.g. errors over requests).
 *
 * @param exposure for counts: the metric giving each sample's exposure (same instance, same timestamp); null: 1
 */
public record CanaryMetric(MetricConfig config, String exposure) implements Serializable {

    public CanaryMetric {
        if (config.kind() != MetricKind.COUNT && exposure != null) {
            throw new IllegalArgumentException(config.name() + ": only a count metric has an exposure");
        }
    }

    public String name() {
        return config.name();
    }
}
