package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.schemas.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the analyzer scenarios share: alerts posted as Prometheus posts them ({@code POST /api/v2/alerts}), finding the
 * incident they opened, and reading its event log and commands through the API, as an operator's tools would.
 */
final class IncidentScenarios {

    private IncidentScenarios() {}

    /** An alert of a service's instance ({@code instance} null: of the service), firing or (with an end) resolved. */
    static ObjectNode alert(String alertname, String service, String instance, String severity, Map<String, String> annotations,
            Instant startsAt, Instant endsAt) {
        ObjectNode a = Json.mapper().createObjectNode();
        ObjectNode labels = a.putObject("labels");
        labels.put("alertname", alertname);
        labels.put("service", service);
        if (instance != null) {
            labels.put("instance", instance);
        }
        labels.put("severity", severity);
        ObjectNode ann = a.putObject("annotations");
        annotations.forEach(ann::put);
        a.put("startsAt", startsAt.toString());
        if (endsAt != null) {
            a.put("endsAt", endsAt.toString());
        }
        a.put("generatorURL", "http://prometheus.demo/graph?g0.expr=" + alertname);
        return a;
    }

    /** Posts the alerts to the api-server's Alertmanager-compatible intake as the operator token. */
    static void post(ScenarioHttp http, ScenarioContext ctx, List<ObjectNode> alerts) throws Exception {
        ArrayNode batch = Json.mapper().createArrayNode();
        batch.addAll(alerts);
        http.post(ctx.apiUrl() + "/api/v2/alerts", Json.mapper().writeValueAsString(batch), ctx.operatorToken(), 200);
    }

    /** The newest incident of the service with this title opened at or after {@code since}, or null. */
    static JsonNode incident(ScenarioHttp http, ScenarioContext ctx, String service, String title, Instant since)
            throws Exception {
        JsonNode list = http.get(ctx.apiUrl() + "/api/incidents?all=true&limit=500&service=" + service, ctx.viewerToken());
        JsonNode found = null;
        for (JsonNode i : list) {
            Instant opened = Instant.parse(i.path("openedAt").asText());
            if (title.equals(i.path("title").asText()) && !opened.isBefore(since.minusSeconds(1))
                    && (found == null || opened.isAfter(Instant.parse(found.path("openedAt").asText())))) {
                found = i;
            }
        }
        return found;
    }

    /** The incident's event log, in the API's order. */
    static List<JsonNode> events(ScenarioHttp http, ScenarioContext ctx, String incidentId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        http.get(ctx.apiUrl() + "/api/incidents/" + incidentId + "/events", ctx.viewerToken()).forEach(out::add);
        return out;
    }

    /** The first event of a type, or null. */
    static JsonNode first(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).findFirst().orElse(null);
    }

    /** The event types, in order (for messages). */
    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /**
     * Waits (up to 2 minutes) until the newest incident of the service with this title, opened at or after
     * {@code since}, has an event log that satisfies {@code done}; returns that log. On timeout the message shows
     * the log's event types so far.
     */
    static List<JsonNode> awaitLog(ScenarioHttp http, ScenarioContext ctx, String service, String title, Instant since,
            String what, Predicate<List<JsonNode>> done) throws Exception {
        return ScenarioHttp.await(what + " of '" + title + "'", Duration.ofMinutes(2), () -> {
            JsonNode i = incident(http, ctx, service, title, since);
            if (i == null) {
                return null;
            }
            List<JsonNode> log = events(http, ctx, i.path("id").asText());
            return done.test(log) ? log : null;
        }, () -> {
            JsonNode i = incident(http, ctx, service, title, since);
            return i == null ? "no incident yet" : types(events(http, ctx, i.path("id").asText())).toString();
        });
    }

    /** The commands of an incident. */
    static List<JsonNode> commands(ScenarioHttp http, ScenarioContext ctx, String incidentId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        http.get(ctx.apiUrl() + "/api/commands?incident=" + incidentId, ctx.viewerToken()).forEach(out::add);
        return out;
    }

    /** A short run id for names that must not collide with earlier runs of the demo. */
    static String runId() {
        return Long.toString(System.currentTimeMillis() / 1000 % 1_679_616L, 36);
    }
}
