package io.nightwatch.jobs;

import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.config.MetricsJobConfig;
import io.nightwatch.jobs.io.JdbcIo;
import io.nightwatch.jobs.io.KafkaIo;
import io.nightwatch.jobs.io.NoKey;
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
              jobs: metrics
              common: --bootstrap-servers HOST:PORT --jdbc-url jdbc:postgresql://... [--jdbc-user U] [--group-id G]
                      [--exactly-once true|false] [--bounded true|false] [--checkpoint-interval 10s]
              metrics: [--metrics-topic nw.metrics] [--deadletter-topic nw.deadletter] [--out-of-orderness 5s]
                       [--idleness 30s] [--max-past 7d] [--max-future 10min] [--max-labels 32]
            """;

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
                        KafkaIo.rawSource(config.kafka(), config.metricsTopic()),
                        KafkaIo.jsonSink(config.kafka(), config.deadLetterTopic(), new NoKey<>(), "nw-metrics-dlq"),
                        JdbcIo.rollupSink(config.jdbc()));
                return MetricsJob.NAME;
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
