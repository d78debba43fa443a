package io.nightwatch.jobs.incidents;

import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.config.IncidentsConfigParser;
import io.nightwatch.functions.incidents.config.InvalidConfigException;
import io.nightwatch.functions.incidents.intake.AlertLimits;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JdbcSettings;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.config.KafkaSettings;
import io.nightwatch.schemas.Topics;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the incidents job is configured with; built from {@code --key value} arguments by {@link #fromArgs}.
 * The routing tree, inhibition rules, {@code resolve_timeout}, convergence and priority come from the file named by
 * {@code --config} (an Alertmanager configuration, optionally with a {@code nightwatch:} section), else defaults.
 * {@code decisions} (the analyzer, the guard, commands) is null without {@code --analyzer-url}.
 */
public record IncidentsJobConfig(
        KafkaSettings kafka,
        JdbcSettings jdbc,
        String alertsTopic,
        String anomaliesTopic,
        String silencesTopic,
        String releasesTopic,
        String approvalsTopic,
        String incidentsTopic,
        String deadLetterTopic,
        String configSource,
        IncidentsConfig incidents,
        AlertLimits limits,
        Duration outOfOrderness,
        Duration idleAfter,
        Duration catalogRefresh,
        Duration releaseRetention,
        Duration checkpointInterval,
        DecisionConfig decisions) implements Serializable {

    public static final String ALERTS_TOPIC = "alerts-topic";
    public static final String ANOMALIES_TOPIC = "anomalies-topic";
    public static final String SILENCES_TOPIC = "silences-topic";
    public static final String RELEASES_TOPIC = "releases-topic";
    public static final String APPROVALS_TOPIC = "approvals-topic";
    public static final String INCIDENTS_TOPIC = "incidents-topic";
    public static final String DEADLETTER_TOPIC = "deadletter-topic";
    public static final String CONFIG = "config";
    public static final String OUT_OF_ORDERNESS = "out-of-orderness";
    public static final String IDLE_AFTER = "idle-after";
    public static final String CATALOG_REFRESH = "catalog-refresh";
    public static final String RELEASE_RETENTION = "release-retention";
    public static final String CHECKPOINT_INTERVAL = "checkpoint-interval";

    public static final String USAGE = """
              incidents: [--config FILE (alertmanager.yml format + optional nightwatch: section)]
                         [--alerts-topic nw.alerts] [--anomalies-topic nw.anomalies] [--silences-topic nw.silences]
                         [--releases-topic nw.releases] [--approvals-topic nw.approvals]
                         [--incidents-topic nw.incidents] [--deadletter-topic nw.deadletter]
                         [--out-of-orderness 1s] [--idle-after 2s] [--catalog-refresh 1min] [--release-retention 1h]
            """ + DecisionConfig.USAGE;

    /** Builds the config and refuses unknown or malformed options, and a configuration file that cannot be used. */
    public static IncidentsJobConfig fromArgs(JobArgs args) {
        String file = args.optional(CONFIG, null);
        IncidentsConfig incidents;
        try {
            incidents = file == null ? IncidentsConfig.defaults() : IncidentsConfigParser.parseFile(Path.of(file));
        } catch (InvalidConfigException e) {
            throw new ConfigException("--" + CONFIG + ": " + e.getMessage());
        }
        IncidentsJobConfig config = new IncidentsJobConfig(
                KafkaSettings.from(args, "nightwatch-incidents"),
                JdbcSettings.from(args),
                args.optional(ALERTS_TOPIC, Topics.ALERTS),
                args.optional(ANOMALIES_TOPIC, Topics.ANOMALIES),
                args.optional(SILENCES_TOPIC, Topics.SILENCES),
                args.optional(RELEASES_TOPIC, Topics.RELEASES),
                args.optional(APPROVALS_TOPIC, Topics.APPROVALS),
                args.optional(INCIDENTS_TOPIC, Topics.INCIDENTS),
                args.optional(DEADLETTER_TOPIC, Topics.DEADLETTER),
                file == null ? "(built-in defaults)" : file,
                incidents,
                AlertLimits.defaults(),
                positive(args, OUT_OF_ORDERNESS, Duration.ofSeconds(1), true),
                positive(args, IDLE_AFTER, Duration.ofSeconds(2), false),
                positive(args, CATALOG_REFRESH, Duration.ofMinutes(1), false),
                positive(args, RELEASE_RETENTION, Duration.ofHours(1), false),
                positive(args, CHECKPOINT_INTERVAL, Duration.ofSeconds(10), false),
                DecisionConfig.fromArgs(args));
        args.rejectUnknown();
        return config;
    }

    private static Duration positive(JobArgs args, String key, Duration fallback, boolean zeroAllowed) {
        Duration d = args.duration(key, fallback);
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new ConfigException("--" + key + ": must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", got " + d);
        }
        return d;
    }
}
