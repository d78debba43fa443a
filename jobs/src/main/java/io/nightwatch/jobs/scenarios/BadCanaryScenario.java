package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * {@code bad-canary}: a checkout release whose new version is 60% slower. Its first canary stage is judged FAIL
 * (latency High, critical), the canary job issues a ROLLBACK and the release system rolls it back — all through
 * the API, as an operator would start it.
 */
public final class BadCanaryScenario implements Scenario {

    @Override
    public String name() {
        return "bad-canary";
    }

    @Override
    public String description() {
        return "a checkout release whose canary is 60% slower is judged FAIL and rolled back automatically";
    }

    @Override
    public String run(ScenarioContext ctx) throws Exception {
        ScenarioHttp http = new ScenarioHttp();
        String id = ReleaseScenarios.create(http, ctx, """
                {"service":"checkout","version":"%s","risk":"medium","analysisWindowSeconds":%d,"bakeSeconds":%d,
                 "fault":{"kind":"latency","size":60},"reason":"scenario bad-canary"}"""
                .formatted(ReleaseScenarios.freshVersion("1.5.0"), ReleaseScenarios.WINDOW_SECONDS,
                        ReleaseScenarios.BAKE_SECONDS));
        System.out.println("  release " + id + ": checkout, new version 60% slower; waiting for the judge ...");
        JsonNode d = ReleaseScenarios.awaitStatus(http, ctx, id, "ROLLED_BACK", Duration.ofMinutes(5));
        JsonNode stage = d.path("stages").get(0);
        if (stage.path("verdict").isMissingNode() || stage.path("verdict").isNull()) {
            // The incidents job saw the canary's latency alert first: its analyzer's guarded rollback reached the
            // release system before the stage's analysis window closed. Also an automatic rollback of the bad
            // canary, by the other path; say which one acted.
            JsonNode byAnalyzer = ScenarioHttp.await("an executed rollback of " + id, Duration.ofSeconds(60),
                    () -> executedRollback(ReleaseScenarios.detail(http, ctx, id), false),
                    () -> ReleaseScenarios.detail(http, ctx, id).path("commands").toString());
            return "release=" + id + " verdict=none (rolled back before the window closed) by="
                    + byAnalyzer.path("issuedBy").asText() + " command=" + byAnalyzer.path("commandId").asText() + " "
                    + byAnalyzer.path("status").asText();
        }
        if (!"FAIL".equals(stage.path("verdict").asText())) {
            throw new ScenarioFailed("release " + id + " was rolled back but stage 1's verdict is "
                    + stage.path("verdict").asText() + "; stages: " + ReleaseScenarios.stages(d));
        }
        String latency = "";
        for (JsonNode m : stage.path("metrics")) {
            if (m.path("metric").asText().equals("latency_ms")) {
                latency = m.path("classification").asText();
            }
        }
        if (!latency.equals("High")) {
            throw new ScenarioFailed("stage 1 failed, but latency_ms is " + latency + " rather than High");
        }
        String command = "canary:" + id + ":1:ROLLBACK_RELEASE";
        JsonNode rollback = ScenarioHttp.await("executed " + command, Duration.ofSeconds(60), () -> {
            JsonNode now = ReleaseScenarios.detail(http, ctx, id);
            for (JsonNode c : now.path("commands")) {
                if (c.path("commandId").asText().equals(command) && c.path("status").asText().equals("executed")) {
                    return c;
                }
            }
            return null;
        }, () -> ReleaseScenarios.detail(http, ctx, id).path("commands").toString());
        return "release=" + id + " verdict=FAIL score=" + stage.path("score").asDouble() + " latency_ms=High command="
                + rollback.path("status").asText();
    }

    /** An executed ROLLBACK_RELEASE of the release: the canary judge's ({@code canary}) or another path's. */
    private static JsonNode executedRollback(JsonNode detail, boolean canary) {
        for (JsonNode c : detail.path("commands")) {
            if (c.path("action").asText().equals("ROLLBACK_RELEASE") && c.path("status").asText().equals("executed")
                    && c.path("commandId").asText().startsWith("canary:") == canary) {
                return c;
            }
        }
        return null;
    }
}
