package io.nightwatch.api.releases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapter for the simulator's release system ({@code io.nightwatch.simulator.release}, HTTP/JSON): POST
 * {@code /releases} and {@code /releases/{id}/pause|resume|cancel|rollback}, with its optional bearer token. Its
 * 400/404/409 answers are passed on; anything else, or no answer within the timeout, is a 502.
 */
public final class SimulatorReleaseSystem implements ReleaseSystemAdapter {

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    public SimulatorReleaseSystem(String baseUrl, String token, Duration timeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "simulator release system at " + base;
    }

    @Override
    public ReleaseAck create(CreateRelease r) {
        ObjectNode body = Json.mapper().createObjectNode();
        putIfSet(body, "id", r.id());
        body.put("service", r.service());
        body.put("version", r.version());
        putIfSet(body, "risk", r.risk());
        putIfSet(body, "startAt", r.startAt() == null ? null : r.startAt().toString());
        if (r.analysisWindowSeconds() != null) {
            body.put("analysisWindowSeconds", r.analysisWindowSeconds());
        }
        if (r.bakeSeconds() != null) {
            body.put("bakeSeconds", r.bakeSeconds());
        }
        if (r.passThreshold() != null) {
            body.put("passThreshold", r.passThreshold());
        }
        if (r.marginalThreshold() != null) {
            body.put("marginalThreshold", r.marginalThreshold());
        }
        if (r.stages() != null) {
            body.set("stages", Json.mapper().valueToTree(r.stages()));
            for (JsonNode s : body.get("stages")) {
                List<String> nulls = new ArrayList<>();
                s.fields().forEachRemaining(f -> {
                    if (f.getValue().isNull()) {
                        nulls.add(f.getKey());
                    }
                });
                ((ObjectNode) s).remove(nulls);
            }
        }
        if (r.fault() != null) {
            ObjectNode f = body.putObject("fault");
            f.put("kind", r.fault().kind());
            if (r.fault().size() != null) {
                f.put("size", r.fault().size());
            }
        }
        putIfSet(body, "reason", r.reason());
        return ack(send("POST", "releases", body));
    }

    @Override
    public ReleaseAck pause(String releaseId, String reason) {
        return action(releaseId, "pause", reason);
    }

    @Override
    public ReleaseAck resume(String releaseId, String reason) {
        return action(releaseId, "resume", reason);
    }

    @Override
    public ReleaseAck cancel(String releaseId, String reason) {
        return action(releaseId, "cancel", reason);
    }

    @Override
    public ReleaseAck rollback(String releaseId, String reason) {
        return action(releaseId, "rollback", reason);
    }

    private ReleaseAck action(String releaseId, String action, String reason) {
        ObjectNode body = Json.mapper().createObjectNode();
        putIfSet(body, "reason", reason);
        return ack(send("POST", "releases/" + URLEncoder.encode(releaseId, StandardCharsets.UTF_8) + "/" + action,
                body));
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.toString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ReleaseSystemException(502, "release system unreachable at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseSystemException(502, "interrupted while calling the release system");
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(res.body());
        } catch (IOException e) {
            throw new ReleaseSystemException(502, "release system answered " + res.statusCode() + " without JSON");
        }
        int status = res.statusCode();
        if (status >= 200 && status < 300) {
            return answer;
        }
        String message = "release system: " + answer.path("error").asText("HTTP " + status);
        if (status == 400 || status == 404 || status == 409) {
            throw new ReleaseSystemException(status, message);
        }
        throw new ReleaseSystemException(502, message + " (HTTP " + status + ")");
    }

    private static ReleaseAck ack(JsonNode r) {
        List<ReleaseAck.PlannedStage> stages = new ArrayList<>();
        for (JsonNode s : r.path("stages")) {
            stages.add(new ReleaseAck.PlannedStage(s.path("stage").asInt(), s.path("instances").asInt(),
                    s.path("percent").asInt(), s.path("analysisWindowSeconds").asLong(),
                    s.path("passThreshold").asDouble(), s.path("marginalThreshold").asDouble(),
                    s.path("analyzed").asBoolean(), s.path("status").asText(null)));
        }
        return new ReleaseAck(r.path("id").asText(), r.path("service").asText(), r.path("version").asText(),
                r.path("fromVersion").asText(null), r.path("state").asText(), r.path("stage").asInt(),
                r.path("stageCount").asInt(), r.path("reason").asText(null), stages);
    }

    private static void putIfSet(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
