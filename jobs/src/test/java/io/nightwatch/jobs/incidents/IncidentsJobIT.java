package io.nightwatch.jobs.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.flink.Counters;
import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.jobs.JobMain;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * The incidents job on a Flink MiniCluster with a real Kafka broker and real PostgreSQL, on a timeline in ingest
 * time (the records' Kafka timestamps): grouping, silences, inhibition, enrichment, convergence into a summary,
 * dead letters, the event log in both sinks, and a replay that duplicates nothing.
 */
class IncidentsJobIT {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
            .setConfiguration(REPORTER.addToConfiguration(new Configuration())).build());

    private static final long T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
    private static final long S = 1000;
    private static final String ALERTS = "it.alerts";
    private static final String ANOMALIES = "it.anomalies";
    private static final String SILENCES = "it.silences";
    private static final String RELEASES = "it.releases";
    private static final String APPROVALS = "it.approvals";
    private static final String INCIDENTS = "it.incidents";
    private static final String DEAD = "it.deadletter";

    /** The order of an incident's steps that happen at the same instant (as the API sorts the event log). */
    private static final String STEP_ORDER = "CASE e.type WHEN 'OPENED' THEN 0 WHEN 'NOTIFIED' THEN 1 WHEN 'ENRICHED' THEN 2 "
            + "WHEN 'CONVERGED' THEN 3 WHEN 'ANALYSIS_REQUESTED' THEN 4 WHEN 'RESOLVED' THEN 9 ELSE 5 END";

    private static TestKafka kafka;
    private static TestPostgres db;
    private static Path configFile;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopics(2, ALERTS, ANOMALIES, SILENCES, RELEASES, APPROVALS, INCIDENTS, DEAD);
        db = TestPostgres.create("incidents_job");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO services (name, team, tier) VALUES ('checkout', 'shop', 'tier-1')");
        }
        configFile = Files.createTempFile("incidents", ".yml");
        Files.writeString(configFile, """
                route:
                  receiver: ops
                  group_by: [alertname, service]
                  group_wait: 30s
                  group_interval: 1m
                  repeat_interval: 1h
                inhibit_rules:
                  - source_matchers: [severity="critical"]
                    target_matchers: [severity="warning", alertname="HighLatency"]
                    equal: [service]
                receivers: [{name: ops}]
                nightwatch:
                  convergence:
                    - {name: dependency, matchers: ['dependency=~".+"'], dimensions: [dependency], window: 10m, count: 1, function: collect}
                """);
    }

    @AfterAll
    static void stop() {
        db.close();
        kafka.close();
    }

    private static String firing(String alertname, String service, String instance, String severity, String dependency) {
        Map<String, String> labels = new TreeMap<>(Map.of("alertname", alertname, "service", service, "instance", instance,
                "severity", severity));
        if (dependency != null) {
            labels.put("dependency", dependency);
        }
        return Json.toString(new Alert(null, "it", alertname, severity, io.nightwatch.schemas.AlertStatus.FIRING, labels,
                Map.of("summary", alertname + " on " + instance), null, null, null));
    }

    private static String resolved(String alertname, String service, String instance, String severity, String dependency, long at) {
        Map<String, String> labels = new TreeMap<>(Map.of("alertname", alertname, "service", service, "instance", instance,
                "severity", severity));
        if (dependency != null) {
            labels.put("dependency", dependency);
        }
        return Json.toString(new Alert(null, "it", alertname, severity, io.nightwatch.schemas.AlertStatus.RESOLVED, labels,
                Map.of(), Instant.ofEpochMilli(T0), Instant.ofEpochMilli(at), null));
    }

    @Test
    void turnsAlertsIntoIncidentsWithTheirEventLogAndReplaysWithoutDuplicates() throws Exception {
        try (TimedProducer p = new TimedProducer(kafka.bootstrapServers())) {
            p.send(SILENCES, "sil-1", """
                    {"id":"sil-1","matchers":[{"name":"service","value":"search","isRegex":false,"isEqual":true}],
                     "startsAt":"%s","endsAt":"%s","createdBy":"it","comment":"reindex"}"""
                    .formatted(Instant.ofEpochMilli(T0 - 60 * S), Instant.ofEpochMilli(T0 + 3600 * S)), T0 - 60 * S);
            p.send(RELEASES, "rel-1", """
                    {"eventId":"rel-1-s1","release":"rel-1","service":"checkout","version":"1.5.0","fromVersion":"1.4.2",
                     "stage":1,"stageCount":3,"status":"STAGE_STARTED","canaryInstances":["c-1"],
                     "baselineInstances":["c-2","c-3"],"doneInstances":[],"analysisWindowSeconds":300,
                     "passThreshold":95,"marginalThreshold":75,"reason":null,"at":"%s"}""".formatted(Instant.ofEpochMilli(T0 - 120 * S)),
                    T0 - 120 * S);
            p.send(ALERTS, null, firing("HighLatency", "checkout", "c-1", "warning", "db"), T0);
            p.send(ALERTS, null, firing("HighLatency", "checkout", "c-2", "warning", "db"), T0 + S);
            p.send(ALERTS, null, firing("ErrorRate", "payments", "p-1", "warning", "db"), T0 + 2 * S);
            p.send(ALERTS, null, firing("Down", "payments", "p-2", "critical", null), T0 + 2 * S);
            p.send(ALERTS, null, firing("Slow", "search", "s-1", "warning", null), T0 + 3 * S);
            p.send(ALERTS, null, firing("HighLatency", "payments", "p-1", "warning", null), T0 + 4 * S); // inhibited
            p.send(ALERTS, "bad", "{\"labels\": oops", T0 + 5 * S);
            p.send(ANOMALIES, "checkout/c-3/cpu", """
                    {"anomalyId":"an-1","series":"checkout/c-3/cpu","service":"checkout","instance":"c-3","metric":"cpu",
                     "labels":{},"windowStart":"%s","windowEnd":"%s","score":0.99,"threshold":0.9,"detector":"it"}"""
                    .formatted(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 5 * S)), T0 + 6 * S);
            p.send(ALERTS, null, resolved("HighLatency", "checkout", "c-1", "warning", "db", T0 + 40 * S), T0 + 40 * S);
            p.send(ALERTS, null, resolved("HighLatency", "checkout", "c-2", "warning", "db", T0 + 41 * S), T0 + 41 * S);
            p.flush();
        }

        JobExecutionResult result = runJob("incidents-it-1");

        List<String> incidents = incidentRows();
        assertThat(incidents).containsExactlyInAnyOrder(
                "AnomalyDetected on checkout|resolved|warning|group|handled|-|rel-1",
                "ErrorRate on payments|resolved|warning|group|collected|sum|-",
                "Down on payments|resolved|critical|group|handled|-|-",
                "HighLatency on checkout|resolved|warning|group|handled|-|rel-1",
                "Converged: dependency dependency=db|resolved|warning|summary|summary|-|-");
        Map<String, List<String>> log = eventLog();
        assertThat(log.get("HighLatency on checkout")).containsExactly("OPENED", "ENRICHED", "ANALYSIS_REQUESTED", "RESOLVED");
        assertThat(log.get("ErrorRate on payments")).containsExactly("OPENED", "CONVERGED", "RESOLVED");
        assertThat(log.get("Converged: dependency dependency=db")).containsExactly("OPENED", "ANALYSIS_REQUESTED", "RESOLVED");
        assertThat(log.get("AnomalyDetected on checkout")).containsExactly("OPENED", "ENRICHED", "ANALYSIS_REQUESTED", "RESOLVED");
        assertThat(log.get("Down on payments")).containsExactly("OPENED", "ANALYSIS_REQUESTED", "RESOLVED");
        assertThat(log).doesNotContainKeys("Slow on search", "HighLatency on payments");

        String enriched = scalar("SELECT attributes::text FROM incident_events WHERE type = 'ENRICHED' AND title = 'HighLatency on checkout'");
        assertThat(enriched).contains("\"release\": \"rel-1\"").contains("\"stage\": \"1/3\"").contains("\"activeRelease\": \"true\"")
                .contains("\"canaryInstances\": \"c-1\"").contains("\"baselineInstances\": \"c-2\"").contains("\"team\": \"shop\"");
        String openedAt = scalar("SELECT extract(epoch from at)::bigint::text FROM incident_events WHERE type = 'OPENED' AND title = 'HighLatency on checkout'");
        assertThat(Long.parseLong(openedAt)).isEqualTo((T0 + 30 * S) / 1000);
        String resolvedAt = scalar("SELECT extract(epoch from resolved_at)::bigint::text FROM incidents WHERE title = 'HighLatency on checkout'");
        assertThat(Long.parseLong(resolvedAt)).isEqualTo((T0 + 90 * S) / 1000);

        List<IncidentEvent> topic = kafka.readAll(INCIDENTS).stream().map(r -> Json.fromBytes(r.value(), IncidentEvent.class)).toList();
        assertThat(topic).extracting(IncidentEvent::eventId).containsExactlyInAnyOrderElementsOf(eventIds());
        assertThat(kafka.readAll(DEAD)).extracting(r -> Json.fromBytes(r.value(), DeadLetter.class).error())
                .singleElement().asString().startsWith("malformed JSON: Unrecognized token 'oops'");
        assertThat(counter(result, DeadLetters.COUNTER)).isEqualTo(1);
        assertThat(counter(result, Counters.INCIDENTS_OPENED)).isEqualTo(4);

        int events = eventIds().size();
        runJob("incidents-it-2"); // a replay from the start writes the same ids: nothing is duplicated
        assertThat(incidentRows()).containsExactlyInAnyOrderElementsOf(incidents);
        assertThat(eventIds()).hasSize(events);
    }

    private JobExecutionResult runJob(String group) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobMain.define(env, "incidents",
                "--bootstrap-servers", kafka.bootstrapServers(), "--jdbc-url", db.jdbcUrl(), "--group-id", group,
                "--config", configFile.toString(),
                "--alerts-topic", ALERTS, "--anomalies-topic", ANOMALIES, "--silences-topic", SILENCES,
                "--releases-topic", RELEASES, "--approvals-topic", APPROVALS, "--incidents-topic", INCIDENTS,
                "--deadletter-topic", DEAD, "--bounded", "true", "--checkpoint-interval", "1s", "--idle-after", "1h");
        return env.execute("incidents-it");
    }

    private static long counter(JobExecutionResult result, String name) {
        long total = 0;
        for (Map.Entry<String, Metric> e : REPORTER.findMetrics(result.getJobID(), name).entrySet()) {
            total += ((Counter) e.getValue()).getCount();
        }
        return total;
    }

    private static List<String> incidentRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT title, status, severity, kind, convergence, converged_into, release_id FROM incidents")) {
            while (rs.next()) {
                String into = rs.getString(6);
                rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), into == null ? "-" : into.substring(0, 3), rs.getString(7) == null ? "-" : rs.getString(7)));
            }
        }
        return rows;
    }

    private static Map<String, List<String>> eventLog() throws SQLException {
        Map<String, List<String>> log = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT i.title, e.type FROM incident_events e JOIN incidents i ON i.id = e.incident_id "
                                + "ORDER BY e.at, " + STEP_ORDER + ", e.event_id")) {
            while (rs.next()) {
                log.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return log;
    }

    private static List<String> eventIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT event_id FROM incident_events")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static String scalar(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
