package io.nightwatch.jobs.io;

import io.nightwatch.jobs.config.JdbcSettings;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the rollup retention of every resolution: every {@code interval} (processing time, checked as rollups
 * pass) it prunes {@code metric_rollups} through {@link RollupRetention}. It writes nothing; run it with
 * parallelism 1 on a low-volume stream (the service rollups). A failed prune is logged and retried next time.
 */
public final class RetentionSink implements Sink<Rollup> {

    private final JdbcSettings jdbc;
    private final EnumMap<Resolution, Duration> retention;
    private final Duration interval;

    public RetentionSink(JdbcSettings jdbc, Map<Resolution, Duration> retention, Duration interval) {
        this.jdbc = jdbc;
        this.retention = new EnumMap<>(retention);
        this.interval = interval;
    }

    @Override
    public SinkWriter<Rollup> createWriter(WriterInitContext context) {
        Counter pruned = context.metricGroup().addGroup("nightwatch").counter("rollupsPruned");
        return new Writer(pruned);
    }

    private final class Writer implements SinkWriter<Rollup> {
        private final Logger log = LoggerFactory.getLogger(RetentionSink.class);
        private final Counter pruned;
        private long next;

        Writer(Counter pruned) {
            this.pruned = pruned;
        }

        @Override
        public void write(Rollup element, Context context) {
            long now = System.currentTimeMillis();
            if (now < next) {
                return;
            }
            next = now + interval.toMillis();
            Properties p = new Properties();
            if (jdbc.user() != null) {
                p.setProperty("user", jdbc.user());
            }
            if (jdbc.password() != null) {
                p.setProperty("password", jdbc.password());
            }
            try (Connection c = DriverManager.getConnection(jdbc.url(), p)) {
                Map<Resolution, Long> deleted = RollupRetention.prune(c, retention, Instant.ofEpochMilli(now));
                long total = deleted.values().stream().mapToLong(Long::longValue).sum();
                pruned.inc(total);
                if (total > 0) {
                    log.info("retention: pruned {}", deleted);
                }
            } catch (SQLException e) {
                log.warn("retention: prune failed, retrying in {}", interval, e);
            }
        }

        @Override
        public void flush(boolean endOfInput) {
        }

        @Override
        public void close() throws IOException {
        }
    }
}
