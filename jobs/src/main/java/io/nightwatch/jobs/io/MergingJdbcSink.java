package io.nightwatch.jobs.io;

import io.nightwatch.jobs.config.JdbcSettings;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once batches of idempotent upserts into PostgreSQL, for rows that change often: rows of one key in a batch
 * are merged first (as the upsert would combine them), so a batch holds each key once and the driver can send it as
 * one multi-row statement ({@code reWriteBatchedInserts}); each batch is one transaction. A batch is written when it is
 * full, every {@code interval}, before every checkpoint and at the end of the input; a failed write is retried, then
 * fails the job (which replays from its last checkpoint: nothing written is lost, nothing is duplicated).
 */
public final class MergingJdbcSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** How one kind of row is written. */
    public interface Upsert<T> extends Serializable {
        /** An {@code INSERT ... VALUES (...) ON CONFLICT ...} statement. */
        String sql();

        void bind(PreparedStatement ps, T row) throws SQLException;

        /** The row's primary key. */
        String key(T row);

        /** The row two writes of one key leave. */
        T merge(T earlier, T later);
    }

    private final JdbcSettings jdbc;
    private final Upsert<T> upsert;
    private final int batchSize;
    private final long intervalMs;

    public MergingJdbcSink(JdbcSettings jdbc, Upsert<T> upsert, int batchSize, long intervalMs) {
        this.jdbc = jdbc;
        this.upsert = upsert;
        this.batchSize = batchSize;
        this.intervalMs = intervalMs;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(jdbc, upsert, batchSize, intervalMs, context.getProcessingTimeService());
    }

    private static final class Writer<T> implements SinkWriter<T> {

        private static final Logger LOG = LoggerFactory.getLogger(MergingJdbcSink.class);
        private static final int ATTEMPTS = 4;

        private final JdbcSettings jdbc;
        private final Upsert<T> upsert;
        private final int batchSize;
        private final long intervalMs;
        private final ProcessingTimeService time;
        private final Map<String, T> batch = new LinkedHashMap<>();
        private Connection connection;
        private PreparedStatement statement;
        private boolean closed;

        Writer(JdbcSettings jdbc, Upsert<T> upsert, int batchSize, long intervalMs, ProcessingTimeService time) {
            this.jdbc = jdbc;
            this.upsert = upsert;
            this.batchSize = batchSize;
            this.intervalMs = intervalMs;
            this.time = time;
            schedule();
        }

        private void schedule() {
            time.registerTimer(time.getCurrentProcessingTime() + intervalMs, t -> {
                if (!closed) {
                    flush(false);
                    schedule();
                }
            });
        }

        @Override
        public void write(T row, Context context) throws IOException, InterruptedException {
            batch.merge(upsert.key(row), row, upsert::merge);
            if (batch.size() >= batchSize) {
                flush(false);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            if (batch.isEmpty()) {
                return;
            }
            SQLException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    PreparedStatement ps = statement();
                    for (T row : batch.values()) {
                        upsert.bind(ps, row);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    connection.commit();
                    batch.clear();
                    return;
                } catch (SQLException e) {
                    last = e;
                    LOG.warn("writing {} rows failed (attempt {} of {}); reconnecting", batch.size(), attempt, ATTEMPTS, e);
                    reset();
                    Thread.sleep(200L * attempt);
                }
            }
            throw new IOException("cannot write " + batch.size() + " rows to PostgreSQL: " + last.getMessage(), last);
        }

        private PreparedStatement statement() throws SQLException {
            if (connection == null || connection.isClosed()) {
                Properties p = new Properties();
                if (jdbc.user() != null) {
                    p.setProperty("user", jdbc.user());
                }
                if (jdbc.password() != null) {
                    p.setProperty("password", jdbc.password());
                }
                p.setProperty("reWriteBatchedInserts", "true");
                connection = DriverManager.getConnection(jdbc.url(), p);
                connection.setAutoCommit(false);
                statement = connection.prepareStatement(upsert.sql());
            }
            return statement;
        }

        private void reset() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                LOG.debug("closing a failed connection", e);
            }
            connection = null;
            statement = null;
        }

        @Override
        public void close() {
            closed = true;
            reset();
        }
    }
}
