package io.nightwatch.jobs.bench;

import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.Comparison;
import io.nightwatch.schemas.ConditionKind;
import io.nightwatch.schemas.FilterOp;
import io.nightwatch.schemas.LabelFilter;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.RuleCondition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's generated fleet: {@code series} series = services × 20 instances × 10 metrics with zone and region
 * labels (about 150 bytes of JSON per point), one point per series every 5 s in time order, and {@code rules} alert
 * rules keyed on service (Equal), some with In and Regex filters.
 */
final class BenchData {

    static final int INSTANCES = 20;
    static final int METRICS = 10;
    private static final String[] ZONES = {"a", "b", "c"};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1"};

    private final int series;
    private final int services;
    private final long start;

    BenchData(int series, long points) {
        this.series = series;
        this.services = Math.max(1, series / (INSTANCES * METRICS));
        long ticks = (points + series - 1) / series;
        this.start = (System.currentTimeMillis() - ticks * 5000L - 120_000L) / 60_000L * 60_000L;
    }

    int series() {
        return series;
    }

    /** The JSON bytes of point {@code n} (series n % S at tick n / S). */
    byte[] point(long n, SplittableRandom random) {
        int s = (int) (n % series);
        long tick = n / series;
        int metric = s % METRICS;
        int instance = (s / METRICS) % INSTANCES;
        int service = s / (METRICS * INSTANCES);
        double base = 20 + 10 * metric;
        double value = base * (1 + 0.1 * random.nextGaussian());
        String json = "{\"ts\":" + (start + tick * 5000L)
                + ",\"service\":\"svc-" + service + "\",\"instance\":\"svc-" + service + "-i" + instance
                + "\",\"metric\":\"m" + metric + "\",\"value\":" + Math.round(value * 1000) / 1000.0
                + ",\"labels\":{\"zone\":\"" + ZONES[instance % ZONES.length] + "\",\"region\":\""
                + REGIONS[service % REGIONS.length] + "\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The Kafka key of point {@code n}: its series. */
    byte[] key(long n) {
        return ("s" + (n % series)).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} rules spread over services and metrics; thresholds high enough that few fire. */
    List<AlertRule> rules(int count) {
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int service = i % services;
            int metric = (i / services) % METRICS;
            List<LabelFilter> filters = new ArrayList<>();
            filters.add(new LabelFilter("service", FilterOp.EQUAL, List.of("svc-" + service)));
            if (i % 3 == 1) {
                filters.add(new LabelFilter("zone", FilterOp.IN, List.of("a", "b")));
            }
            if (i % 5 == 2) {
                filters.add(new LabelFilter("instance", FilterOp.REGEX, List.of("svc-" + service + "-i1[0-9]")));
            }
            if (i % 7 == 3) {
                filters.add(new LabelFilter("region", FilterOp.NOT_EQUAL, List.of("ap-south-1")));
            }
            double threshold = (20 + 10 * metric) * (i % 11 == 0 ? 1.1 : 1.6);
            rules.add(new AlertRule("bench-" + i, 1, "Bench" + i, "m" + metric, Resolution.M1, filters,
                    new RuleCondition(ConditionKind.THRESHOLD, "avg", Comparison.GT, threshold, 0), 60, "warning", true,
                    Map.of(), Map.of(), Instant.now()));
        }
        return rules;
    }
}
