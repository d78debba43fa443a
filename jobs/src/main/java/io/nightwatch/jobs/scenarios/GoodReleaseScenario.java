package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code good-release}: a healthy search release with the generated medium-risk strategy (1 instance → 50% →
 * 100%): every analysed stage is judged PASS, the release system moves on after each and completes.
 */
public final class GoodReleaseScenario implements Scenario {

    @Override
    public String name() {
        return "good-release";
    }

    @Override
    public String description() {
        return "a healthy search release passes every canary stage and reaches 100% of the instances";
    }

    @Override
    public String run(ScenarioContext ctx) throws Exception {
        ScenarioHttp http = new ScenarioHttp();
        String version = ReleaseScenarios.freshVersion("5.2.0");
        String id = ReleaseScenarios.create(http, ctx, """
                {"service":"search","version":"%s","risk":"medium","analysisWindowSeconds":%d,"bakeSeconds":%d,
                 "reason":"scenario good-release"}"""
                .formatted(version, ReleaseScenarios.WINDOW_SECONDS, ReleaseScenarios.BAKE_SECONDS));
        System.out.println("  release " + id + ": search " + version + ", healthy; following its stages ...");
        JsonNode d = ReleaseScenarios.awaitStatus(http, ctx, id, "COMPLETED", Duration.ofMinutes(8));
        List<String> verdicts = new ArrayList<>();
        for (JsonNode s : d.path("stages")) {
            if (s.path("verdict").isTextual()) {
                verdicts.add(s.path("verdict").asText());
            }
        }
        if (verdicts.isEmpty() || verdicts.stream().anyMatch(v -> !v.equals("PASS"))) {
            throw new ScenarioFailed("release " + id + " completed with verdicts " + verdicts);
        }
        for (JsonNode i : d.path("instances")) {
            if (!i.path("version").asText().equals(version)) {
                throw new ScenarioFailed(i.path("instance").asText() + " runs " + i.path("version").asText()
                        + ", not " + version);
            }
        }
        return "release=" + id + " stages=" + d.path("stages").size() + " verdicts=" + String.join(",", verdicts)
                + " instances=" + d.path("instances").size();
    }
}
