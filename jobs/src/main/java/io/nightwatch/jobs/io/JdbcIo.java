package io.nightwatch.jobs.io;

import io.nightwatch.jobs.config.JdbcSettings;
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
