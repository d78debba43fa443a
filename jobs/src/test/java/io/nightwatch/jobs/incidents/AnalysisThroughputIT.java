package io.nightwatch.jobs.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.nightwatch.analyzer.AnalyzerServer;
import io.nightwatch.analyzer.BearerAuth;
import io.nightwatch.analyzer.BuiltinProvider;
import io.nightwatch.functions.decisions.DecisionCounters;
import io.nightwatch.functions.incidents.flink.Counters;
import io.nightwatch.jobs.JobMain;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The incidents job's throughput does not depend on the analyzer's speed: the same stream of alerts (re-sent as
 * Prometheus re-sends them, opening {@value #GROUPS} incidents) through the whole job — grouping, enrichment,
 * convergence, Async I/O to a real analyzer server, the guard, commands — once with the builtin analyzer answering at
 * once and once with one that takes 5 s per call. Prints both figures (the note quotes them); asserts that every
 * incident was analysed by the analyzer in both runs (no timeout, no fallback), never a timing.
 */
class AnalysisThroughputIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final int SERVICES = 50;
    static final int ALERTNAMES = 4;
    static final int GROUPS = SERVICES * ALERTNAMES;
    static final int RESENDS = Integer.getInteger("nightwatch.throughput.resends", 150);
    private static final String TOKEN = "throughput-it-token-0123456789";
    private static TestKafka kafka;
    private static TestPostgres db;
    private static Path configFile;
    private static Path tokenFile;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        db = TestPostgres.create("throughput");
        configFile = Files.createTempFile("throughput", ".yml");
        Files.writeString(configFile, """
                route:
                  receiver: ops
                  group_by: [alertname, service]
                  group_wait: 5s
                  group_interval: 10s
                  repeat_interval: 1h
                receivers: [{name: ops}]
                """);
        tokenFile = Files.createTempFile("analyzer", ".token");
        Files.writeString(tokenFile, TOKEN);
    }

    @AfterAll
    static void stop() {
        db.close();
        kafka.close();
    }

    /** What one run measured. */
    private record Run(String name, long alerts, double intakePerSecond, long intakeMs, long notificationsMs, long analysedMs,
            long analyses, long jobMs) {
        String line() {
            return String.format(Locale.ROOT, "%s: %d alerts in their groups in %d ms = %.0f alerts/s; last notification "
                    + "after %d ms; %d analyses, the last after %d ms; job %d ms", name, alerts, intakeMs, intakePerSecond,
                    notificationsMs, analyses, analysedMs, jobMs);
        }
    }

    @Test
    void theJobTakesAlertsAsFastWithAFiveSecondAnalyzerAsWithAnInstantOne() throws Exception {
        Javalin fast = AnalyzerServer.create(new BuiltinProvider(Clock.systemUTC()), new BearerAuth(TOKEN)).start("127.0.0.1", 0);
        Javalin slow = AnalyzerServer.create(new SlowAnalyzer(Duration.ofSeconds(5)), new BearerAuth(TOKEN)).start("127.0.0.1", 0);
        try {
            Run instant = run("fast", "http://127.0.0.1:" + fast.port());
            Run fiveSeconds = run("slow", "http://127.0.0.1:" + slow.port());
            System.out.println("analysis throughput (" + GROUPS + " incidents, capacity 200, parallelism 2):");
            System.out.println("  analyzer answering at once: " + instant.line());
            System.out.println("  analyzer taking 5 s a call: " + fiveSeconds.line());
            System.out.printf(Locale.ROOT, "  intake ratio slow/fast = %.2f%n", fiveSeconds.intakePerSecond() / instant.intakePerSecond());

            for (Run r : new Run[] {instant, fiveSeconds}) {
                assertThat(r.alerts()).isEqualTo((long) GROUPS * RESENDS);
                assertThat(r.analyses()).as(r.name()).isEqualTo(GROUPS);
                assertThat(scalar("SELECT count(*) FROM incident_events WHERE type = 'ANALYZED' AND service LIKE '" + r.name()
                        + "-%' AND attributes->>'fallback' = 'false'")).as(r.name()).isEqualTo(GROUPS);
            }
            assertThat(scalar("SELECT count(*) FROM incident_events WHERE type = 'ANALYZED' AND service LIKE 'slow-%' "
                    + "AND attributes->>'provider' = 'slow-builtin'")).isEqualTo(GROUPS);
            assertThat(scalar("SELECT count(*) FROM incident_events WHERE type = 'ANALYZER_FALLBACK'")).isZero();
        } finally {
            fast.stop();
            slow.stop();
        }
    }

    private static Run run(String name, String analyzerUrl) throws Exception {
        String alerts = name + ".alerts";
        kafka.createTopics(2, alerts, name + ".anomalies", name + ".silences", name + ".releases", name + ".approvals",
                name + ".incidents", name + ".dead", name + ".rules", name + ".results", name + ".healing",
                name + ".rule-commands");
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (TimedProducer p = new TimedProducer(kafka.bootstrapServers())) {
            for (int round = 0; round < RESENDS; round++) {
                long at = t0.toEpochMilli() + round * 400L; // a minute of alerts: every group re-sent every 0.4 s
                for (int s = 0; s < SERVICES; s++) {
                    for (int a = 0; a < ALERTNAMES; a++) {
                        p.send(alerts, null, alert(name, s, a, t0), at);
                    }
                }
            }
            p.flush();
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobMain.define(env, "incidents", "--bootstrap-servers", kafka.bootstrapServers(), "--jdbc-url", db.jdbcUrl(),
                "--group-id", name, "--config", configFile.toString(), "--alerts-topic", alerts,
                "--anomalies-topic", name + ".anomalies", "--silences-topic", name + ".silences",
                "--releases-topic", name + ".releases", "--approvals-topic", name + ".approvals",
                "--incidents-topic", name + ".incidents", "--deadletter-topic", name + ".dead", "--bounded", "true",
                "--analyzer-url", analyzerUrl, "--analyzer-token-file", tokenFile.toString(), "--analyzer-timeout", "30s",
                "--analyzer-capacity", "200", "--rules-topic", name + ".rules", "--results-topic", name + ".results",
                "--healing-topic", name + ".healing", "--rule-commands-topic", name + ".rule-commands");
        long started = System.currentTimeMillis();
        JobExecutionResult result = env.execute("throughput-" + name);
        long jobMs = System.currentTimeMillis() - started;
        long first = result.getAccumulatorResult(Counters.FIRST_ALERT_AT);
        long lastInsert = result.getAccumulatorResult(Counters.LAST_INSERT_AT);
        long lastNotification = result.getAccumulatorResult(Counters.LAST_NOTIFICATION_AT);
        long lastAnalyzed = result.getAccumulatorResult(DecisionCounters.LAST_ANALYZED_AT);
        long analyses = result.getAccumulatorResult(DecisionCounters.ANALYSES);
        long alertsRead = (long) GROUPS * RESENDS;
        long intake = Math.max(1, lastInsert - first);
        return new Run(name, alertsRead, alertsRead * 1000.0 / intake, intake, lastNotification - first,
                lastAnalyzed - first, analyses, jobMs);
    }

    private static String alert(String run, int service, int alertname, Instant startsAt) {
        String svc = run + "-svc" + service;
        Map<String, String> labels = new TreeMap<>(Map.of("alertname", "Alert" + alertname, "service", svc,
                "instance", svc + "-1", "severity", "warning", "team", "t" + (service % 7)));
        return Json.toString(new Alert(null, "bench", "Alert" + alertname, "warning", AlertStatus.FIRING, labels,
                Map.of("summary", "Alert" + alertname + " on " + svc), startsAt, null, null));
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
