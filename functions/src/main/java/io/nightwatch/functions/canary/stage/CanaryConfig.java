package io.nightwatch.functions.canary.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.functions.canary.Direction;
import io.nightwatch.functions.canary.EffectSizeMeasure;
import io.nightwatch.functions.canary.MetricConfig;
import io.nightwatch.functions.canary.MetricKind;
import io.nightwatch.functions.canary.NanStrategy;
import io.nightwatch.functions.canary.ScoreThresholds;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the canary job judges (Kayenta's canary config): the metrics with their direction, kind, criticality and
 * groups, the group weights, and the thresholds used when a release event gives none.
 */
public record CanaryConfig(List<CanaryMetric> metrics, Map<String, Double> groupWeights,
        ScoreThresholds defaultThresholds) implements Serializable {

    private static final Set<String> TOP_FIELDS = Set.of("metrics", "groupWeights", "passThreshold",
            "marginalThreshold");
    private static final Set<String> METRIC_FIELDS = Set.of("name", "kind", "exposure", "direction", "critical",
            "mustHaveData", "muted", "groups", "nanStrategy", "effectSize");
    private static final Set<String> EFFECT_FIELDS = Set.of("measure", "allowedIncrease", "allowedDecrease",
            "criticalIncrease", "criticalDecrease");

    public CanaryConfig {
        if (metrics == null || metrics.isEmpty()) {
            throw new IllegalArgumentException("a canary config needs at least one metric");
        }
        metrics = List.copyOf(metrics);
        groupWeights = groupWeights == null ? Map.of() : Map.copyOf(groupWeights);
        defaultThresholds = defaultThresholds == null ? ScoreThresholds.defaults() : defaultThresholds;
        Set<String> names = new LinkedHashSet<>();
        for (CanaryMetric m : metrics) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("metric " + m.name() + " is configured twice");
            }
        }
    }

    /**
     * The simulated fleet's metrics: latency (critical) in group latency; the error count over requests (critical,
     * rate test) and the error-rate gauge in group errors; CPU in group saturation. Weights 40/40/20, so one
     * non-critical failure alone still passes at 75 and two make the stage marginal.
     */
    public static CanaryConfig defaults() {
        return new CanaryConfig(List.of(
                new CanaryMetric(gauge("latency_ms", "latency").withCritical(true), null),
                new CanaryMetric(MetricConfig.of("errors").withGroups(List.of("errors")).withKind(MetricKind.COUNT)
                        .withDirection(Direction.INCREASE).withCritical(true), "requests"),
                new CanaryMetric(gauge("error_rate", "errors"), null),
                new CanaryMetric(gauge("cpu", "saturation"), null)),
                Map.of("latency", 40.0, "errors", 40.0, "saturation", 20.0), ScoreThresholds.defaults());
    }

    private static MetricConfig gauge(String name, String group) {
        return MetricConfig.of(name).withGroups(List.of(group)).withDirection(Direction.INCREASE);
    }

    /** The judge's configuration of every metric, in order. */
    public List<MetricConfig> metricConfigs() {
        return metrics.stream().map(CanaryMetric::config).toList();
    }

    /** Every metric name whose points the job keeps: the judged metrics and their exposures. */
    public Set<String> pointMetrics() {
        Set<String> names = new LinkedHashSet<>();
        for (CanaryMetric m : metrics) {
            names.add(m.name());
            if (m.exposure() != null) {
                names.add(m.exposure());
            }
        }
        return names;
    }

    /**
     * Reads a config file:
     * {@code {"metrics":[{"name":"latency_ms","kind":"gauge","direction":"increase","critical":true,
     * "groups":["latency"]},{"name":"errors","kind":"count","exposure":"requests",...}],
     * "groupWeights":{"latency":40,...},"passThreshold":75,"marginalThreshold":50}}. Unknown fields are refused.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CanaryConfig fromJson(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("canary config is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("canary config must be a JSON object");
        }
        rejectUnknown(root, TOP_FIELDS, "");
        JsonNode array = root.path("metrics");
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("canary config: 'metrics' must be a non-empty array");
        }
        List<CanaryMetric> metrics = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            metrics.add(metric(array.get(i), "metrics[" + i + "]."));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode w = root.path("groupWeights");
        if (!w.isMissingNode() && !w.isNull()) {
            if (!w.isObject()) {
                throw new IllegalArgumentException("canary config: 'groupWeights' must be an object of numbers");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNumber() || e.getValue().doubleValue() < 0) {
                    throw new IllegalArgumentException("canary config: groupWeights." + e.getKey()
                            + " must be a number >= 0");
                }
                weights.put(e.getKey(), e.getValue().doubleValue());
            }
        }
        ScoreThresholds d = ScoreThresholds.defaults();
        double pass = number(root, "passThreshold", "", d.pass());
        double marginal = number(root, "marginalThreshold", "", d.marginal());
        try {
            return new CanaryConfig(metrics, weights, new ScoreThresholds(pass, marginal));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("canary config: " + e.getMessage());
        }
    }

    private static CanaryMetric metric(JsonNode m, String where) {
        if (!m.isObject()) {
            throw new IllegalArgumentException("canary config: " + where + " must be an object");
        }
        rejectUnknown(m, METRIC_FIELDS, where);
        String name = m.path("name").asText("");
        if (name.isBlank()) {
            throw new IllegalArgumentException("canary config: " + where + "name is required");
        }
        MetricKind kind;
        try {
            kind = MetricKind.parse(m.path("kind").asText("gauge"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("canary config: " + where + "kind: " + e.getMessage());
        }
        String direction = m.path("direction").asText("either");
        if (!List.of("increase", "decrease", "either").contains(direction)) {
            throw new IllegalArgumentException("canary config: " + where + "direction must be increase, decrease or either");
        }
        List<String> groups = new ArrayList<>();
        m.path("groups").forEach(g -> groups.add(g.asText()));
        if (groups.isEmpty()) {
            groups.add("default");
        }
        MetricConfig config = MetricConfig.of(name).withKind(kind).withDirection(Direction.parse(direction))
                .withGroups(groups).withCritical(m.path("critical").asBoolean(false))
                .withMustHaveData(m.path("mustHaveData").asBoolean(false)).withMuted(m.path("muted").asBoolean(false))
                .withNanStrategy(NanStrategy.parse(m.path("nanStrategy").asText("remove")));
        JsonNode effect = m.path("effectSize");
        if (effect.isObject()) {
            rejectUnknown(effect, EFFECT_FIELDS, where + "effectSize.");
            String e = where + "effectSize.";
            config = config.withEffectSize(EffectSizeMeasure.parse(effect.path("measure").asText("meanRatio")),
                            number(effect, "allowedDecrease", e, 1.0), number(effect, "allowedIncrease", e, 1.0))
                    .withCriticalEffectSize(number(effect, "criticalDecrease", e, 1.0),
                            number(effect, "criticalIncrease", e, 1.0));
        }
        String exposure = m.hasNonNull("exposure") ? m.get("exposure").asText() : null;
        if (exposure != null && kind != MetricKind.COUNT) {
            throw new IllegalArgumentException("canary config: " + where + "exposure is only for kind count");
        }
        return new CanaryMetric(config, exposure);
    }

    private static double number(JsonNode node, String field, String where, double fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("canary config: " + where + field + " must be a number");
        }
        return v.doubleValue();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException("canary config: unknown field '" + where + f + "'; known: "
                        + new TreeSet<>(known));
            }
        }
    }
}
