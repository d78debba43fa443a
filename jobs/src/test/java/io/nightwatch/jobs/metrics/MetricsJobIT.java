package io.nightwatch.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.jobs.JobMain;
import io.nightwatch.functions.rules.CompiledRule;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.Resolution;
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
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
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
    private static final String RULES = "test.rules";
    private static final String ROLLUPS = "test.rollups";
    private static final String ALERTS = "test.alerts";
    private static final String ANOMALIES = "test.anomalies";

    private static TestKafka kafka;
    private static TestPostgres db;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        kafka.createTopics(2, METRICS, DEAD, RULES, ROLLUPS, ALERTS, ANOMALIES);
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

    private static final List<Object[]> POINTS = List.of(
            new Object[] {"checkout", "c1", 0L, 10.0},
            new Object[] {"checkout", "c1", 20L, 20.0},
            new Object[] {"checkout", "c2", 10L, 100.0},
            new Object[] {"payments", "p1", 5L, 5.0},
            new Object[] {"checkout", "c1", 60L, 40.0},
            new Object[] {"checkout", "c1", 30L, 30.0},   // out of order, within the bound
            new Object[] {"checkout", "c1", 50L, 50.0},
            new Object[] {"checkout", "c1", 180L, 7.0});

    private static final String RULE = """
            {"id":"checkout-latency","version":1,"name":"CheckoutLatencyHigh","metric":"latency_ms","resolution":"1m",
             "filters":[{"label":"service","op":"EQUAL","values":["checkout"]},{"label":"instance","op":"REGEX","values":["c[0-9]"]}],
             "condition":{"kind":"THRESHOLD","field":"avg","comparison":"GT","threshold":45.0,"periodSeconds":0},
             "forSeconds":60,"severity":"critical","enabled":true}""";
    private static final String BAD_RULE = """
            {"id":"broken","version":1,"name":"Broken","metric":"latency_ms","resolution":"1m","filters":[],
             "condition":{"kind":"THRESHOLD","field":"median","comparison":"GT","threshold":1,"periodSeconds":0}}""";

    @Test
    void rollupsEqualABatchRecomputationBadRecordsGoToTheDeadLettersAndRulesRaiseAlerts() throws Exception {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (Object[] p : POINTS) {
            records.add(point((String) p[0], (String) p[1], (Long) p[2], (Double) p[3]));
        }
        records.addAll(3, BAD_RECORDS);
        kafka.produce(METRICS, records);
        kafka.produce(RULES, List.of(Map.entry("checkout-latency", RULE.getBytes(StandardCharsets.UTF_8)),
                Map.entry("broken", BAD_RULE.getBytes(StandardCharsets.UTF_8))));

        JobExecutionResult result = runJob("metrics-it-1");

        List<String> expected = batchRollups();
        assertThat(rollupRows()).containsExactlyInAnyOrderElementsOf(expected);
        assertQuantilesWithinTheSketchError();

        List<DeadLetter> dead = kafka.readAll(DEAD).stream().map(r -> Json.fromBytes(r.value(), DeadLetter.class)).toList();
        assertThat(dead).extracting(d -> d.error().replaceFirst(": was expecting .*", "")).containsExactlyInAnyOrder(
                "malformed JSON: Unrecognized token 'oops'",
                "missing field 'service'",
                "field 'value' is not finite: NaN",
                "timestamp 2099-01-01T00:00:00Z is more than 120 s in the future",
                "timestamp 2001-01-01T00:00:00Z is more than 604800 s in the past",
                "oversized label set: more than 32 labels",
                "invalid rule: rule 'broken': condition field 'median' is not one of " + CompiledRule.FIELDS);
        assertThat(dead.stream().filter(d -> d.topic().equals(METRICS))).allSatisfy(d ->
                assertThat(BAD_RECORDS.stream().map(e -> Base64.getEncoder().encodeToString(e.getValue()))).contains(d.raw()));
        assertThat(counter(result, DeadLetters.COUNTER)).isEqualTo(BAD_RECORDS.size() + 1);

        List<Alert> alerts = kafka.readAll(ALERTS).stream().map(r -> Json.fromBytes(r.value(), Alert.class)).toList();
        assertThat(alerts).extracting(a -> a.labels().get("instance") + ":" + a.status())
                .containsExactly("c2:FIRING", "c2:RESOLVED");
        assertThat(alerts.get(0).startsAt()).isEqualTo(MINUTE);
        assertThat(alerts.get(1).fingerprint()).isEqualTo(alerts.get(0).fingerprint());
        assertThat(kafka.readAll(ROLLUPS)).hasSize(expected.size());

        // A replay (a new consumer group reads everything again) rewrites the same rows: nothing duplicated.
        runJob("metrics-it-2");
        assertThat(rollupRows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** count/sum/min/max/avg of every window of every resolution, per series and per service, from the points. */
    private static List<String> batchRollups() {
        List<String> rows = new ArrayList<>();
        batchWindows().forEach((key, values) -> {
            double sum = values.stream().mapToDouble(Double::doubleValue).sum();
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            rows.add("%s|%d|%s|%s|%s|%s".formatted(key, values.size(), sum, min, max, sum / values.size()));
        });
        return rows;
    }

    /** The values of every window (series|resolution|start), per series and per service. */
    private static Map<String, List<Double>> batchWindows() {
        Map<String, List<Double>> windows = new TreeMap<>();
        for (Object[] p : POINTS) {
            Instant ts = MINUTE.plusSeconds((Long) p[2]);
            for (Resolution res : Resolution.values()) {
                long start = ts.toEpochMilli() - Math.floorMod(ts.toEpochMilli(), res.millis());
                String series = p[0] + "/" + p[1] + "/latency_ms{zone=a}";
                String service = p[0] + "/*/latency_ms";
                windows.computeIfAbsent(series + "|" + res + "|" + Instant.ofEpochMilli(start), k -> new ArrayList<>()).add((Double) p[3]);
                windows.computeIfAbsent(service + "|" + res + "|" + Instant.ofEpochMilli(start), k -> new ArrayList<>()).add((Double) p[3]);
            }
        }
        return windows;
    }

    /** p50/p90/p99 of every row are within the sketch's 1% of the exact value of the same rank. */
    private static void assertQuantilesWithinTheSketchError() throws SQLException {
        Map<String, List<Double>> windows = batchWindows();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT series, resolution, window_start, p50, p90, p99 FROM metric_rollups")) {
            int n = 0;
            while (rs.next()) {
                List<Double> values = windows.get(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getTimestamp(3).toInstant());
                double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                for (double[] q : new double[][] {{0.5, rs.getDouble("p50")}, {0.9, rs.getDouble("p90")}, {0.99, rs.getDouble("p99")}}) {
                    double exact = sorted[(int) Math.floor(q[0] * (sorted.length - 1))];
                    assertThat(q[1]).isCloseTo(exact, within(0.0101 * exact));
                }
                n++;
            }
            assertThat(n).isEqualTo(windows.size());
        }
    }

    private JobExecutionResult runJob(String group) throws Exception {
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // a failure fails the test instead of looping
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noRestarts);
        env.setParallelism(2);
        JobMain.define(env, "metrics",
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--jdbc-url", db.jdbcUrl(),
                "--group-id", group,
                "--metrics-topic", METRICS,
                "--rules-topic", RULES,
                "--rollups-topic", ROLLUPS,
                "--alerts-topic", ALERTS,
                "--anomalies-topic", ANOMALIES,
                "--deadletter-topic", DEAD,
                "--out-of-orderness", "1h", // no window closes before the input ends, so the rules are surely loaded
                "--bounded", "true",
                "--checkpoint-interval", "1s");
        return env.execute("metrics-it");
    }

    private static long counter(JobExecutionResult result, String name) {
        long total = 0;
        for (Map.Entry<String, Metric> e : REPORTER.findMetrics(result.getJobID(), name).entrySet()) {
            total += ((Counter) e.getValue()).getCount();
        }
        return total;
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
