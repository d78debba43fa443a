package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code analyzer-rollback}: a checkout release puts its first canary instance on a new version (a long analysis
 * window, so the canary judge does not decide first); the canary's monitoring raises a warning alert on it. The
 * incidents job opens an incident, enrichment attaches the active release, the analyzer finds the regression on the
 * canary only ({@code release-regression}: ROLLBACK_RELEASE), the guard checks it (in scope, release active, rate
 * limit, confidence) and allows it, and the rollback goes out exactly once on {@code nw.commands.healing}; the release
 * system rolls the release back and its answer is recorded. Every step is in the incident's event log.
 */
public final class AnalyzerRollbackScenario implements Scenario {

    static final String SERVICE = "checkout";
    static final String CANARY = "checkout-1";

    @Override
    public String name() {
        return "analyzer-rollback";
    }

    @Override
    public String description() {
        return "an alert on a canary instance leads, through the analyzer and the guard, to a rollback of its release";
    }

    @Override
    public String run(ScenarioContext ctx) throws Exception {
        ScenarioHttp http = new ScenarioHttp();
        String id = ReleaseScenarios.create(http, ctx, """
                {"service":"%s","version":"%s","risk":"medium","analysisWindowSeconds":900,"bakeSeconds":60,
                 "fault":{"kind":"latency","size":40},"reason":"scenario analyzer-rollback"}"""
                .formatted(SERVICE, ReleaseScenarios.freshVersion("1.6.0")));
        System.out.println("  release " + id + ": checkout, new version 40% slower on the canary; waiting for stage 1 ...");
        ScenarioHttp.await("stage 1 of " + id + " running", Duration.ofSeconds(60), () -> {
            JsonNode d = ReleaseScenarios.detail(http, ctx, id);
            return d != null && d.path("stages").size() > 0
                    && d.path("stages").get(0).path("canaryInstances").toString().contains(CANARY) ? d : null;
        }, () -> ReleaseScenarios.describe(ReleaseScenarios.detail(http, ctx, id)));

        Instant start = Instant.now();
        String alertname = "CanaryLatencyHigh";
        IncidentScenarios.post(http, ctx, List.of(IncidentScenarios.alert(alertname, SERVICE, CANARY, "warning",
                Map.of("summary", "p99 latency of " + CANARY + " is 40% above its peers since the new version"), start, null)));
        System.out.println("  alert " + alertname + " on " + CANARY + " posted; waiting for the analysis and the rollback ...");
        try {
            JsonNode rollback = ScenarioHttp.await("an executed rollback of " + id + " from the analyzer", Duration.ofMinutes(3),
                    () -> executedRollback(http, ctx, id), () -> "commands " + http.get(ctx.apiUrl()
                            + "/api/commands?service=" + SERVICE + "&limit=5", ctx.viewerToken()));
            String incident = rollback.path("incidentId").asText();
            List<JsonNode> events = ScenarioHttp.await("the event log of " + incident, Duration.ofSeconds(30), () -> {
                List<JsonNode> e = IncidentScenarios.events(http, ctx, incident);
                return IncidentScenarios.first(e, "COMMAND_RESULT") != null ? e : null;
            }, () -> IncidentScenarios.types(IncidentScenarios.events(http, ctx, incident)).toString());
            JsonNode analyzed = IncidentScenarios.first(events, "ANALYZED");
            JsonNode verdict = IncidentScenarios.first(events, "GUARD_VERDICT");
            if (analyzed == null || verdict == null || IncidentScenarios.first(events, "ANALYZER_STEP") == null) {
                throw new ScenarioFailed("incident " + incident + " lacks analyzer steps, analysis or verdict: "
                        + IncidentScenarios.types(events));
            }
            if (!"ROLLBACK_RELEASE".equals(analyzed.path("attributes").path("action").asText())
                    || !"ALLOW".equals(verdict.path("attributes").path("verdict").asText())) {
                throw new ScenarioFailed("analysis " + analyzed.path("attributes") + ", verdict " + verdict.path("attributes"));
            }
            JsonNode release = ReleaseScenarios.awaitStatus(http, ctx, id, "ROLLED_BACK", Duration.ofSeconds(60));
            return "release=" + id + " incident=" + incident + " provider=" + analyzed.path("attributes").path("provider").asText()
                    + " decision=ROLLBACK_RELEASE confidence=" + analyzed.path("attributes").path("confidence").asText()
                    + " guard=ALLOW checks=" + verdict.path("detail").path("checks").size() + " command="
                    + rollback.path("status").asText() + " status=" + release.path("release").path("status").asText();
        } finally {
            IncidentScenarios.post(http, ctx, List.of(IncidentScenarios.alert(alertname, SERVICE, CANARY, "warning",
                    Map.of(), start, Instant.now())));
        }
    }

    /** The analyzer's rollback of the release, once the release system answered it as executed. */
    private static JsonNode executedRollback(ScenarioHttp http, ScenarioContext ctx, String release) throws Exception {
        for (JsonNode c : http.get(ctx.apiUrl() + "/api/commands?service=" + SERVICE + "&kind=healing&limit=50",
                ctx.viewerToken())) {
            if ("ROLLBACK_RELEASE".equals(c.path("action").asText()) && release.equals(c.path("target").asText())
                    && c.path("commandId").asText().startsWith("inc-")) {
                if ("executed".equals(c.path("status").asText())) {
                    return c;
                }
                if (List.of("rejected", "expired", "not_supported", "failed").contains(c.path("status").asText())) {
                    throw new ScenarioFailed("the rollback command " + c.path("commandId").asText() + " ended "
                            + c.path("status").asText() + ": " + c.path("result").asText());
                }
            }
        }
        return null;
    }
}
