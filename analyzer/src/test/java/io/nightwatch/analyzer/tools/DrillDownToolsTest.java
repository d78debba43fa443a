package io.nightwatch.analyzer.tools;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five drill-down tools over real PostgreSQL data: exact outputs, defaults from the incident, refused arguments. */
class DrillDownToolsTest {

    private static final AnalysisRequest CANARY = canaryIncident();
    private static TestPostgres db;
    private static Toolbox tools;

    @BeforeAll
    static void seed() throws Exception {
        db = TestPostgres.create("analyzer_tools");
        FleetHistory.seed(db.dataSource());
        tools = Toolbox.standard(db.dataSource(), IncidentEmbeddings.allMiniLm(), 500, 4000);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void metricRollupsCompareEachSeriesBeforeAndDuringTheIncidentMostChangedFirst() {
        ToolCall call = run("metric_rollups", "{}");

        assertThat(call.ok()).isTrue();
        assertThat(call.resultForModel()).isEqualTo("""
                metric_rollups service=checkout resolution=1m from=2026-11-22T04:40:00Z to=2026-11-22T05:44:00Z split=2026-11-22T05:40:00Z: 5 series
                checkout-1/latency_ms: before avg 120.00 max 150.00 (40 windows) | during avg 430.00 max 520.00 p99 610.00 (3 windows) | latest 430.00 | change x3.58
                checkout-1/cpu: before avg 40.00 max 40.00 (40 windows) | during avg 44.00 max 44.00 (3 windows) | latest 44.00 | change x1.10
                checkout-2/latency_ms: before avg 118.00 max 140.00 (40 windows) | during avg 118.00 max 140.00 p99 135.00 (3 windows) | latest 118.00 | change x1.00
                checkout-3/latency_ms: before avg 118.00 max 140.00 (40 windows) | during avg 118.00 max 140.00 p99 135.00 (3 windows) | latest 118.00 | change x1.00
                checkout-4/latency_ms: before avg 118.00 max 140.00 (40 windows) | during avg 118.00 max 140.00 p99 135.00 (3 windows) | latest 118.00 | change x1.00
                """);
        assertThat(call.summary()).isEqualTo("5 series of checkout; most changed: checkout-1/latency_ms: before avg 120.00"
                + " max 150.00 (40 windows) | during avg 430.00 max 520.00 p99 610.00 (3 windows) | latest 430.00 | change x3.58");
        assertThat(call.arguments()).isEqualTo(Map.of("service", "checkout", "to", "2026-11-22T05:44:00Z",
                "from", "2026-11-22T04:40:00Z", "resolution", "1m"));
    }

    @Test
    void metricRollupsDrillIntoOneInstanceAndMetricOrADependency() {
        assertThat(run("metric_rollups", "{\"instance\":\"checkout-2\",\"metric\":\"latency_ms\"}").resultForModel())
                .endsWith(": 1 series\ncheckout-2/latency_ms: before avg 118.00 max 140.00 (40 windows) | during avg 118.00"
                        + " max 140.00 p99 135.00 (3 windows) | latest 118.00 | change x1.00\n");
        assertThat(run("metric_rollups", "{\"service\":\"payments\"}").summary())
                .startsWith("1 series of payments; most changed: payments-1/latency_ms: before avg 80.00");
    }

    @Test
    void metricRollupsRefuseBadArgumentsWithAMessageForTheModel() {
        assertThat(run("metric_rollups", "{\"from\":\"yesterday\"}").resultForModel())
                .isEqualTo("error: from 'yesterday' is not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z)");
        assertThat(run("metric_rollups", "{\"service\":\"checkout'; DROP TABLE incidents; --\"}").resultForModel())
                .isEqualTo("error: service 'checkout'; DROP TABLE incidents; --' is not a valid name");
        assertThat(run("metric_rollups", "{\"query\":\"x\"}").resultForModel())
                .isEqualTo("error: unknown argument 'query' (known: from, instance, metric, resolution, service, to)");
        assertThat(run("metric_rollups", "{\"resolution\":\"2m\"}").resultForModel())
                .isEqualTo("error: resolution must be one of [15m, 1d, 1h, 1m, 5m]");
        assertThat(run("metric_rollups", "not json").resultForModel()).isEqualTo("error: arguments are not a JSON object: not json");
        assertThat(run("metric_rollups", "{\"from\":\"yesterday\"}").ok()).isFalse();
    }

    @Test
    void releasesListTheServicesRecentReleasesWithTheirStages() {
        ToolCall call = run("releases", "{}");

        assertThat(call.resultForModel()).isEqualTo("""
                releases service=checkout since=2026-11-21T05:40:00Z: 2 release(s)
                release rel-42: 1.4.2 -> 1.5.0, status STAGE_STARTED, stage 1/4, suspect false, updated 2026-11-22T05:35:00Z
                  stage 1: canary [checkout-1] baseline [checkout-2, checkout-3, checkout-4], status RUNNING, verdict -, started 2026-11-22T05:35:00Z, ended -
                release rel-41: 1.4.1 -> 1.4.2, status COMPLETED, stage 4/4, suspect false, updated 2026-11-21T10:00:00Z
                  stage 1: canary [checkout-4] baseline [checkout-1, checkout-2, checkout-3], status PASSED, verdict PASS score 100.0, started 2026-11-21T09:00:00Z, ended 2026-11-21T09:05:00Z
                """);
        assertThat(call.summary()).isEqualTo("2 release(s): rel-42 STAGE_STARTED (1.5.0), rel-41 COMPLETED (1.4.2)");
    }

    @Test
    void instanceVersionsSayWhichInstanceRunsWhat() {
        ToolCall call = run("instance_versions", "{}");

        assertThat(call.resultForModel()).isEqualTo("""
                instance_versions service=checkout: 4 instance(s)
                checkout-1 1.5.0 since 2026-11-22T05:35:00Z
                checkout-2 1.4.2 since 2026-11-21T10:00:00Z
                checkout-3 1.4.2 since 2026-11-21T10:00:00Z
                checkout-4 1.4.2 since 2026-11-21T10:00:00Z
                """);
        assertThat(call.summary()).isEqualTo("4 instance(s): 1.4.2 on checkout-2, checkout-3, checkout-4; 1.5.0 on checkout-1");
    }

    @Test
    void recentIncidentsShowWhatWasConcludedAndDoneBefore() {
        ToolCall call = run("recent_incidents", "{}");

        assertThat(call.resultForModel()).isEqualTo("""
                recent_incidents service=checkout days=7: 1 incident(s)
                incident inc-0: title "HighLatency on checkout-2 after release rel-39", severity critical, status resolved, \
                opened 2026-11-20T12:00:00Z, resolved 2026-11-20T12:30:00Z, release rel-39, summary "p99 latency tripled on \
                the canary", root cause "release rel-39 regressed latency on its canary checkout-2", commands \
                "ROLLBACK_RELEASE rel-39: executed"
                """);
        assertThat(call.summary()).isEqualTo("1 incident(s) of checkout in 7 days: inc-0 (resolved)");
        assertThat(run("recent_incidents", "{\"days\":1}").summary()).isEqualTo("no other incident of checkout in 1 days");
    }

    @Test
    void similarIncidentsFindPastIncidentsByMeaningAcrossServices() {
        ToolCall latency = run("similar_incidents", "{}");
        ToolCall cards = run("similar_incidents", "{\"query\":\"payment card provider errors and timeouts\"}");

        assertThat(latency.ok()).isTrue();
        assertThat(latency.resultForModel().lines().skip(1).findFirst().orElseThrow())
                .matches("similarity 0\\.\\d\\d service checkout, incident inc-0: .*");
        assertThat(latency.summary()).matches("\\d similar of 2: inc-0 \\(0\\.\\d\\d\\).*");
        assertThat(cards.resultForModel().lines().skip(1).findFirst().orElseThrow())
                .matches("similarity 0\\.\\d\\d service payments, incident inc-p: .*");
        assertThat(cards.arguments()).containsEntry("query", "payment card provider errors and timeouts");
    }

    @Test
    void anUnknownToolIsAnErrorForTheModelNotAFailure() {
        ToolCall call = run("drop_database", "{}");

        assertThat(call.ok()).isFalse();
        assertThat(call.resultForModel()).isEqualTo("error: unknown tool 'drop_database' (available: metric_rollups,"
                + " releases, instance_versions, recent_incidents, similar_incidents)");
    }

    @Test
    void outputBeyondTheBudgetIsCutWithAMarker() {
        Toolbox small = Toolbox.standard(db.dataSource(), IncidentEmbeddings.allMiniLm(), 500, 300);

        ToolCall call = small.execute(request("metric_rollups", "{}"), CANARY);

        int full = run("metric_rollups", "{}").resultForModel().length();
        String marker = "…[truncated " + (full - 300) + " chars]";
        assertThat(full).isEqualTo(860);
        assertThat(call.resultForModel()).hasSize(300 + marker.length()).endsWith("b" + marker);
        assertThat(call.summary()).endsWith("(output cut to 300 chars)");
    }

    private static ToolCall run(String tool, String arguments) {
        return tools.execute(request(tool, arguments), CANARY);
    }

    private static ToolExecutionRequest request(String tool, String arguments) {
        return ToolExecutionRequest.builder().id("call_1").name(tool).arguments(arguments).build();
    }
}
