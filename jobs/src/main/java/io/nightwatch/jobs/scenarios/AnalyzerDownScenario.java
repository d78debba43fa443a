package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code analyzer-down}: the analyzer service is stopped; an incident opens meanwhile. The job's Async I/O call is
 * refused, the builtin rules decide in the job ({@code ANALYZER_FALLBACK} in the event log, the result marked
 * fallback), the guard judges the decision as always and the command goes out — nothing waits, nothing is lost. The
 * analyzer is started again and the next incident is analysed by it.
 */
public final class AnalyzerDownScenario implements Scenario {

    static final String SERVICE = "search";

    @Override
    public String name() {
        return "analyzer-down";
    }

    @Override
    public String description() {
        return "with the analyzer stopped, decisions fall back to the builtin rules in the job and nothing is lost";
    }

    @Override
    public String run(ScenarioContext ctx) throws Exception {
        if (ctx.analyzer() == null) {
            throw new ScenarioFailed("the demo runs no analyzer to stop");
        }
        ScenarioHttp http = new ScenarioHttp();
        String down = "SearchShardTimeouts";
        String up = "SearchQueueBacklog";
        Instant start = Instant.now();
        ctx.analyzer().stop();
        System.out.println("  analyzer stopped; alert " + down + " on search-2 ...");
        try {
            IncidentScenarios.post(http, ctx, List.of(IncidentScenarios.alert(down, SERVICE, "search-2", "warning",
                    Map.of("summary", "shard timeouts on search-2"), start, null)));
            List<JsonNode> whileDown = awaitDecision(http, ctx, down + " on " + SERVICE, start);
            JsonNode fallback = IncidentScenarios.first(whileDown, "ANALYZER_FALLBACK");
            JsonNode analyzedDown = IncidentScenarios.first(whileDown, "ANALYZED");
            if (fallback == null || !"job".equals(fallback.path("attributes").path("by").asText())
                    || !analyzedDown.path("detail").path("fallback").asBoolean()) {
                throw new ScenarioFailed("no fallback in the job while the analyzer was down: " + IncidentScenarios.types(whileDown)
                        + " " + (fallback == null ? "" : fallback.path("attributes")));
            }
            ctx.analyzer().restart();
            Instant again = Instant.now();
            System.out.println("  builtin fallback recorded (" + fallback.path("attributes").path("reason").asText()
                    + "); analyzer started again; alert " + up + " on search-3 ...");
            IncidentScenarios.post(http, ctx, List.of(IncidentScenarios.alert(up, SERVICE, "search-3", "warning",
                    Map.of("summary", "queue backlog on search-3"), again, null)));
            List<JsonNode> afterwards = awaitDecision(http, ctx, up + " on " + SERVICE, again);
            JsonNode analyzedUp = IncidentScenarios.first(afterwards, "ANALYZED");
            if (analyzedUp.path("detail").path("fallback").asBoolean()) {
                throw new ScenarioFailed("the analyzer is back, yet the job fell back: " + analyzedUp.path("attributes"));
            }
            String incident = analyzedDown.path("eventId").asText().split(":")[0];
            JsonNode verdict = IncidentScenarios.first(whileDown, "GUARD_VERDICT");
            return "incident=" + incident + " fallback=\"" + fallback.path("attributes").path("reason").asText() + "\" decision="
                    + analyzedDown.path("attributes").path("action").asText() + " guard="
                    + verdict.path("attributes").path("verdict").asText() + " commands="
                    + IncidentScenarios.commands(http, ctx, incident).size() + " after-restart="
                    + analyzedUp.path("attributes").path("provider").asText() + "/fallback="
                    + analyzedUp.path("detail").path("fallback").asBoolean();
        } finally {
            ctx.analyzer().restart();
            Instant end = Instant.now();
            IncidentScenarios.post(http, ctx, List.of(
                    IncidentScenarios.alert(down, SERVICE, "search-2", "warning", Map.of(), start, end),
                    IncidentScenarios.alert(up, SERVICE, "search-3", "warning", Map.of(), start, end)));
        }
    }

    /** Waits until the incident's analysis and the guard's verdict (and, when allowed, its command) are logged. */
    private static List<JsonNode> awaitDecision(ScenarioHttp http, ScenarioContext ctx, String title, Instant since)
            throws Exception {
        return IncidentScenarios.awaitLog(http, ctx, SERVICE, title, since, "the analysis and verdict", log -> {
            JsonNode verdict = IncidentScenarios.first(log, "GUARD_VERDICT");
            if (IncidentScenarios.first(log, "ANALYZED") == null || verdict == null) {
                return false;
            }
            boolean commandExpected = List.of("ALLOW", "HOLD_FOR_APPROVAL").contains(verdict.path("attributes").path("verdict")
                    .asText()) && !"NONE".equals(verdict.path("attributes").path("action").asText());
            return !commandExpected || IncidentScenarios.first(log, "COMMAND_ISSUED") != null
                    || IncidentScenarios.first(log, "COMMAND_HELD") != null;
        });
    }
}
