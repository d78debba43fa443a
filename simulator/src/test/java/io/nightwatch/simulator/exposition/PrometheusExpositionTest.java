package io.nightwatch.simulator.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.simulator.fleet.Behaviour;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.MetricModel;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {

    private static final long NOW = 1_795_000_000_000L;

    @Test
    void rendersOneGaugePerMetricWithTheInstancesLabelsAndModelValues() {
        Fleet fleet = Fleet.demo();
        SimulatedInstance c1 = fleet.instances().get(0);
        String text = ExpositionFormat.render(List.of(c1), NOW);
        assertThat(text).contains("# TYPE nightwatch_sim_latency_ms gauge\n");
        assertThat(text).contains("nightwatch_sim_up{service=\"checkout\",instance=\"checkout-1\",zone=\"a\",version=\""
                + c1.version() + "\"} 1\n");
        assertThat(text).contains("nightwatch_sim_cpu{service=\"checkout\",instance=\"checkout-1\",zone=\"a\",version=\""
                + c1.version() + "\"} " + ExpositionFormat.format(MetricModel.value(c1, "cpu", NOW)) + "\n");
        assertThat(text.lines().filter(l -> !l.startsWith("#"))).hasSize(1 + Fleet.METRICS.size());
        assertThat(ExpositionFormat.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
        assertThat(ExpositionFormat.format(0.004)).isEqualTo("0.00400000".replaceFirst("0+$", ""));
        assertThat(ExpositionFormat.format(118.25)).isEqualTo("118.250".replaceFirst("0+$", ""));
    }

    @Test
    void servesTheWholeFleetAndEachInstanceAndShowsAFaultAtTheNextScrape() throws Exception {
        Fleet fleet = Fleet.demo();
        try (PrometheusExposition exposition = PrometheusExposition.start(fleet, "127.0.0.1", 0, () -> NOW)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + exposition.port();
            HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.headers().firstValue("Content-Type")).hasValue(PrometheusExposition.CONTENT_TYPE);
            assertThat(all.body().lines().filter(l -> l.startsWith("nightwatch_sim_up{"))).hasSize(fleet.instances().size());

            SimulatedInstance c2 = fleet.instances().get(1);
            fleet.update(c2.withVersion("9.9.9", new Behaviour(1, 0.5, 1, 0), NOW));
            HttpResponse<String> one = http.send(HttpRequest.newBuilder(URI.create(base + "/instances/" + c2.name() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(one.body()).contains("version=\"9.9.9\"");
            double errorRate = Double.parseDouble(one.body().lines().filter(l -> l.startsWith("nightwatch_sim_error_rate{"))
                    .findFirst().orElseThrow().replaceFirst(".* ", ""));
            assertThat(errorRate).isGreaterThan(0.3);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/instances/nope/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }
}
