package io.nightwatch.api.silences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.alerts.IntakeTopics;
import io.nightwatch.api.alerts.KafkaPublisher;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.Silence;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silences through the API: stored in real PostgreSQL and published to a real compacted topic. */
class SilencesApiTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:41:00Z");
    private static final String TOPIC = "api.silences";
    private static TestPostgres db;
    private static TestKafka kafka;
    private static KafkaPublisher publisher;
    private static ApiServer.Components components;
    private static String viewer;
    private static String operator;

    @BeforeAll
    static void start() {
        db = TestPostgres.create("silences");
        kafka = TestKafka.start();
        kafka.createTopics(1, TOPIC);
        publisher = new KafkaPublisher(kafka.bootstrapServers(), new IntakeTopics("x", TOPIC, "y"), Duration.ofSeconds(10));
        ApiServer.Components c = ApiServer.Components.of(db.dataSource()).withPublisher(publisher);
        components = new ApiServer.Components(c.tokens(), c.tokenRepository(), c.services(), c.metrics(),
                Clock.fixed(NOW, ZoneOffset.UTC), c.releases(), c.releaseSystem(), c.alerting());
        viewer = components.tokens().create("vera", Role.VIEWER).token();
        operator = components.tokens().create("oscar", Role.OPERATOR).token();
    }

    @AfterAll
    static void stop() {
        publisher.close();
        kafka.close();
        db.close();
    }

    private static Response call(Object unused, okhttp3.OkHttpClient http, String method, String url, String token,
            String body) throws IOException {
        Request.Builder b = new Request.Builder().url(url).header("Authorization", "Bearer " + token);
        b.method(method, body == null ? (method.equals("DELETE") ? RequestBody.create(new byte[0]) : null)
                : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
        return http.newCall(b.build()).execute();
    }

    private static JsonNode json(Response r) throws IOException {
        return Json.mapper().readTree(r.body().string());
    }

    private static String silence(String extra, String matchers, String endsAt) {
        return """
                {%s"matchers":%s,"startsAt":"2026-11-22T05:40:00Z","endsAt":"%s","createdBy":"oscar","comment":"reindex"}"""
                .formatted(extra, matchers, endsAt);
    }

    @Test
    void createsListsReshapesAndExpiresSilencesAndPublishesEveryChange() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/silences";
            Response created = call(null, client.getOkHttp(), "POST", base, operator,
                    silence("", "[{\"name\":\"service\",\"value\":\"search\",\"isRegex\":false}]", "2026-11-22T07:00:00Z"));
            assertThat(created.code()).isEqualTo(200);
            String id = json(created).path("silenceID").asText();

            JsonNode list = json(call(null, client.getOkHttp(), "GET", base + "?state=active", viewer, null));
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("status").path("state").asText()).isEqualTo("active");
            assertThat(list.get(0).path("matchers").get(0).path("isEqual").asBoolean()).isTrue();

            // changing the matchers of an active silence expires it and creates a new one (Alertmanager's rule)
            Response reshaped = call(null, client.getOkHttp(), "POST", base, operator, silence("\"id\":\"" + id + "\",",
                    "[{\"name\":\"service\",\"value\":\"search|checkout\",\"isRegex\":true}]", "2026-11-22T07:00:00Z"));
            String newId = json(reshaped).path("silenceID").asText();
            assertThat(newId).isNotEqualTo(id);
            assertThat(json(call(null, client.getOkHttp(), "GET", base + "/" + id, viewer, null)).path("status").path("state").asText())
                    .isEqualTo("expired");

            Response expired = call(null, client.getOkHttp(), "DELETE", base + "/" + newId, operator, null);
            assertThat(json(expired).path("status").path("state").asText()).isEqualTo("expired");

            List<Silence> published = kafka.readAll(TOPIC).stream().map(r -> Json.fromBytes(r.value(), Silence.class)).toList();
            assertThat(published).extracting(Silence::id).containsExactly(id, id, newId, newId);
            assertThat(published.get(1).endsAt()).isEqualTo(NOW);
            assertThat(published.get(3).endsAt()).isEqualTo(NOW);
            assertThat(new String(kafka.readAll(TOPIC).get(0).key(), StandardCharsets.UTF_8)).isEqualTo(id);
        });
    }

    @Test
    void refusesSilencesThatWouldMuteEverythingOrAreMalformed() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/silences";
            assertThat(json(call(null, client.getOkHttp(), "POST", base, operator,
                    silence("", "[{\"name\":\"a\",\"value\":\".*\",\"isRegex\":true}]", "2026-11-22T07:00:00Z"))).path("error").asText())
                    .isEqualTo("at least one matcher must not match the empty string (the silence would mute every alert)");
            assertThat(json(call(null, client.getOkHttp(), "POST", base, operator,
                    silence("", "[{\"name\":\"a\",\"value\":\"(\",\"isRegex\":true}]", "2026-11-22T07:00:00Z"))).path("error").asText())
                    .startsWith("matchers[0]: invalid regular expression '('");
            assertThat(json(call(null, client.getOkHttp(), "POST", base, operator,
                    silence("", "[{\"name\":\"a\",\"value\":\"1\"}]", "2026-11-22T05:00:00Z"))).path("error").asText())
                    .isEqualTo("endsAt (2026-11-22T05:00:00Z) must be after startsAt (2026-11-22T05:40:00Z)");
            assertThat(json(call(null, client.getOkHttp(), "POST", base, operator, "{\"matchers\": 3}")).path("error").asText())
                    .startsWith("malformed silence");
            assertThat(call(null, client.getOkHttp(), "POST", base, viewer,
                    silence("", "[{\"name\":\"a\",\"value\":\"1\"}]", "2026-11-22T07:00:00Z")).code()).isEqualTo(403);
            assertThat(call(null, client.getOkHttp(), "DELETE", base + "/nope", operator, null).code()).isEqualTo(404);
            assertThat(json(call(null, client.getOkHttp(), "GET", base + "?state=later", viewer, null)).path("error").asText())
                    .isEqualTo("query parameter 'state': expected active, pending or expired, got 'later'");
        });
    }
}
