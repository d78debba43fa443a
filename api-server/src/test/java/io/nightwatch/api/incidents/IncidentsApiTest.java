package io.nightwatch.api.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.alerts.IntakeTopics;
import io.nightwatch.api.alerts.KafkaPublisher;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Incidents and their event log as the job leaves them in real PostgreSQL; approvals to a real Kafka topic. */
class IncidentsApiTest {

    private static final String APPROVALS = "api.approvals";
    private static TestPostgres db;
    private static TestKafka kafka;
    private static KafkaPublisher publisher;
    private static ApiServer.Components components;
    private static String viewer;
    private static String operator;

    @BeforeAll
    static void start() throws SQLException {
        db = TestPostgres.create("incidents_api");
        kafka = TestKafka.start();
        kafka.createTopics(1, APPROVALS);
        publisher = new KafkaPublisher(kafka.bootstrapServers(), new IntakeTopics("x", "y", APPROVALS), Duration.ofSeconds(10));
        components = ApiServer.Components.of(db.dataSource()).withPublisher(publisher);
        viewer = components.tokens().create("vera", Role.VIEWER).token();
        operator = components.tokens().create("oscar", Role.OPERATOR).token();
        seed(db);
    }

    /** Two group incidents (one converged into a summary), the summary, one held incident, and an event log. */
    public static void seed(TestPostgres db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO incidents (id, kind, service, title, severity, priority, status, group_key, route, release_id,
                        alert_count, firing_count, labels, instances, summary, convergence, converged_into, notification_count,
                        opened_at, updated_at, resolved_at, last_notified_at) VALUES
                    ('inc-a', 'group', 'checkout', 'HighLatency on checkout', 'critical', 0, 'open', '{}:{alertname="HighLatency"}',
                     'ops', 'rel-1', 2, 2, '{"alertname":"HighLatency","service":"checkout"}', '{c-1,c-2}', 'p99 slow', 'handled',
                     NULL, 1, '2026-11-22T05:40:30Z', '2026-11-22T05:40:30Z', NULL, '2026-11-22T05:40:30Z'),
                    ('inc-b', 'group', 'payments', 'ErrorRate on payments', 'warning', 4, 'resolved', '{}:{alertname="ErrorRate"}',
                     'ops', NULL, 1, 0, '{}', '{p-1}', NULL, 'collected', 'sum-1', 2,
                     '2026-11-22T05:40:32Z', '2026-11-22T05:45:32Z', '2026-11-22T05:45:32Z', '2026-11-22T05:45:32Z'),
                    ('sum-1', 'summary', NULL, 'Converged: storm dependency=db', 'warning', 4, 'resolved', NULL, NULL, NULL,
                     1, 1, '{"dependency":"db"}', '{}', '1 incident(s) collected', 'summary', NULL, 1,
                     '2026-11-22T05:40:32Z', '2026-11-22T05:45:32Z', '2026-11-22T05:45:32Z', '2026-11-22T05:45:32Z'),
                    ('inc-h', 'group', 'search', 'Slow on search', 'warning', 4, 'open', '{}:{alertname="Slow"}', 'ops', NULL,
                     1, 1, '{}', '{s-1}', NULL, 'held', NULL, 1,
                     '2026-11-22T05:41:00Z', '2026-11-22T05:41:00Z', NULL, '2026-11-22T05:41:00Z')
                    """);
            s.execute("""
                    INSERT INTO incident_events (event_id, incident_id, type, at, title, severity, alert_fingerprints, attributes, detail)
                    VALUES
                    ('inc-a:RESOLVED:x', 'inc-a', 'ANALYSIS_REQUESTED', '2026-11-22T05:40:30Z', 't', 'critical', '{}', '{"convergence":"none"}', NULL),
                    ('inc-a:ENRICHED:1', 'inc-a', 'ENRICHED', '2026-11-22T05:40:30Z', 't', 'critical', '{}', '{"release":"rel-1"}', NULL),
                    ('inc-a:OPENED:1', 'inc-a', 'OPENED', '2026-11-22T05:40:30Z', 't', 'critical', '{f1,f2}', '{"firing":"2"}',
                     '{"firing":["f1","f2"],"resolved":[]}'),
                    ('inc-a:NOTIFIED:2', 'inc-a', 'NOTIFIED', '2026-11-22T05:41:30Z', 't', 'critical', '{f1}', '{}', NULL)
                    """);
        }
    }

    @AfterAll
    static void stop() {
        publisher.close();
        kafka.close();
        db.close();
    }

    private static Response call(okhttp3.OkHttpClient http, String method, String url, String token, String body) throws IOException {
        Request.Builder b = new Request.Builder().url(url).header("Authorization", "Bearer " + token);
        b.method(method, body == null ? null : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
        return http.newCall(b.build()).execute();
    }

    private static JsonNode json(Response r) throws IOException {
        return Json.mapper().readTree(r.body().string());
    }

    @Test
    void listsTopLevelIncidentsOpenFirstThenByUrgencyAndFilters() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/incidents";
            JsonNode list = json(call(client.getOkHttp(), "GET", base, viewer, null));
            assertThat(list).extracting(n -> n.path("id").asText()).containsExactly("inc-a", "inc-h", "sum-1");
            assertThat(list.get(0).path("instances").toString()).isEqualTo("[\"c-1\",\"c-2\"]");
            assertThat(list.get(0).path("labels").path("service").asText()).isEqualTo("checkout");
            JsonNode all = json(call(client.getOkHttp(), "GET", base + "?all=true&status=resolved", viewer, null));
            assertThat(all).extracting(n -> n.path("id").asText()).containsExactly("inc-b", "sum-1");
            assertThat(json(call(client.getOkHttp(), "GET", base + "?service=search", viewer, null))).hasSize(1);
            assertThat(json(call(client.getOkHttp(), "GET", base + "?status=maybe", viewer, null)).path("error").asText())
                    .isEqualTo("query parameter 'status': expected open or resolved, got 'maybe'");
            assertThat(call(client.getOkHttp(), "GET", base + "?limit=0", viewer, null).code()).isEqualTo(400);
        });
    }

    @Test
    void showsASummaryWithTheIncidentsItCollectedAndTheEventLogInPipelineOrder() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/incidents";
            JsonNode summary = json(call(client.getOkHttp(), "GET", base + "/sum-1", viewer, null));
            assertThat(summary.path("incident").path("kind").asText()).isEqualTo("summary");
            assertThat(summary.path("members")).extracting(n -> n.path("id").asText()).containsExactly("inc-b");
            JsonNode events = json(call(client.getOkHttp(), "GET", base + "/inc-a/events", viewer, null));
            assertThat(events).extracting(n -> n.path("type").asText())
                    .containsExactly("OPENED", "ENRICHED", "ANALYSIS_REQUESTED", "NOTIFIED");
            assertThat(events.get(0).path("detail").path("firing").toString()).isEqualTo("[\"f1\",\"f2\"]");
            assertThat(events.get(1).path("attributes").path("release").asText()).isEqualTo("rel-1");
            assertThat(call(client.getOkHttp(), "GET", base + "/nope", viewer, null).code()).isEqualTo(404);
            assertThat(call(client.getOkHttp(), "GET", base + "/nope/events", viewer, null).code()).isEqualTo(404);
        });
    }

    @Test
    void approvesOnlyAHeldIncidentAndPublishesTheDecisionForTheJob() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/incidents";
            Response notHeld = call(client.getOkHttp(), "POST", base + "/inc-a/approve", operator, "{}");
            assertThat(notHeld.code()).isEqualTo(409);
            assertThat(json(notHeld).path("error").asText()).isEqualTo("incident inc-a is not held for approval (convergence: handled)");
            assertThat(call(client.getOkHttp(), "POST", base + "/inc-h/approve", viewer, "{}").code()).isEqualTo(403);
            Response ok = call(client.getOkHttp(), "POST", base + "/inc-h/approve", operator, "{\"comment\":\"go\"}");
            assertThat(ok.code()).isEqualTo(202);
            var records = kafka.readAll(APPROVALS);
            assertThat(records).hasSize(1);
            IncidentEvent e = Json.fromBytes(records.get(0).value(), IncidentEvent.class);
            assertThat(e.type()).isEqualTo(IncidentEventType.APPROVED);
            assertThat(e.incidentId()).isEqualTo("inc-h");
            assertThat(e.attributes()).containsEntry("by", "oscar").containsEntry("comment", "go");
            assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("inc-h");
        });
    }
}
