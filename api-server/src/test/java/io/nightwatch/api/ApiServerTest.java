package io.nightwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The api-server over real PostgreSQL: authentication, roles, services and their metrics, errors. */
class ApiServerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-22T05:40:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static TestPostgres db;
    private static ApiServer.Components components;
    private static String viewer;
    private static String operator;
    private static String admin;

    @BeforeAll
    static void seed() throws SQLException {
        db = TestPostgres.create("api");
        ApiServer.Components real = ApiServer.Components.of(db.dataSource());
        components = new ApiServer.Components(real.tokens(), real.tokenRepository(), real.services(), real.metrics(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        viewer = components.tokens().create("alice", Role.VIEWER).token();
        operator = components.tokens().create("oscar", Role.OPERATOR).token();
        admin = components.tokens().create("ada", Role.ADMIN).token();
        try (Connection c = db.dataSource().getConnection()) {
            insertRollup(c, "checkout", "*", "latency_ms", T0, 10, 1000, 50, 200);
            insertRollup(c, "checkout", "*", "latency_ms", T1, 10, 1200, 60, 210);
            insertRollup(c, "checkout", "*", "cpu", T1, 10, 400, 30, 50);
            insertRollup(c, "checkout", "checkout-1", "latency_ms", T1, 5, 600, 60, 210);
            insertRollup(c, "checkout", "checkout-2", "latency_ms", T1, 5, 600, 60, 200);
            insertRollup(c, "payments", "*", "latency_ms", T0, 4, 400, 90, 110);
            c.createStatement().execute("INSERT INTO instances (service, instance, version) VALUES "
                    + "('checkout', 'checkout-1', '1.4.2'), ('checkout', 'checkout-2', '1.5.0')");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static void insertRollup(Connection c, String service, String instance, String metric, Instant window,
            long count, double sum, double min, double max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO metric_rollups (series, resolution, window_start, service, instance, metric, count, sum, min, max, avg)
                VALUES (?, '1m', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, service + "/" + instance + "/" + metric);
            ps.setTimestamp(2, Timestamp.from(window));
            ps.setString(3, service);
            ps.setString(4, instance);
            ps.setString(5, metric);
            ps.setLong(6, count);
            ps.setDouble(7, sum);
            ps.setDouble(8, min);
            ps.setDouble(9, max);
            ps.setDouble(10, sum / count);
            ps.executeUpdate();
        }
    }

    private static Response get(HttpClient client, String path, String token) {
        return client.request(path, b -> {
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
        });
    }

    private static JsonNode json(Response r) throws IOException {
        return Json.mapper().readTree(r.body().string());
    }

    @Test
    void everyApiRouteRefusesCallsWithoutAValidToken() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            for (String path : new String[] {"/api/me", "/api/services", "/api/services/checkout/metrics?metric=cpu",
                    "/api/tokens", "/metrics"}) {
                assertThat(get(client, path, null).code()).as(path).isEqualTo(401);
                assertThat(get(client, path, "nw_not-a-real-token").code()).as(path).isEqualTo(401);
            }
            Response basic = client.request("/api/services", b -> b.header("Authorization", "Basic YWxpY2U6cHc="));
            assertThat(basic.code()).isEqualTo(401);
            assertThat(json(basic).path("error").asText()).contains("missing bearer token");
            assertThat(get(client, "/healthz", null).code()).isEqualTo(200);
        });
    }

    @Test
    void rolesBelowTheRoutesAreForbidden() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            Response asViewer = get(client, "/api/tokens", viewer);
            assertThat(asViewer.code()).isEqualTo(403);
            assertThat(json(asViewer).path("error").asText()).isEqualTo("role viewer may not do this; it needs admin");
            assertThat(get(client, "/api/tokens", operator).code()).isEqualTo(403);
            assertThat(get(client, "/api/tokens", admin).code()).isEqualTo(200);
            assertThat(get(client, "/api/services", operator).code()).isEqualTo(200);
        });
    }

    @Test
    void meNamesTheCallerAndItsRole() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            JsonNode me = json(get(client, "/api/me", operator));
            assertThat(me.path("name").asText()).isEqualTo("oscar");
            assertThat(me.path("role").asText()).isEqualTo("operator");
        });
    }

    @Test
    void servicesListTheirLatestServiceLevelFiguresInstancesAndVersions() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            JsonNode services = json(get(client, "/api/services", viewer));
            assertThat(services).hasSize(2);
            JsonNode checkout = services.get(0);
            assertThat(checkout.path("name").asText()).isEqualTo("checkout");
            assertThat(checkout.path("instances").asInt()).isEqualTo(2);
            assertThat(checkout.path("versions").toString()).isEqualTo("[\"1.4.2\",\"1.5.0\"]");
            assertThat(checkout.path("latest").path("windowStart").asText()).isEqualTo(T1.toString());
            assertThat(checkout.path("latest").path("metrics").path("latency_ms").path("avg").asDouble()).isEqualTo(120.0);
            assertThat(checkout.path("latest").path("metrics").path("cpu").path("max").asDouble()).isEqualTo(50.0);
            JsonNode payments = services.get(1);
            assertThat(payments.path("latest").path("windowStart").asText()).isEqualTo(T0.toString());
        });
    }

    @Test
    void metricsOfAServiceAreItsServiceLevelRollupsInTheRange() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            JsonNode series = json(get(client, "/api/services/checkout/metrics?metric=latency_ms&resolution=1m"
                    + "&from=2026-11-22T05:00:00Z&to=2026-11-22T06:00:00Z", viewer));
            assertThat(series.path("resolution").asText()).isEqualTo("1m");
            assertThat(series.path("points")).hasSize(2);
            assertThat(series.path("points").get(0).path("windowStart").asText()).isEqualTo(T0.toString());
            assertThat(series.path("points").get(0).path("avg").asDouble()).isEqualTo(100.0);
            assertThat(series.path("points").get(1).path("count").asLong()).isEqualTo(10);
            assertThat(series.path("points").get(1).path("p99").isNull()).isTrue();

            JsonNode defaultRange = json(get(client, "/api/services/checkout/metrics?metric=latency_ms", viewer));
            assertThat(defaultRange.path("points")).hasSize(2); // the last hour before the (fixed) clock
        });
    }

    @Test
    void badQueriesGetA400ThatNamesTheProblemAndUnknownServicesA404() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            Response noMetric = get(client, "/api/services/checkout/metrics", viewer);
            assertThat(noMetric.code()).isEqualTo(400);
            assertThat(json(noMetric).path("error").asText()).isEqualTo("missing query parameter 'metric'");
            Response badResolution = get(client, "/api/services/checkout/metrics?metric=cpu&resolution=2m", viewer);
            assertThat(badResolution.code()).isEqualTo(400);
            assertThat(json(badResolution).path("error").asText()).contains("unknown resolution '2m'");
            Response badFrom = get(client, "/api/services/checkout/metrics?metric=cpu&from=yesterday", viewer);
            assertThat(badFrom.code()).isEqualTo(400);
            assertThat(json(badFrom).path("error").asText()).contains("'from' is not an ISO-8601 instant");
            Response reversed = get(client,
                    "/api/services/checkout/metrics?metric=cpu&from=2026-11-22T06:00:00Z&to=2026-11-22T05:00:00Z", viewer);
            assertThat(reversed.code()).isEqualTo(400);
            Response unknown = get(client, "/api/services/nope/metrics?metric=cpu", viewer);
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(json(unknown).path("error").asText()).isEqualTo("no service named 'nope'");
        });
    }

    @Test
    void adminsCreateAndRevokeTokensAndARevokedTokenStopsWorking() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            Response created = client.post("/api/tokens", "{\"name\":\"ci-bot\",\"role\":\"operator\"}",
                    b -> b.header("Authorization", "Bearer " + admin));
            assertThat(created.code()).isEqualTo(201);
            String token = json(created).path("token").asText();
            assertThat(token).startsWith("nw_");
            assertThat(json(get(client, "/api/me", token)).path("role").asText()).isEqualTo("operator");

            Response badRole = client.post("/api/tokens", "{\"name\":\"x\",\"role\":\"root\"}",
                    b -> b.header("Authorization", "Bearer " + admin));
            assertThat(badRole.code()).isEqualTo(400);
            assertThat(json(badRole).path("error").asText()).contains("unknown role 'root'");
            Response notJson = client.post("/api/tokens", "name=x", b -> b.header("Authorization", "Bearer " + admin));
            assertThat(notJson.code()).isEqualTo(400);

            JsonNode listed = json(get(client, "/api/tokens", admin));
            assertThat(listed.toString()).contains("ci-bot").doesNotContain(token);

            Response revoked = client.request("/api/tokens/ci-bot", b -> b.delete().header("Authorization", "Bearer " + admin));
            assertThat(revoked.code()).isEqualTo(204);
            assertThat(get(client, "/api/me", token).code()).isEqualTo(401);
        });
    }

    @Test
    void prometheusMetricsCountRequestsByRouteAndStatus() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            get(client, "/api/services", viewer);
            get(client, "/api/tokens", viewer);
            String text = get(client, "/metrics", viewer).body().string();
            assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/services\",status=\"200\"}");
            assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/tokens\",status=\"403\"}");
            assertThat(text).contains("jvm_memory_used_bytes");
        });
    }
}
