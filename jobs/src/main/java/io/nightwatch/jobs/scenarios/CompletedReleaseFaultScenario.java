package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * {@code completed-release-fault}: a payments release completes (50% canary, then everyone); then one of its
 * instances degrades and alerts. The canary job's CEP pattern marks the release suspect (an alert within minutes
 * of the instance's version change) and asks for a rollback; the release system answers "rollback not supported
 * for a completed release"; Nightwatch records the answer and escalates (an ESCALATED incident event).
 */
public final class CompletedReleaseFaultScenario implements Scenario {

    private static final String INSTANCE = "payments-2";

    @Override
    public String name() {
        return "completed-release-fault";
    }

    @Override
    public String description() {
        return "a fault on an instance of a completed payments release is recorded as 'rollback not supported' "
                + "and escalated";
    }

    @Override
    public String run(ScenarioContext ctx) throws Exception {
        ScenarioHttp http = new ScenarioHttp();
        String id = ReleaseScenarios.create(http, ctx, """
                {"service":"payments","version":"%s","analysisWindowSeconds":%d,"bakeSeconds":%d,
                 "stages":[{"percent":50}],"reason":"scenario completed-release-fault"}"""
                .formatted(ReleaseScenarios.freshVersion("2.8.0"), ReleaseScenarios.WINDOW_SECONDS,
                        ReleaseScenarios.BAKE_SECONDS));
        System.out.println("  release " + id + ": payments, healthy, 50% then 100%; waiting for it to complete ...");
        ReleaseScenarios.awaitStatus(http, ctx, id, "COMPLETED", Duration.ofMinutes(5));

        System.out.println("  " + INSTANCE + " degrades (latency x3) and alerts ...");
        http.post(ctx.releaseSystemUrl() + "/instances/" + INSTANCE + "/fault",
                "{\"kind\":\"latency\",\"size\":200,\"alert\":true}", null, 200);
        try {
            String command = "canary:" + id + ":suspect:" + INSTANCE + ":ROLLBACK_RELEASE";
            JsonNode d = ScenarioHttp.await("'rollback not supported' recorded and escalated", Duration.ofMinutes(2), () -> {
                JsonNode now = ReleaseScenarios.detail(http, ctx, id);
                boolean refused = false;
                for (JsonNode c : now.path("commands")) {
                    refused |= c.path("commandId").asText().equals(command)
                            && c.path("status").asText().equals("not_supported")
                            && c.path("result").asText().contains("rollback not supported for a completed release");
                }
                return refused && now.path("escalations").size() > 0 && now.path("release").path("suspect").asBoolean()
                        ? now : null;
            }, () -> {
                JsonNode now = ReleaseScenarios.detail(http, ctx, id);
                return "suspect=" + now.path("release").path("suspect") + " commands=" + now.path("commands")
                        + " escalations=" + now.path("escalations");
            });
            if (!"COMPLETED".equals(d.path("release").path("status").asText())) {
                throw new ScenarioFailed("release " + id + " is " + d.path("release").path("status").asText()
                        + " after the refused rollback");
            }
            return "release=" + id + " suspect=" + d.path("suspicions").get(0).path("alertName").asText() + " command="
                    + "not_supported escalations=" + d.path("escalations").size();
        } finally {
            http.delete(ctx.releaseSystemUrl() + "/instances/" + INSTANCE + "/fault", null);
        }
    }
}
