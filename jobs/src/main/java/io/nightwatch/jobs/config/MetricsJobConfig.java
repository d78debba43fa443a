package io.nightwatch.jobs.config;

import io.nightwatch.functions.metrics.ValidationLimits;
import io.nightwatch.schemas.Topics;
import java.io.Serializable;
import java.time.Duration;

/** Everything the metrics job is configured with; built from {@code --key value} arguments by {@link #fromArgs}. */
public record MetricsJobConfig(
        KafkaSettings kafka,
        JdbcSettings jdbc,
        String metricsTopic,
        String deadLetterTopic,
        Duration outOfOrderness,
        Duration idleness,
        Duration checkpointInterval,
        ValidationLimits limits) implements Serializable {

    public static final String METRICS_TOPIC = "metrics-topic";
    public static final String DEADLETTER_TOPIC = "deadletter-topic";
    public static final String OUT_OF_ORDERNESS = "out-of-orderness";
    public static final String IDLENESS = "idleness";
    public static final String CHECKPOINT_INTERVAL = "checkpoint-interval";
    public static final String MAX_PAST = "max-past";
    public static final String MAX_FUTURE = "max-future";
    public static final String MAX_LABELS = "max-labels";

    /** Builds the config and refuses unknown or malformed options. */
    public static MetricsJobConfig fromArgs(JobArgs args) {
        ValidationLimits d = ValidationLimits.defaults();
        MetricsJobConfig config = new MetricsJobConfig(
                KafkaSettings.from(args, "nightwatch-metrics"),
                JdbcSettings.from(args),
                args.optional(METRICS_TOPIC, Topics.METRICS),
                args.optional(DEADLETTER_TOPIC, Topics.DEADLETTER),
                args.duration(OUT_OF_ORDERNESS, Duration.ofSeconds(5)),
                args.duration(IDLENESS, Duration.ofSeconds(30)),
                args.duration(CHECKPOINT_INTERVAL, Duration.ofSeconds(10)),
                new ValidationLimits(
                        args.duration(MAX_PAST, Duration.ofMillis(d.maxPastMillis())).toMillis(),
                        args.duration(MAX_FUTURE, Duration.ofMillis(d.maxFutureMillis())).toMillis(),
                        args.integer(MAX_LABELS, d.maxLabels(), 0, 1024),
                        d.maxNameLength(), d.maxLabelValueLength(), d.maxBytes()));
        args.rejectUnknown();
        return config;
    }
}
