package io.nightwatch.jobs.canary;

import io.nightwatch.functions.canary.CanaryJudge;
import io.nightwatch.functions.canary.JudgeSettings;
import io.nightwatch.functions.canary.stage.CanaryConfig;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JdbcSettings;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.config.KafkaSettings;
import io.nightwatch.schemas.Topics;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Everything the canary job is configured with; built from {@code --key value} arguments by {@link #fromArgs}. */
public record CanaryJobConfig(
        KafkaSettings kafka,
        JdbcSettings jdbc,
        String metricsTopic,
        String releasesTopic,
        String alertsTopic,
        String resultsTopic,
        String commandsTopic,
        String verdictsTopic,
        String incidentsTopic,
        String deadLetterTopic,
        Duration outOfOrderness,
        Duration idleness,
        Duration analysisDelay,
        Duration suspectWithin,
        Set<String> suspectSeverities,
        boolean suspectRollback,
        Duration commandExpiry,
        Duration commandRetention,
        Duration checkpointInterval,
        CanaryJudge judge,
        CanaryConfig canary) implements Serializable {

    public static final String METRICS_TOPIC = "metrics-topic";
    public static final String RELEASES_TOPIC = "releases-topic";
    public static final String ALERTS_TOPIC = "alerts-topic";
    public static final String RESULTS_TOPIC = "results-topic";
    public static final String COMMANDS_TOPIC = "commands-topic";
    public static final String VERDICTS_TOPIC = "verdicts-topic";
    public static final String INCIDENTS_TOPIC = "incidents-topic";
    public static final String DEADLETTER_TOPIC = "deadletter-topic";
    public static final String OUT_OF_ORDERNESS = "out-of-orderness";
    public static final String IDLENESS = "idleness";
    public static final String ANALYSIS_DELAY = "analysis-delay";
    public static final String SUSPECT_WITHIN = "suspect-within";
    public static final String SUSPECT_SEVERITIES = "suspect-severities";
    public static final String SUSPECT_ACTION = "suspect-action";
    public static final String COMMAND_EXPIRY = "command-expiry";
    public static final String COMMAND_RETENTION = "command-retention";
    public static final String CHECKPOINT_INTERVAL = "checkpoint-interval";
    public static final String JUDGE = "judge";
    public static final String MIN_SAMPLES = "min-samples";
    public static final String CANARY_CONFIG = "canary-config";

    /** Builds the config and refuses unknown or malformed options. */
    public static CanaryJobConfig fromArgs(JobArgs args) {
        String action = args.optional(SUSPECT_ACTION, "rollback").trim().toLowerCase(Locale.ROOT);
        if (!action.equals("rollback") && !action.equals("mark")) {
            throw new ConfigException("--" + SUSPECT_ACTION + ": expected rollback or mark, got " + action);
        }
        String mode = args.optional(JUDGE, "enhanced").trim().toLowerCase(Locale.ROOT);
        int minSamples = args.integer(MIN_SAMPLES, JudgeSettings.enhanced().minSamples(), 1, 100_000);
        JudgeSettings settings = switch (mode) {
            case "enhanced" -> JudgeSettings.enhanced().withMinSamples(minSamples);
            case "kayenta" -> JudgeSettings.kayenta();
            default -> throw new ConfigException("--" + JUDGE + ": expected enhanced or kayenta, got " + mode);
        };
        Duration delay = args.duration(ANALYSIS_DELAY, Duration.ofSeconds(30));
        Duration within = args.duration(SUSPECT_WITHIN, Duration.ofMinutes(10));
        if (within.isZero() || within.isNegative()) {
            throw new ConfigException("--" + SUSPECT_WITHIN + ": must be positive");
        }
        Set<String> severities = new LinkedHashSet<>();
        Arrays.stream(args.optional(SUSPECT_SEVERITIES, "critical").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty() && !s.equals("all"))
                .forEach(severities::add);
        CanaryJobConfig config = new CanaryJobConfig(
                KafkaSettings.from(args, "nightwatch-canary"),
                JdbcSettings.from(args),
                args.optional(METRICS_TOPIC, Topics.METRICS),
                args.optional(RELEASES_TOPIC, Topics.RELEASES),
                args.optional(ALERTS_TOPIC, Topics.ALERTS),
                args.optional(RESULTS_TOPIC, Topics.COMMAND_RESULTS),
                args.optional(COMMANDS_TOPIC, Topics.COMMANDS_HEALING),
                args.optional(VERDICTS_TOPIC, Topics.CANARY_VERDICTS),
                args.optional(INCIDENTS_TOPIC, Topics.INCIDENTS),
                args.optional(DEADLETTER_TOPIC, Topics.DEADLETTER),
                args.duration(OUT_OF_ORDERNESS, Duration.ofSeconds(5)),
                args.duration(IDLENESS, Duration.ofSeconds(30)),
                delay.isNegative() ? Duration.ZERO : delay,
                within,
                Set.copyOf(severities),
                action.equals("rollback"),
                args.duration(COMMAND_EXPIRY, Duration.ofMinutes(30)),
                args.duration(COMMAND_RETENTION, Duration.ofDays(1)),
                args.duration(CHECKPOINT_INTERVAL, Duration.ofSeconds(10)),
                new CanaryJudge(settings),
                canaryConfig(args.optional(CANARY_CONFIG, null)));
        args.rejectUnknown();
        return config;
    }

    private static CanaryConfig canaryConfig(String file) {
        if (file == null) {
            return CanaryConfig.defaults();
        }
        try {
            return CanaryConfig.fromJson(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new ConfigException("--" + CANARY_CONFIG + ": cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--" + CANARY_CONFIG + " " + file + ": " + e.getMessage());
        }
    }
}
