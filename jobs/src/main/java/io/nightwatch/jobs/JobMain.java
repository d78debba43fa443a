package io.nightwatch.jobs;

import io.nightwatch.jobs.canary.CanaryIo;
import io.nightwatch.jobs.canary.CanaryJob;
import io.nightwatch.jobs.canary.CanaryJobConfig;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.config.MetricsJobConfig;
import io.nightwatch.jobs.io.JdbcIo;
import io.nightwatch.jobs.io.KafkaIo;
import io.nightwatch.jobs.io.Keys;
import io.nightwatch.jobs.io.NoKey;
import io.nightwatch.jobs.io.RetentionSink;
import io.nightwatch.jobs.metrics.MetricsJob;
import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the shaded job jar: {@code flink run nightwatch-jobs-job.jar <job> --key value …}.
 * Builds the real sources and sinks and hands them to the job's workflow.
 */
public final class JobMain {

    public static final String USAGE = """
            usage: JobMain <job> [--key value ...]
              jobs: metrics, canary, incidents
              common: --bootstrap-servers HOST:PORT --jdbc-url jdbc:postgresql://... [--jdbc-user U] [--group-id G]
                      [--exactly-once true|false] [--bounded true|false] [--checkpoint-interval 10s]
              metrics: [--metrics-topic nw.metrics] [--rules-topic nw.rules] [--rollups-topic nw.rollups]
                       [--alerts-topic nw.alerts] [--anomalies-topic nw.anomalies] [--deadletter-topic nw.deadletter]
                       [--out-of-orderness 5s] [--idleness 30s] [--allowed-lateness 0s] [--max-past 7d]
                       [--max-future 2min] [--max-labels 32] [--rule-stale-windows 5]
                       [--retention 1m=7d,5m=30d,15m=90d,1h=400d,1d=1825d] [--anomaly-detection true]
                       [--anomaly-threshold 0.9]
                       [--anomaly-count 3] [--anomaly-within 2min] [--anomaly-cooldown 15min]
              canary: [--metrics-topic nw.metrics] [--releases-topic nw.releases] [--alerts-topic nw.alerts]
                      [--results-topic nw.commands.results] [--commands-topic nw.commands.healing]
                      [--verdicts-topic nw.canary.verdicts] [--incidents-topic nw.incidents]
                      [--deadletter-topic nw.deadletter] [--out-of-orderness 5s] [--idleness 30s]
                      [--analysis-delay 30s] [--suspect-within 10min] [--suspect-severities critical]
                      [--suspect-action rollback|mark] [--command-expiry 30min] [--command-retention 1d]
                      [--judge enhanced|kayenta] [--min-samples 10] [--canary-config FILE]
            """ + io.nightwatch.jobs.incidents.IncidentsJobConfig.USAGE;

    private JobMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        try {
            String name = define(env, args[0], Arrays.copyOfRange(args, 1, args.length));
            env.execute("nightwatch-" + name);
        } catch (ConfigException e) {
            System.err.println("nightwatch " + args[0] + ": " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** Submits a job without waiting for it (the local launcher runs several on one MiniCluster). */
    public static JobClient submit(StreamExecutionEnvironment env, String job, String... args) throws Exception {
        String name = define(env, job, args);
        return env.executeAsync("nightwatch-" + name);
    }

    /** Wires the named job into {@code env} with real Kafka and JDBC endpoints; returns its name. */
    public static String define(StreamExecutionEnvironment env, String job, String... args) {
        JobArgs jobArgs = JobArgs.of(args);
        switch (job) {
            case MetricsJob.NAME -> {
                MetricsJobConfig config = MetricsJobConfig.fromArgs(jobArgs);
                configure(env, jobArgs, config.checkpointInterval());
                new MetricsJob(config).defineWorkflow(env,
                        new MetricsJob.Sources(
                                KafkaIo.rawSource(config.kafka(), config.metricsTopic()),
                                KafkaIo.compactedSource(config.kafka(), config.rulesTopic())),
                        new MetricsJob.Sinks(
                                KafkaIo.jsonSink(config.kafka(), config.deadLetterTopic(), new NoKey<>(), "nw-metrics-dlq"),
                                JdbcIo.rollupSink(config.jdbc()),
                                KafkaIo.jsonSink(config.kafka(), config.rollupsTopic(), new Keys.RollupKey(), "nw-metrics-rollups"),
                                KafkaIo.jsonSink(config.kafka(), config.alertsTopic(), new Keys.AlertKey(), "nw-metrics-alerts"),
                                KafkaIo.jsonSink(config.kafka(), config.anomaliesTopic(), new Keys.AnomalyKey(), "nw-metrics-anomalies"),
                                JdbcIo.anomalySink(config.jdbc()),
                                new RetentionSink(config.jdbc(), config.retention(), Duration.ofMinutes(10))));
                return MetricsJob.NAME;
            }
            case io.nightwatch.jobs.incidents.IncidentsJob.NAME -> {
                var config = io.nightwatch.jobs.incidents.IncidentsJobConfig.fromArgs(jobArgs);
                configure(env, jobArgs, config.checkpointInterval());
                var handOff = new io.nightwatch.jobs.incidents.IncidentsJob(config).defineWorkflow(env,
                        io.nightwatch.jobs.incidents.IncidentsIo.sources(config),
                        io.nightwatch.jobs.incidents.IncidentsIo.sinks(config));
                if (config.decisions() != null) {
                    new io.nightwatch.jobs.incidents.IncidentDecisions(config.decisions()).define(env, handOff,
                            io.nightwatch.jobs.incidents.IncidentsIo.decisionSources(config),
                            io.nightwatch.jobs.incidents.IncidentsIo.decisionSinks(config));
                }
                return io.nightwatch.jobs.incidents.IncidentsJob.NAME;
            }
            case CanaryJob.NAME -> {
                CanaryJobConfig config = CanaryJobConfig.fromArgs(jobArgs);
                configure(env, jobArgs, config.checkpointInterval());
                new CanaryJob(config).defineWorkflow(env, CanaryIo.sources(config), CanaryIo.sinks(config));
                return CanaryJob.NAME;
            }
            default -> throw new ConfigException("unknown job '" + job + "'");
        }
    }

    private static void configure(StreamExecutionEnvironment env, JobArgs args, Duration checkpointInterval) {
        env.getConfig().setGlobalJobParameters(args.asParameterTool());
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        CheckpointConfig cc = env.getCheckpointConfig();
        cc.setMinPauseBetweenCheckpoints(Math.min(checkpointInterval.toMillis() / 2, 5000));
        cc.setCheckpointTimeout(Duration.ofMinutes(5).toMillis());
        cc.setTolerableCheckpointFailureNumber(3);
    }
}
