package io.nightwatch.jobs.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.alerts.IntakeTopics;
import io.nightwatch.api.alerts.KafkaPublisher;
import io.nightwatch.api.auth.Role;
import io.nightwatch.jobs.JobMain;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import io.nightwatch.simulator.exposition.PrometheusExposition;
import io.nightwatch.simulator.fleet.Behaviour;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real client end to end: the real Prometheus (Debian's {@code prometheus}) scrapes the simulator's exposition,
 * evaluates an alerting rule that fires for the one instance whose error rate a bad version raised, and sends the
 * alert to the api-server's {@code POST /api/v2/alerts} as it would to an Alertmanager (API v2, bearer token of an
 * operator); the api-server produces it to Kafka, the incidents job (unbounded, live on the wall clock) groups it,
 * and the incident appears in PostgreSQL with its event log.
 */
class PrometheusClientIT {

    static final String BINARY = System.getenv().getOrDefault("NW_PROMETHEUS_BIN", "/usr/bin/prometheus");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String ALERTS = "prom.alerts";
    private static final String ANOMALIES = "prom.anomalies";
    private static final String SILENCES = "prom.silences";
    private static final String RELEASES = "prom.releases";
    private static final String APPROVALS = "prom.approvals";
    private static final String INCIDENTS = "prom.incidents";
    private static final String DEAD = "prom.deadletter";

    private static TestKafka kafka;
    private static TestPostgres db;
    private static KafkaPublisher publisher;
    private static Javalin api;
    private static PrometheusExposition exposition;
    private static Process prometheus;
    private static Path dir;
    private static String operator;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Path.of(BINARY)).as("Prometheus (apt-get install -y prometheus, or set NW_PROMETHEUS_BIN)").isExecutable();
        kafka = TestKafka.start();
        kafka.createTopics(1, ALERTS, ANOMALIES, SILENCES, RELEASES, APPROVALS, INCIDENTS, DEAD);
        db = TestPostgres.create("prometheus_client");
        publisher = new KafkaPublisher(kafka.bootstrapServers(), new IntakeTopics(ALERTS, SILENCES, APPROVALS),
                Duration.ofSeconds(10));
        ApiServer.Components components = ApiServer.Components.of(db.dataSource()).withPublisher(publisher);
        operator = components.tokens().create("prometheus", Role.OPERATOR).token();
        api = ApiServer.create(components).start("127.0.0.1", 0);

        Fleet fleet = Fleet.demo();
        SimulatedInstance bad = fleet.instances().stream().filter(i -> i.name().equals("payments-3")).findFirst().orElseThrow();
        fleet.update(bad.withVersion("2.7.1", new Behaviour(1.0, 0.5, 1.0, 0.0), System.currentTimeMillis()));
        exposition = PrometheusExposition.start(fleet, "127.0.0.1", 0);
        dir = Files.createTempDirectory("nw-prometheus");
    }

    @AfterAll
    static void stop() throws IOException {
        if (prometheus != null) {
            prometheus.destroy();
            try {
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (exposition != null) {
            exposition.close();
        }
        if (api != null) {
            api.stop();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (db != null) {
            db.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (dir != null) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void prometheusAlertsBecomeAnIncidentInPostgres() throws Exception {
        Path config = dir.resolve("incidents.yml");
        Files.writeString(config, """
                route:
                  receiver: ops
                  group_by: [alertname, service]
                  group_wait: 2s
                  group_interval: 10s
                  repeat_interval: 1h
                receivers: [{name: ops}]
                """);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        JobMain.define(env, "incidents",
                "--bootstrap-servers", kafka.bootstrapServers(), "--jdbc-url", db.jdbcUrl(), "--group-id", "prom-it",
                "--config", config.toString(),
                "--alerts-topic", ALERTS, "--anomalies-topic", ANOMALIES, "--silences-topic", SILENCES,
                "--releases-topic", RELEASES, "--approvals-topic", APPROVALS, "--incidents-topic", INCIDENTS,
                "--deadletter-topic", DEAD, "--checkpoint-interval", "2s");
        JobClient job = env.executeAsync("incidents-prometheus-it");
        try {
            startPrometheus();
            List<String> row = await(Duration.ofMinutes(3), () -> incident("HighErrorRate on payments"));
            assertThat(row.subList(0, 5)).as("title, status, severity, instances, firing").containsExactly(
                    "HighErrorRate on payments", "open", "critical", "{payments-3}", "1");
            String id = row.get(5);
            List<String> events = await(Duration.ofSeconds(30), () -> {
                List<String> types = column("SELECT type FROM incident_events WHERE incident_id = '" + id + "' ORDER BY at, type");
                return types.contains("OPENED") ? types : null;
            });
            assertThat(events).contains("OPENED");

            Alert sent = Json.fromBytes(kafka.readAll(ALERTS).get(0).value(), Alert.class);
            assertThat(sent.source()).isEqualTo("prometheus");
            assertThat(sent.labels()).containsEntry("alertname", "HighErrorRate").containsEntry("instance", "payments-3")
                    .containsEntry("job", "nightwatch-simulator").containsEntry("service", "payments")
                    .containsEntry("version", "2.7.1");
            assertThat(sent.annotations().get("summary")).startsWith("payments-3 fails");
            assertThat(sent.generatorUrl()).contains("/graph?g0.expr=");
            assertThat(column("SELECT title FROM incidents")).containsExactly("HighErrorRate on payments");
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private void startPrometheus() throws Exception {
        Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: nightwatch-simulator
                    interval: 1s
                    rules:
                      - alert: HighErrorRate
                        expr: nightwatch_sim_error_rate > 0.2
                        labels:
                          severity: critical
                        annotations:
                          summary: "{{ $labels.instance }} fails {{ $value | humanizePercentage }} of requests"
                """);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: nightwatch-simulator
                    honor_labels: true
                    static_configs:
                      - targets: ['%s']
                alerting:
                  alertmanagers:
                    - api_version: v2
                      authorization:
                        type: Bearer
                        credentials: '%s'
                      static_configs:
                        - targets: ['127.0.0.1:%d']
                """.formatted(exposition.target(), operator, api.port()));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        prometheus = new ProcessBuilder(List.of(BINARY, "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        await(Duration.ofSeconds(60), () -> {
            if (!prometheus.isAlive()) {
                throw new IllegalStateException("Prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? "ready" : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static List<String> incident(String title) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT title, status, severity, instances::text, "
                        + "firing_count::text, id FROM incidents WHERE title = '" + title + "'")) {
            if (!rs.next()) {
                return null;
            }
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                row.add(rs.getString(i));
            }
            return row;
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T await(Duration timeout, Check<T> check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = check.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                String log = dir == null || !Files.exists(dir.resolve("prometheus.log")) ? ""
                        : Files.readString(dir.resolve("prometheus.log"));
                throw new AssertionError("timed out after " + timeout + "; prometheus log: " + log);
            }
            Thread.sleep(500);
        }
    }
}
