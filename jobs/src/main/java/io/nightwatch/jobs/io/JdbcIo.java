package io.nightwatch.jobs.io;

import io.nightwatch.jobs.config.JdbcSettings;
import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.Rollup;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/** The one place that builds JDBC sinks: at-least-once batches of idempotent upserts (replays change nothing). */
public final class JdbcIo {

    private JdbcIo() {}

    /** Upserts rollups into {@code metric_rollups}. */
    public static JdbcSink<Rollup> rollupSink(JdbcSettings jdbc) {
        return JdbcSink.<Rollup>builder()
                .withQueryStatement(RollupUpsert.SQL, new RollupUpsert())
                .withExecutionOptions(executionOptions())
                .buildAtLeastOnce(connection(jdbc));
    }

    /** Upserts anomalies into {@code anomalies} (keyed by anomaly id). */
    public static JdbcSink<Anomaly> anomalySink(JdbcSettings jdbc) {
        return JdbcSink.<Anomaly>builder()
                .withQueryStatement(AnomalyUpsert.SQL, new AnomalyUpsert())
                .withExecutionOptions(executionOptions())
                .buildAtLeastOnce(connection(jdbc));
    }

    /**
     * At-least-once batches of an idempotent upsert for rows that change often: rows of one key are merged within a
     * batch and the batch is sent as multi-row statements in one transaction ({@link MergingJdbcSink}).
     */
    public static <T> MergingJdbcSink<T> mergingUpserts(JdbcSettings jdbc, MergingJdbcSink.Upsert<T> upsert) {
        return new MergingJdbcSink<>(jdbc, upsert, 5000, 1000);
    }

    /** At-least-once batches of one idempotent statement (the canary job's projections: {@code jobs.canary.sql}). */
    public static <T> JdbcSink<T> upserts(JdbcSettings jdbc, String sql,
            org.apache.flink.connector.jdbc.JdbcStatementBuilder<T> statement) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, statement)
                .withExecutionOptions(executionOptions())
                .buildAtLeastOnce(connection(jdbc));
    }

    static JdbcExecutionOptions executionOptions() {
        return JdbcExecutionOptions.builder().withBatchSize(2000).withBatchIntervalMs(1000).withMaxRetries(5).build();
    }

    static JdbcConnectionOptions connection(JdbcSettings jdbc) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder b = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(jdbc.url())
                .withDriverName("org.postgresql.Driver")
                .withConnectionCheckTimeoutSeconds(30);
        if (jdbc.user() != null) {
            b.withUsername(jdbc.user());
        }
        if (jdbc.password() != null) {
            b.withPassword(jdbc.password());
        }
        return b.build();
    }
}
