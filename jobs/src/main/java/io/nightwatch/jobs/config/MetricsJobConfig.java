package io.nightwatch.jobs.config;

import io.nightwatch.functions.metrics.ValidationLimits;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Topics;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Everything the metrics job is configured with; built from {@code --key value} arguments by {@link #fromArgs}. */
public record MetricsJobConfig(
        KafkaSettings kafka,
        JdbcSettings jdbc,
        String metricsTopic,
        String rulesTopic,
        String rollupsTopic,
        String alertsTopic,
        String anomaliesTopic,
        String deadLetterTopic,
        Duration outOfOrderness,
        Duration idleness,
        Duration allowedLateness,
        Duration checkpointInterval,
        ValidationLimits limits,
        int ruleStaleWindows,
        AnomalySettings anomaly,
        Map<Resolution, Duration> retention) implements Serializable {

    public static final String METRICS_TOPIC = "metrics-topic";
    public static final String RULES_TOPIC = "rules-topic";
    public static final String ROLLUPS_TOPIC = "rollups-topic";
    public static final String ALERTS_TOPIC = "alerts-topic";
    public static final String ANOMALIES_TOPIC = "anomalies-topic";
    public static final String DEADLETTER_TOPIC = "deadletter-topic";
    public static final String OUT_OF_ORDERNESS = "out-of-orderness";
    public static final String IDLENESS = "idleness";
    public static final String ALLOWED_LATENESS = "allowed-lateness";
    public static final String CHECKPOINT_INTERVAL = "checkpoint-interval";
    public static final String MAX_PAST = "max-past";
    public static final String MAX_FUTURE = "max-future";
    public static final String MAX_LABELS = "max-labels";
    public static final String RULE_STALE_WINDOWS = "rule-stale-windows";
    public static final String RETENTION = "retention";

    /** How detector scores become anomalies. */
    public record AnomalySettings(boolean enabled, double threshold, int count, Duration within, Duration coolDown)
            implements Serializable {}

    /** Builds the config and refuses unknown or malformed options. */
    public static MetricsJobConfig fromArgs(JobArgs args) {
        ValidationLimits d = ValidationLimits.defaults();
        MetricsJobConfig config = new MetricsJobConfig(
                KafkaSettings.from(args, "nightwatch-metrics"),
                JdbcSettings.from(args),
                args.optional(METRICS_TOPIC, Topics.METRICS),
                args.optional(RULES_TOPIC, Topics.RULES),
                args.optional(ROLLUPS_TOPIC, Topics.ROLLUPS),
                args.optional(ALERTS_TOPIC, Topics.ALERTS),
                args.optional(ANOMALIES_TOPIC, Topics.ANOMALIES),
                args.optional(DEADLETTER_TOPIC, Topics.DEADLETTER),
                args.duration(OUT_OF_ORDERNESS, Duration.ofSeconds(5)),
                args.duration(IDLENESS, Duration.ofSeconds(30)),
                args.duration(ALLOWED_LATENESS, Duration.ZERO),
                args.duration(CHECKPOINT_INTERVAL, Duration.ofSeconds(10)),
                new ValidationLimits(
                        args.duration(MAX_PAST, Duration.ofMillis(d.maxPastMillis())).toMillis(),
                        args.duration(MAX_FUTURE, Duration.ofMillis(d.maxFutureMillis())).toMillis(),
                        args.integer(MAX_LABELS, d.maxLabels(), 0, 1024),
                        d.maxNameLength(), d.maxLabelValueLength(), d.maxBytes()),
                args.integer(RULE_STALE_WINDOWS, 5, 1, 1000),
                new AnomalySettings(
                        args.flag("anomaly-detection", true),
                        args.fraction("anomaly-threshold", 0.9),
                        args.integer("anomaly-count", 3, 1, 100),
                        args.duration("anomaly-within", Duration.ofMinutes(2)),
                        args.duration("anomaly-cooldown", Duration.ofMinutes(15))),
                retention(args.optional(RETENTION, "1m=7d,5m=30d,15m=90d,1h=400d,1d=1825d")));
        if (config.allowedLateness().compareTo(Duration.ofMinutes(4)) > 0) {
            throw new ConfigException("--" + ALLOWED_LATENESS + ": at most 4min (corrections reach the 1m rollups and "
                    + "the coarse windows still open), got " + config.allowedLateness());
        }
        args.rejectUnknown();
        return config;
    }

    static Map<Resolution, Duration> retention(String spec) {
        Map<Resolution, Duration> out = new EnumMap<>(Resolution.class);
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new ConfigException("--" + RETENTION + ": expected RES=DURATION pairs such as 1m=7d, got '" + part + "'");
            }
            try {
                out.put(Resolution.parse(kv[0]), org.apache.flink.util.TimeUtils.parseDuration(kv[1]));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--" + RETENTION + ": " + e.getMessage());
            }
        }
        for (Resolution r : Resolution.values()) {
            out.putIfAbsent(r, Duration.ofDays(3650));
        }
        return out;
    }
}
