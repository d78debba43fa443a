package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.schemas.Json;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code alert-storm}: a database every service depends on fails. Every instance of the fleet fires four alerts
 * about it, and, as Prometheus does, re-sends them on every rule evaluation: a few thousand alerts reach
 * {@code POST /api/v2/alerts}. The incidents job deduplicates them into one aggregation group per alert and service
 * (the demo configuration groups alerts naming a {@code dependency} by it as well), handles the two most urgent
 * incidents of the storm and collects the rest into one summary incident (the demo's {@code dependency-storm}
 * convergence rule): a handful of incidents for the operator. At the end it resolves its alerts again.
 */
public final class AlertStormScenario implements Scenario {

    static final List<String> ALERTS = List.of("DatabaseConnectionErrors", "HighErrorRate", "HighLatency",
            "UpstreamTimeouts");
    /** Evaluation rounds: each re-sends every firing alert (Prometheus re-sends them every evaluation). */
    static final int ROUNDS = 50;
    static final int BATCH = 200;

    @Override
    public String name() {
        return "alert-storm";
    }

    @Override
    public String description() {
        return "a failing database makes every instance alert; thousands of alerts become a handful of incidents";
    }

    @Override
    public String run(ScenarioContext ctx) throws Exception {
        ScenarioHttp http = new ScenarioHttp();
        String dependency = "orders-db-" + Long.toString(System.currentTimeMillis() % 46_656L * 36 + 7, 36)
                .toLowerCase(Locale.ROOT);
        Instant startsAt = Instant.now();
        List<SimulatedInstance> instances = ctx.simulator() == null ? List.of() : fleetOf(ctx);
        if (instances.isEmpty()) {
            throw new ScenarioFailed("the demo has no simulated instances to alert about");
        }
        List<ObjectNode> firing = new ArrayList<>();
        for (SimulatedInstance i : instances) {
            for (String alert : ALERTS) {
                firing.add(alert(alert, i, dependency, startsAt, null));
            }
        }
        long services = instances.stream().map(i -> i.service().name()).distinct().count();
        int expectedGroups = (int) (services * ALERTS.size());
        int alerts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            alerts += post(http, ctx, firing);
        }
        System.out.println("  " + alerts + " alerts (" + firing.size() + " distinct, " + ROUNDS + " rounds) about "
                + dependency + " posted to /api/v2/alerts; waiting for the incidents ...");

        Duration timeout = ctx.timeout().compareTo(Duration.ofMinutes(2)) > 0 ? ctx.timeout() : Duration.ofMinutes(2);
        Storm storm = ScenarioHttp.await(expectedGroups + " incidents about " + dependency, timeout, () -> {
            Storm s = storm(http, ctx, dependency);
            return s.groups == expectedGroups && s.summaries == 1 && s.collected == expectedGroups - 2 ? s : null;
        }, () -> storm(http, ctx, dependency).toString());

        List<ObjectNode> resolved = new ArrayList<>();
        Instant endsAt = Instant.now();
        for (SimulatedInstance i : instances) {
            for (String alert : ALERTS) {
                resolved.add(alert(alert, i, dependency, startsAt, endsAt));
            }
        }
        post(http, ctx, resolved);
        return "incidents=" + storm.topLevel + " alerts=" + alerts + " groups=" + storm.groups + " collected="
                + storm.collected + " dependency=" + dependency;
    }

    private static List<SimulatedInstance> fleetOf(ScenarioContext ctx) {
        return ctx.simulator().fleet().instances();
    }

    private static ObjectNode alert(String alertname, SimulatedInstance i, String dependency, Instant startsAt,
            Instant endsAt) {
        ObjectNode a = Json.mapper().createObjectNode();
        ObjectNode labels = a.putObject("labels");
        labels.put("alertname", alertname);
        labels.put("service", i.service().name());
        labels.put("instance", i.name());
        labels.put("zone", i.zone());
        labels.put("dependency", dependency);
        labels.put("severity", alertname.equals("DatabaseConnectionErrors") ? "critical" : "warning");
        labels.put("scenario", "alert-storm");
        ObjectNode annotations = a.putObject("annotations");
        annotations.put("summary", alertname + " on " + i.name() + ": " + dependency + " is failing");
        a.put("startsAt", startsAt.toString());
        if (endsAt != null) {
            a.put("endsAt", endsAt.toString());
        }
        a.put("generatorURL", "http://prometheus.demo/graph?g0.expr=" + alertname);
        return a;
    }

    /** Posts the alerts in batches as Prometheus does; returns how many were posted. */
    private static int post(ScenarioHttp http, ScenarioContext ctx, List<ObjectNode> alerts) throws Exception {
        for (int from = 0; from < alerts.size(); from += BATCH) {
            ArrayNode batch = Json.mapper().createArrayNode();
            batch.addAll(alerts.subList(from, Math.min(alerts.size(), from + BATCH)));
            http.post(ctx.apiUrl() + "/api/v2/alerts", Json.mapper().writeValueAsString(batch), ctx.operatorToken(), 200);
        }
        return alerts.size();
    }

    /** The storm's incidents as the API lists them. */
    private static Storm storm(ScenarioHttp http, ScenarioContext ctx, String dependency) throws Exception {
        JsonNode list = http.get(ctx.apiUrl() + "/api/incidents?all=true&limit=500", ctx.viewerToken());
        int groups = 0;
        int summaries = 0;
        int collected = 0;
        int topLevel = 0;
        for (JsonNode i : list) {
            if (!dependency.equals(i.path("labels").path("dependency").asText())) {
                continue;
            }
            if (i.path("kind").asText().equals("summary")) {
                summaries++;
            } else {
                groups++;
                if (i.path("convergence").asText().equals("collected")) {
                    collected++;
                }
            }
            if (i.path("convergedInto").isNull() || i.path("convergedInto").isMissingNode()) {
                topLevel++;
            }
        }
        return new Storm(groups, summaries, collected, topLevel);
    }

    private record Storm(int groups, int summaries, int collected, int topLevel) {}
}
