package io.nightwatch.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.jobs.JobMain;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The metrics job on a Flink MiniCluster, reading a real Kafka broker and writing real PostgreSQL. */
class MetricsJobIT {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
            .build());

    private static final Instant MINUTE = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    private static final String METRICS = "test.metrics";
    private static final String DEAD = "test.deadletter";

    private static TestKafka kafka;
    private static TestPostgres db;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        kafka.createTopics(2, METRICS, DEAD);
        db = TestPostgres.create("metrics_job");
    }

    @AfterAll
    static void stop() {
        db.close();
        kafka.close();
    }

    private static Map.Entry<String, byte[]> point(String service, String instance, long offsetSeconds, double value) {
        String json = """
                {"ts":"%s","service":"%s","instance":"%s","metric":"latency_ms","value":%s,"labels":{"zone":"a"}}"""
                .formatted(MINUTE.plusSeconds(offsetSeconds), service, instance, value);
        return Map.entry(service + "/" + instance + "/latency_ms{zone=a}", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map.Entry<String, byte[]> raw(String json) {
        return Map.entry("bad", json.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<Map.Entry<String, byte[]>> BAD_RECORDS = List.of(
            raw("{\"ts\": oops"),
            raw("{\"ts\":\"" + MINUTE + "\",\"instance\":\"c1\",\"metric\":\"latency_ms\",\"value\":1}"),
            raw("{\"ts\":\"" + MINUTE + "\",\"service\":\"checkout\",\"instance\":\"c1\",\"metric\":\"latency_ms\",\"value\":NaN}"),
            raw("{\"ts\":\"2099-01-01T00:00:00Z\",\"service\":\"checkout\",\"instance\":\"c1\",\"metric\":\"latency_ms\",\"value\":1}"),
            raw("{\"ts\":\"2001-01-01T00:00:00Z\",\"service\":\"checkout\",\"instance\":\"c1\",\"metric\":\"latency_ms\",\"value\":1}"),
            raw("{\"ts\":\"" + MINUTE + "\",\"service\":\"checkout\",\"instance\":\"c1\",\"metric\":\"latency_ms\",\"value\":1,"
                    + "\"labels\":{" + manyLabels(40) + "}}"));

    private static String manyLabels(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("\"l" + i + "\":\"v\"");
        }
        return String.join(",", labels);
    }

    @Test
    void writesExactRollupsPerSeriesAndServiceAndRoutesBadRecordsToTheDeadLetterTopic() throws Exception {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>(List.of(
                point("checkout", "c1", 0, 10),
                point("checkout", "c1", 20, 20),
                point("checkout", "c2", 10, 100),
                point("payments", "p1", 5, 5),
                point("checkout", "c1", 60, 40),
                point("checkout", "c1", 30, 30),   // out of order, within the bound
                point("checkout", "c1", 50, 50),
                point("checkout", "c1", 180, 7)));
        records.addAll(3, BAD_RECORDS);
        kafka.produce(METRICS, records);

        JobExecutionResult result = runJob("metrics-it-1");

        List<String> expected = List.of(
                row("checkout/*/latency_ms", 0, 5, 210, 10, 100, 42),
                row("checkout/*/latency_ms", 1, 1, 40, 40, 40, 40),
                row("checkout/*/latency_ms", 3, 1, 7, 7, 7, 7),
                row("checkout/c1/latency_ms{zone=a}", 0, 4, 110, 10, 50, 27.5),
                row("checkout/c1/latency_ms{zone=a}", 1, 1, 40, 40, 40, 40),
                row("checkout/c1/latency_ms{zone=a}", 3, 1, 7, 7, 7, 7),
                row("checkout/c2/latency_ms{zone=a}", 0, 1, 100, 100, 100, 100),
                row("payments/*/latency_ms", 0, 1, 5, 5, 5, 5),
                row("payments/p1/latency_ms{zone=a}", 0, 1, 5, 5, 5, 5));
        assertThat(rollupRows()).containsExactlyInAnyOrderElementsOf(expected);

        List<DeadLetter> dead = kafka.readAll(DEAD).stream().map(r -> Json.fromBytes(r.value(), DeadLetter.class)).toList();
        assertThat(dead).extracting(d -> d.error().replaceFirst(": was expecting .*", "")).containsExactlyInAnyOrder(
                "malformed JSON: Unrecognized token 'oops'",
                "missing field 'service'",
                "field 'value' is not finite: NaN",
                "timestamp 2099-01-01T00:00:00Z is more than 600 s in the future",
                "timestamp 2001-01-01T00:00:00Z is more than 604800 s in the past",
                "oversized label set: more than 32 labels");
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.topic()).isEqualTo(METRICS);
            assertThat(d.job()).isEqualTo("metrics");
            assertThat(BAD_RECORDS.stream().map(e -> Base64.getEncoder().encodeToString(e.getValue())))
                    .contains(d.raw());
        });
        assertThat(deadLetterCount(result)).isEqualTo(BAD_RECORDS.size());

        // A replay (a new consumer group reads everything again) rewrites the same rows: nothing duplicated.
        runJob("metrics-it-2");
        assertThat(rollupRows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private JobExecutionResult runJob(String group) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobMain.define(env, "metrics",
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--jdbc-url", db.jdbcUrl(),
                "--group-id", group,
                "--metrics-topic", METRICS,
                "--deadletter-topic", DEAD,
                "--bounded", "true",
                "--checkpoint-interval", "1s");
        return env.execute("metrics-it");
    }

    private static long deadLetterCount(JobExecutionResult result) {
        long total = 0;
        for (Map.Entry<String, Metric> e : REPORTER.findMetrics(result.getJobID(), DeadLetters.COUNTER).entrySet()) {
            total += ((Counter) e.getValue()).getCount();
        }
        return total;
    }

    private static String row(String series, int minute, long count, double sum, double min, double max, double avg) {
        return "%s|1m|%s|%d|%s|%s|%s|%s".formatted(series, MINUTE.plusSeconds(60L * minute), count, sum, min, max, avg);
    }

    private static List<String> rollupRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT series, resolution, window_start, count, sum, min, max, avg FROM metric_rollups")) {
            while (rs.next()) {
                rows.add("%s|%s|%s|%d|%s|%s|%s|%s".formatted(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getDouble(5), rs.getDouble(6),
                        rs.getDouble(7), rs.getDouble(8)));
            }
        }
        return rows;
    }
}
