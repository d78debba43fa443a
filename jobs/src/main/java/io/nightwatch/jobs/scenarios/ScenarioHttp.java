package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/** JSON over HTTP for scenarios (the api-server as a user calls it, the release system as the world does). */
final class ScenarioHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** GETs a JSON document; a status other than 200 fails the scenario with the answer. */
    JsonNode get(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, 200);
    }

    /** POSTs a JSON body and expects {@code expected}. */
    JsonNode post(String url, String body, String token, int expected) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token, expected);
    }

    /** DELETEs and expects 200. */
    JsonNode delete(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), token, 200);
    }

    private JsonNode send(HttpRequest.Builder b, String token, int expected) throws Exception {
        b.timeout(Duration.ofSeconds(15)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = b.build();
        HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != expected) {
            throw new ScenarioFailed(request.method() + " " + request.uri() + " answered " + res.statusCode() + ": "
                    + res.body());
        }
        try {
            return Json.mapper().readTree(res.body());
        } catch (IOException e) {
            throw new ScenarioFailed(request.method() + " " + request.uri() + " did not answer JSON: " + res.body());
        }
    }

    /**
     * Polls {@code check} every 2 s until it returns a non-null value, or fails after {@code timeout} with what the
     * last look saw ({@code seen}).
     */
    static <T> T await(String what, Duration timeout, Callable<T> check, Callable<String> seen) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = check.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new ScenarioFailed("no " + what + " after " + timeout.toSeconds() + " s; last seen: " + seen.call());
            }
            Thread.sleep(2000);
        }
    }
}
