package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** What the release scenarios share: creating a release through the API and following it there. */
final class ReleaseScenarios {

    /** The analysis window of the scenarios' stages (the demo's canary job waits 10 s before counting samples). */
    static final long WINDOW_SECONDS = 70;
    /** The bake of their last stage. */
    static final long BAKE_SECONDS = 15;

    private ReleaseScenarios() {}

    /** A version no earlier run of the demo used: {@code base-yyyyMMddHHmmss}. */
    static String freshVersion(String base) {
        return base + "-" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /** Creates a release through the api-server as the operator; returns its id. */
    static String create(ScenarioHttp http, ScenarioContext ctx, String body) throws Exception {
        JsonNode ack = http.post(ctx.apiUrl() + "/api/releases", body, ctx.operatorToken(), 201);
        return ack.path("id").asText();
    }

    /** The release as the API shows it (from PostgreSQL), or null before its projection arrives. */
    static JsonNode detail(ScenarioHttp http, ScenarioContext ctx, String id) throws Exception {
        try {
            return http.get(ctx.apiUrl() + "/api/releases/" + id, ctx.viewerToken());
        } catch (ScenarioFailed e) {
            return null;
        }
    }

    /** Waits until the release's status is {@code status} in the API; fails early when it ends otherwise. */
    static JsonNode awaitStatus(ScenarioHttp http, ScenarioContext ctx, String id, String status, Duration timeout)
            throws Exception {
        return ScenarioHttp.await("release " + id + " in status " + status, timeout, () -> {
            JsonNode d = detail(http, ctx, id);
            String now = d == null ? null : d.path("release").path("status").asText();
            if (now != null && !now.equals(status) && List.of("ROLLED_BACK", "COMPLETED", "CANCELLED", "FAILED",
                    "PAUSED").contains(now)) {
                throw new ScenarioFailed("release " + id + " is " + now + " (" + d.path("release").path("reason").asText()
                        + "), expected " + status + "; stages: " + stages(d));
            }
            return status.equals(now) ? d : null;
        }, () -> describe(detail(http, ctx, id)));
    }

    /** Each stage's number, status and verdict, e.g. {@code [1 PASSED PASS, 2 RUNNING -]}. */
    static List<String> stages(JsonNode detail) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : detail.path("stages")) {
            out.add(s.path("stage").asInt() + " " + s.path("status").asText() + " "
                    + (s.path("verdict").isNull() || s.path("verdict").isMissingNode() ? "-" : s.path("verdict").asText()));
        }
        return out;
    }

    static String describe(JsonNode detail) {
        if (detail == null) {
            return "not in the API yet";
        }
        return detail.path("release").path("status").asText() + " at stage " + detail.path("release").path("stage")
                .asInt() + " (" + detail.path("release").path("reason").asText() + "), stages " + stages(detail);
    }
}
