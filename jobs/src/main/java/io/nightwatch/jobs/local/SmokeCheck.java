package io.nightwatch.jobs.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a running demo works end to end: the UI is served, and the API (with a viewer token) lists
 * every simulated service with rollups.
 */
public final class SmokeCheck {

    /** What the check saw when it passed. */
    public record Passed(int services, long rollups) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final String jdbcUrl;

    public SmokeCheck(String baseUrl, String token, String jdbcUrl) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.jdbcUrl = jdbcUrl;
    }

    /** Polls until every expected service has rollups, or fails with what was missing when time runs out. */
    public Passed await(List<String> expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                lastProblem = problem(expected);
                if (lastProblem == null) {
                    return new Passed(expected.size(), countRollups());
                }
            } catch (Exception e) {
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("after " + timeout.toSeconds() + " s: " + lastProblem);
    }

    /** The reason the demo is not working yet, or null when it is. */
    String problem(List<String> expected) throws Exception {
        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (ui.statusCode() != 200 || !ui.body().contains("<div id=\"app\"")) {
            return "the UI is not served at " + baseUrl + "/ (HTTP " + ui.statusCode() + ")";
        }
        HttpResponse<String> unauth = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/services")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (unauth.statusCode() != 401) {
            return "GET /api/services without a token answered " + unauth.statusCode() + ", expected 401";
        }
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/services"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            return "GET /api/services answered " + res.statusCode() + ": " + res.body();
        }
        Set<String> withRollups = new TreeSet<>();
        for (JsonNode s : Json.mapper().readTree(res.body())) {
            if (!s.path("latest").isNull() && !s.path("latest").isMissingNode()) {
                withRollups.add(s.path("name").asText());
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(withRollups);
        return missing.isEmpty() ? null : "no rollups yet for " + missing + " (services with rollups: " + withRollups + ")";
    }

    private long countRollups() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM metric_rollups")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
