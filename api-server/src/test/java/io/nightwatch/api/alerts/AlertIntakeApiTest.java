package io.nightwatch.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert intake against real PostgreSQL (tokens) and a real Kafka broker. */
class AlertIntakeApiTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:41:00Z");
    private static final MediaType JSON = MediaType.get("application/json");
    private static TestPostgres db;
    private static TestKafka kafka;
    private static KafkaPublisher publisher;
    private static ApiServer.Components components;
    private static String viewer;
    private static String operator;
    private static int topicCounter;

    @BeforeAll
    static void start() {
        db = TestPostgres.create("intake");
        kafka = TestKafka.start();
        components = ApiServer.Components.of(db.dataSource());
        viewer = components.tokens().create("vera", Role.VIEWER).token();
        operator = components.tokens().create("prometheus", Role.OPERATOR).token();
    }

    @AfterAll
    static void stop() {
        if (publisher != null) {
            publisher.close();
        }
        kafka.close();
        db.close();
    }

    private static ApiServer.Components withTopic(String alerts) {
        kafka.createTopics(1, alerts);
        publisher = new KafkaPublisher(kafka.bootstrapServers(), new IntakeTopics(alerts, "unused.silences", "unused.approvals"),
                Duration.ofSeconds(10));
        ApiServer.Components c = components.withPublisher(publisher);
        return new ApiServer.Components(c.tokens(), c.tokenRepository(), c.services(), c.metrics(), Clock.fixed(NOW, ZoneOffset.UTC),
                c.releases(), c.releaseSystem(), c.alerting());
    }

    private static Response post(okhttp3.OkHttpClient http, String url, String token, String body) throws IOException {
        Request.Builder b = new Request.Builder().url(url).post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.newCall(b.build()).execute();
    }

    private static JsonNode json(Response r) throws IOException {
        return Json.mapper().readTree(r.body().string());
    }

    @Test
    void acceptsWhatPrometheusSendsAndPublishesItKeyedByFingerprintAtTheTimeReceived() {
        String topic = "intake.alerts." + (++topicCounter);
        JavalinTest.test(ApiServer.create(withTopic(topic)), (server, client) -> {
            Response r = post(client.getOkHttp(), client.getOrigin() + "/api/v2/alerts", operator, """
                    [{"labels":{"alertname":"HighLatency","service":"checkout","severity":"critical"},
                      "annotations":{"summary":"slow"},"startsAt":"2026-11-22T05:40:00Z","endsAt":"2026-11-22T05:45:00Z",
                      "generatorURL":"http://prom/graph"}]""");
            assertThat(r.code()).isEqualTo(200);
            assertThat(json(r).path("accepted").asInt()).isEqualTo(1);
            List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic);
            assertThat(records).hasSize(1);
            Alert a = Json.fromBytes(records.get(0).value(), Alert.class);
            assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(a.fingerprint());
            assertThat(records.get(0).timestamp()).isEqualTo(NOW.toEpochMilli());
            assertThat(a.name()).isEqualTo("HighLatency");
            assertThat(a.annotations()).containsEntry("summary", "slow");
            assertThat(a.endsAt()).isEqualTo(Instant.parse("2026-11-22T05:45:00Z"));
        });
    }

    @Test
    void keepsTheValidAlertsOfABadBatchAndNamesTheBadOnes() {
        String topic = "intake.alerts." + (++topicCounter);
        JavalinTest.test(ApiServer.create(withTopic(topic)), (server, client) -> {
            Response r = post(client.getOkHttp(), client.getOrigin() + "/api/v2/alerts", operator,
                    "[{\"labels\":{\"alertname\":\"A\"}},{\"labels\":{}}]");
            assertThat(r.code()).isEqualTo(400);
            JsonNode body = json(r);
            assertThat(body.path("accepted").asInt()).isEqualTo(1);
            assertThat(body.path("error").asText()).isEqualTo("1 of 2 alerts refused: [1] at least one label pair required");
            assertThat(kafka.readAll(topic)).hasSize(1);

            Response malformed = post(client.getOkHttp(), client.getOrigin() + "/api/v2/alerts", operator, "[{\"labels\":");
            assertThat(malformed.code()).isEqualTo(400);
            assertThat(json(malformed).path("error").asText()).startsWith("malformed JSON: Unexpected end-of-input");
            Response notAList = post(client.getOkHttp(), client.getOrigin() + "/api/v2/alerts", operator, "{\"labels\":{}}");
            assertThat(json(notAList).path("error").asText()).isEqualTo("expected a JSON list of alerts, as Prometheus sends to Alertmanager");
            assertThat(kafka.readAll(topic)).hasSize(1);
        });
    }

    @Test
    void takesAlertmanagersWebhookAndTheGenericForm() {
        String topic = "intake.alerts." + (++topicCounter);
        JavalinTest.test(ApiServer.create(withTopic(topic)), (server, client) -> {
            Response hook = post(client.getOkHttp(), client.getOrigin() + "/api/alerts/webhook", operator, """
                    {"version":"4","status":"resolved","alerts":[{"status":"resolved","labels":{"alertname":"A"},
                     "startsAt":"2026-11-22T05:00:00Z","endsAt":"2026-11-22T05:30:00Z"}]}""");
            assertThat(hook.code()).isEqualTo(200);
            Response generic = post(client.getOkHttp(), client.getOrigin() + "/api/alerts", operator,
                    "{\"name\":\"DiskFull\",\"service\":\"search\",\"severity\":\"warning\"}");
            assertThat(generic.code()).isEqualTo(200);
            assertThat(kafka.readAll(topic)).extracting(rec -> Json.fromBytes(rec.value(), Alert.class).source())
                    .containsExactly("alertmanager", "api");
        });
    }

    @Test
    void needsAnOperatorToken() {
        String topic = "intake.alerts." + (++topicCounter);
        JavalinTest.test(ApiServer.create(withTopic(topic)), (server, client) -> {
            assertThat(post(client.getOkHttp(), client.getOrigin() + "/api/v2/alerts", null, "[]").code()).isEqualTo(401);
            Response asViewer = post(client.getOkHttp(), client.getOrigin() + "/api/v2/alerts", viewer, "[]");
            assertThat(asViewer.code()).isEqualTo(403);
            assertThat(json(asViewer).path("error").asText()).isEqualTo("role viewer may not do this; it needs operator");
        });
    }

    @Test
    void answers503WhenNoBrokerIsConfigured() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            Response r = post(client.getOkHttp(), client.getOrigin() + "/api/v2/alerts", operator, "[{\"labels\":{\"a\":\"1\"}}]");
            assertThat(r.code()).isEqualTo(503);
            assertThat(json(r).path("error").asText()).startsWith("alerts not accepted: no Kafka broker is configured");
        });
    }
}
