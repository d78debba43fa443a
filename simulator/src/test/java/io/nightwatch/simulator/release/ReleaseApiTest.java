package io.nightwatch.simulator.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.nightwatch.schemas.Json;
import io.nightwatch.simulator.fleet.Fleet;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ReleaseApiTest {

    private static final String TOKEN = "release-token";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T05:40:00Z"));
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ReleaseEngine engine = new ReleaseEngine(Fleet.demo(), clock, outbox,
            new ReleaseEngine.Settings(Duration.ofSeconds(30), 100));

    private static Response call(HttpClient client, String method, String path, String body, String token) {
        Request.Builder b = new Request.Builder().url(client.getOrigin() + path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? (method.equals("POST") ? RequestBody.create(new byte[0]) : null)
                : RequestBody.create(body, MediaType.get("application/json")));
        try {
            return client.getOkHttp().newCall(b.build()).execute();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(Response r) throws IOException {
        return Json.mapper().readTree(r.body().string());
    }

    @Test
    void createsAReleaseWithAGeneratedStrategyAndDrivesItThroughPauseResumeAndRollback() {
        JavalinTest.test(ReleaseApi.create(engine, TOKEN), (server, client) -> {
            Response created = call(client, "POST", "/releases", """
                    {"id":"rel-9","service":"checkout","version":"1.5.0","risk":"medium","analysisWindowSeconds":60,
                     "fault":{"kind":"latency","size":40}}""", TOKEN);
            assertThat(created.code()).isEqualTo(201);
            JsonNode release = json(created);
            assertThat(release.path("id").asText()).isEqualTo("rel-9");
            assertThat(release.path("state").asText()).isEqualTo("RUNNING");
            assertThat(release.path("fromVersion").asText()).isEqualTo("1.4.2");
            assertThat(release.path("fault").asText()).isEqualTo("latency +40%");
            assertThat(release.path("stages").findValuesAsText("instances")).containsExactly("1", "2", "4");
            assertThat(release.path("stages").get(0).path("canaryInstances").get(0).asText()).isEqualTo("checkout-1");
            assertThat(release.path("stages").get(2).path("analysisWindowSeconds").asLong()).isEqualTo(30);

            assertThat(json(call(client, "POST", "/releases/rel-9/pause", "{\"reason\":\"lunch\"}", TOKEN))
                    .path("state").asText()).isEqualTo("PAUSED");
            assertThat(json(call(client, "POST", "/releases/rel-9/resume", null, TOKEN)).path("state").asText())
                    .isEqualTo("RUNNING");
            JsonNode rolledBack = json(call(client, "POST", "/releases/rel-9/rollback", "{}", TOKEN));
            assertThat(rolledBack.path("state").asText()).isEqualTo("ROLLED_BACK");
            assertThat(rolledBack.path("reason").asText()).isEqualTo("rolled back by an operator");

            JsonNode instances = json(call(client, "GET", "/instances?service=checkout", null, TOKEN));
            assertThat(instances.findValuesAsText("version")).containsOnly("1.4.2");
            assertThat(json(call(client, "GET", "/releases", null, TOKEN)).size()).isEqualTo(1);
            assertThat(outbox.statuses()).containsExactly("SCHEDULED 0", "STAGE_STARTED 1", "PAUSED 1", "RESUMED 1",
                    "ROLLING_BACK 1", "ROLLED_BACK 1");
        });
    }

    @Test
    void answersBadRequestsWithTheFieldConflictsWith409AndUnknownsWith404() {
        JavalinTest.test(ReleaseApi.create(engine, TOKEN), (server, client) -> {
            assertError(call(client, "POST", "/releases", "{\"service\":\"checkout\"}", TOKEN), 400,
                    "version is required");
            assertError(call(client, "POST", "/releases", "not json", TOKEN), 400, "the body is not JSON: "
                    + "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
            assertError(call(client, "POST", "/releases",
                    "{\"service\":\"checkout\",\"version\":\"1.5.0\",\"stagez\":[]}", TOKEN), 400,
                    "unknown field 'stagez'; known: [analysisWindowSeconds, bakeSeconds, fault, id, marginalThreshold, "
                            + "passThreshold, reason, risk, service, stages, startAt, version]");
            assertError(call(client, "POST", "/releases",
                    "{\"service\":\"checkout\",\"version\":\"1.5.0\",\"fault\":{\"kind\":\"meteor\"}}", TOKEN), 400,
                    "fault.kind must be one of healthy, latency, errors, variance, sparse-errors, slow-leak; got 'meteor'");
            assertError(call(client, "POST", "/releases",
                    "{\"service\":\"checkout\",\"version\":\"1.5.0\",\"stages\":[{\"percent\":150}]}", TOKEN), 400,
                    "stages[0].percent: 150 is outside [1, 100]");
            assertError(call(client, "POST", "/releases",
                    "{\"service\":\"checkout\",\"version\":\"1.5.0\",\"startAt\":\"tomorrow\"}", TOKEN), 400,
                    "startAt: not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z): tomorrow");
            assertError(call(client, "POST", "/releases/nope/pause", null, TOKEN), 404, "no release 'nope'");
            assertThat(call(client, "POST", "/releases", "{\"service\":\"checkout\",\"version\":\"1.5.0\"}", TOKEN)
                    .code()).isEqualTo(201);
            assertThat(call(client, "POST", "/releases", "{\"service\":\"checkout\",\"version\":\"1.6.0\"}", TOKEN)
                    .code()).isEqualTo(409);
            assertError(call(client, "GET", "/releases", null, null), 401, "missing bearer token");
            assertError(call(client, "GET", "/releases", null, "wrong"), 401, "invalid token");
            assertThat(call(client, "GET", "/healthz", null, null).code()).isEqualTo(200);
        });
    }

    @Test
    void injectsAndClearsAFaultOnAnInstance() {
        JavalinTest.test(ReleaseApi.create(engine, null), (server, client) -> {
            JsonNode faulty = json(call(client, "POST", "/instances/gateway-3/fault",
                    "{\"kind\":\"errors\",\"size\":0.2,\"alert\":true}", null));
            assertThat(faulty.path("fault").asText()).isEqualTo("errors +0.2000");
            assertThat(outbox.alerts).hasSize(1);
            assertThat(json(call(client, "DELETE", "/instances/gateway-3/fault", null, null)).path("fault").asText())
                    .isEqualTo("healthy");
            assertError(call(client, "POST", "/instances/gateway-3/fault", "{\"kind\":\"variance\",\"size\":-1}", null),
                    400, "fault.size -1.0 does not fit variance (spread factor)");
        });
    }

    private static void assertError(Response r, int status, String message) throws IOException {
        assertThat(r.code()).isEqualTo(status);
        assertThat(json(r).path("error").asText()).isEqualTo(message);
    }
}
