package io.nightwatch.api.releases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.testing.TestPostgres;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.release.Outbox;
import io.nightwatch.simulator.release.ReleaseApi;
import io.nightwatch.simulator.release.ReleaseEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Release management over real PostgreSQL: reads of releases, stages, verdicts and instance versions (viewer), and
 * create/pause/resume/cancel/rollback through the adapter to the simulator's real release system (operator).
 */
class ReleasesApiTest {

    private static final String RELEASE_SYSTEM_TOKEN = "rs-secret";

    private static TestPostgres db;
    private static ApiServer.Components components;
    private static Javalin releaseSystem;
    private static ReleaseEngine engine;
    private static final List<ReleaseEvent> EVENTS = new ArrayList<>();
    private static String viewer;
    private static String operator;

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.create("api_releases");
        ReleaseFixtures.seed(db.dataSource());
        engine = new ReleaseEngine(Fleet.demo(), Clock.systemUTC(), new Outbox() {
            @Override
            public void release(ReleaseEvent event) {
                EVENTS.add(event);
            }

            @Override
            public void result(CommandResult result) {}

            @Override
            public void alert(Alert alert) {}
        }, ReleaseEngine.Settings.defaults());
        releaseSystem = ReleaseApi.create(engine, RELEASE_SYSTEM_TOKEN).start("127.0.0.1", 0);
        components = ApiServer.Components.of(db.dataSource()).withReleaseSystem(new SimulatorReleaseSystem(
                "http://127.0.0.1:" + releaseSystem.port(), RELEASE_SYSTEM_TOKEN, Duration.ofSeconds(5)));
        viewer = components.tokens().create("alice", Role.VIEWER).token();
        operator = components.tokens().create("oscar", Role.OPERATOR).token();
    }

    @AfterAll
    static void stop() {
        releaseSystem.stop();
        db.close();
    }

    private static Response call(HttpClient client, String method, String path, String body, String token) {
        Request.Builder b = new Request.Builder().url(client.getOrigin() + path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? (method.equals("GET") ? null : RequestBody.create(new byte[0]))
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

    private static void assertError(Response r, int status, String message) throws IOException {
        assertThat(r.code()).isEqualTo(status);
        assertThat(json(r).path("error").asText()).isEqualTo(message);
    }

    @Test
    void releaseRoutesNeedATokenAndChangesNeedAnOperator() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            for (String path : List.of("/api/releases", "/api/releases/rel-bad", "/api/instances")) {
                assertThat(call(client, "GET", path, null, null).code()).as(path).isEqualTo(401);
                assertThat(call(client, "GET", path, null, viewer).code()).as(path).isEqualTo(200);
            }
            assertError(call(client, "POST", "/api/releases", "{\"service\":\"checkout\",\"version\":\"9\"}", viewer), 403,
                    "role viewer may not do this; it needs operator");
            assertThat(call(client, "POST", "/api/releases/rel-bad/pause", null, viewer).code()).isEqualTo(403);
            assertThat(call(client, "POST", "/api/releases/rel-bad/rollback", null, null).code()).isEqualTo(401);
        });
    }

    @Test
    void listsReleasesNewestFirstWithFiltersAndSaysWhichAreSuspect() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            JsonNode all = json(call(client, "GET", "/api/releases", null, viewer));
            assertThat(all.findValuesAsText("id")).containsExactly("rel-bad", "rel-good");
            assertThat(all.get(0).path("status").asText()).isEqualTo("ROLLED_BACK");
            assertThat(all.get(0).path("suspect").asBoolean()).isFalse();
            assertThat(all.get(1).path("suspect").asBoolean()).isTrue();
            assertThat(json(call(client, "GET", "/api/releases?service=search", null, viewer)).findValuesAsText("id"))
                    .containsExactly("rel-good");
            assertThat(json(call(client, "GET", "/api/releases?status=completed", null, viewer)).findValuesAsText("id"))
                    .containsExactly("rel-good");
            assertThat(json(call(client, "GET", "/api/releases?limit=1", null, viewer)).size()).isEqualTo(1);
            assertError(call(client, "GET", "/api/releases?status=DONE", null, viewer), 400,
                    "query parameter 'status' must be one of [SCHEDULED, STAGE_STARTED, STAGE_PASSED, PAUSED, RESUMED, "
                            + "ROLLING_BACK, ROLLED_BACK, COMPLETED, CANCELLED, FAILED], got 'DONE'");
            assertError(call(client, "GET", "/api/releases?limit=0", null, viewer), 400,
                    "query parameter 'limit' must be in [1, 500], got 0");
        });
    }

    @Test
    void showsAReleaseWithItsStagesVerdictsPerMetricHistoryCommandsAndInstanceVersions() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            JsonNode bad = json(call(client, "GET", "/api/releases/rel-bad", null, viewer));
            JsonNode stage = bad.path("stages").get(0);
            assertThat(stage.path("verdict").asText()).isEqualTo("FAIL");
            assertThat(stage.path("score").asDouble()).isZero();
            assertThat(stage.path("canaryInstances").get(0).asText()).isEqualTo("checkout-1");
            assertThat(stage.path("groupScores").path("latency").path("score").asDouble()).isZero();
            assertThat(stage.path("metrics").findValuesAsText("metric")).containsExactly("errors", "latency_ms");
            JsonNode latency = stage.path("metrics").get(1);
            assertThat(latency.path("classification").asText()).isEqualTo("High");
            assertThat(latency.path("critical").asBoolean()).isTrue();
            assertThat(latency.path("statistics").path("mannWhitney").path("ciLower").asDouble()).isEqualTo(52.3);
            assertThat(bad.path("events").findValuesAsText("status"))
                    .containsExactly("SCHEDULED", "STAGE_STARTED", "ROLLING_BACK", "ROLLED_BACK");
            assertThat(bad.path("commands").get(0).path("status").asText()).isEqualTo("executed");
            assertThat(bad.path("instances").findValuesAsText("instance")).containsExactly("checkout-1", "checkout-2");

            JsonNode good = json(call(client, "GET", "/api/releases/rel-good", null, viewer));
            assertThat(good.path("release").path("suspect").asBoolean()).isTrue();
            assertThat(good.path("suspicions").get(0).path("alertName").asText()).isEqualTo("InstanceDegraded");
            assertThat(good.path("escalations").get(0).path("title").asText()).isEqualTo("Escalated: rollback of release "
                    + "rel-good refused by release-system (rollback not supported for a completed release)");
            assertThat(good.path("commands").get(0).path("result").asText())
                    .isEqualTo("NOT_SUPPORTED: rollback not supported for a completed release");
            assertThat(good.path("instances").findValuesAsText("instance")).containsExactly("search-1", "search-2", "search-10");

            assertThat(json(call(client, "GET", "/api/instances?service=search", null, viewer)).findValuesAsText("version"))
                    .containsOnly("5.2.0");
            assertError(call(client, "GET", "/api/releases/rel-none", null, viewer), 404, "no release 'rel-none'");
        });
    }

    @Test
    void operatorsDriveTheReleaseSystemThroughTheAdapterAndItsRefusalsAreAnsweredAsItGaveThem() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            Response created = call(client, "POST", "/api/releases", """
                    {"id":"rel-api","service":"gateway","version":"3.1.0","risk":"low","analysisWindowSeconds":120,
                     "stages":[{"instances":1},{"percent":50,"passThreshold":90}],"fault":{"kind":"latency","size":30},
                     "reason":"weekly train"}""", operator);
            assertThat(created.code()).isEqualTo(201);
            JsonNode ack = json(created);
            assertThat(ack.path("id").asText()).isEqualTo("rel-api");
            assertThat(ack.path("fromVersion").asText()).isEqualTo("3.0.9");
            assertThat(ack.path("state").asText()).isEqualTo("RUNNING");
            assertThat(ack.path("stages").findValuesAsText("instances")).containsExactly("1", "2", "4");
            assertThat(ack.path("stages").get(1).path("passThreshold").asDouble()).isEqualTo(90);
            assertThat(EVENTS.get(0).reason()).isEqualTo("created by oscar (operator): weekly train");
            assertThat(engine.instances("gateway").get(0).fault()).isEqualTo("latency +30%");

            assertThat(json(call(client, "POST", "/api/releases/rel-api/pause", "{\"reason\":\"hold\"}", operator))
                    .path("state").asText()).isEqualTo("PAUSED");
            assertThat(EVENTS.get(EVENTS.size() - 1).reason()).isEqualTo("paused by oscar (operator): hold");
            assertThat(json(call(client, "POST", "/api/releases/rel-api/resume", null, operator)).path("state").asText())
                    .isEqualTo("RUNNING");
            assertError(call(client, "POST", "/api/releases", "{\"service\":\"gateway\",\"version\":\"3.2.0\"}", operator),
                    409, "release system: service gateway already has an active release rel-api (RUNNING); pause, "
                            + "cancel or finish it first");
            assertThat(json(call(client, "POST", "/api/releases/rel-api/rollback", null, operator)).path("state").asText())
                    .isEqualTo("ROLLED_BACK");
            assertError(call(client, "POST", "/api/releases/rel-api/cancel", null, operator), 409,
                    "release system: release rel-api is ROLLED_BACK: cannot cancel it");
            assertError(call(client, "POST", "/api/releases/rel-zzz/pause", null, operator), 404,
                    "release system: no release 'rel-zzz'");
            assertError(call(client, "POST", "/api/releases", "{\"service\":\"billing\",\"version\":\"1.0\"}", operator),
                    400, "release system: service: no service named 'billing'; known: [checkout, payments, search, gateway]");
        });
    }

    @Test
    void badRequestsAreRefusedBeforeTheReleaseSystemIsAsked() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            assertError(call(client, "POST", "/api/releases", "{\"service\":\"checkout\"}", operator), 400,
                    "version is required");
            assertError(call(client, "POST", "/api/releases", "{\"service\":\"checkout\",\"version\":\"2\",\"colour\":1}",
                    operator), 400, "unknown field 'colour'; known: [analysisWindowSeconds, bakeSeconds, fault, id, "
                    + "marginalThreshold, passThreshold, reason, risk, service, stages, startAt, version]");
            assertError(call(client, "POST", "/api/releases", "{\"service\":\"checkout\",\"version\":\"2\",\"risk\":\"yolo\"}",
                    operator), 400, "risk must be low, medium or high, got 'yolo'");
            assertError(call(client, "POST", "/api/releases",
                    "{\"service\":\"checkout\",\"version\":\"2\",\"stages\":[{\"instances\":1,\"percent\":5}]}", operator),
                    400, "stages[0]. give exactly one of 'instances' or 'percent'");
            assertError(call(client, "POST", "/api/releases",
                    "{\"service\":\"checkout\",\"version\":\"2\",\"passThreshold\":150}", operator), 400,
                    "passThreshold must be a number in [0, 100], got 150");
            assertError(call(client, "POST", "/api/releases", "[]", operator), 400, "the body must be a JSON object");
            assertError(call(client, "POST", "/api/releases/rel-bad/pause", "{\"reason\":5}", operator), 400,
                    "reason must be a string");
        });
    }

    @Test
    void withoutAReleaseSystemChangesAre503AndAnUnreachableOneIs502() {
        JavalinTest.test(ApiServer.create(ApiServer.Components.of(db.dataSource())), (server, client) -> {
            assertError(call(client, "POST", "/api/releases/rel-bad/pause", null, operator), 503,
                    "no release system is configured (start the api-server with --release-system-url URL)");
            assertThat(call(client, "GET", "/api/releases", null, operator).code()).isEqualTo(200);
        });
        ApiServer.Components unreachable = components.withReleaseSystem(
                new SimulatorReleaseSystem("http://127.0.0.1:1", null, Duration.ofSeconds(2)));
        JavalinTest.test(ApiServer.create(unreachable), (server, client) -> {
            Response r = call(client, "POST", "/api/releases/rel-bad/pause", null, operator);
            assertThat(r.code()).isEqualTo(502);
            assertThat(json(r).path("error").asText()).startsWith("release system unreachable at http://127.0.0.1:1/");
        });
    }
}
