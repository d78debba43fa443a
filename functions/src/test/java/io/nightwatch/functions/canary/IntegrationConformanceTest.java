package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kayenta's end-to-end cases (integration_cases.json) through the KAYENTA-mode judge. Kayenta's suite draws each
 * gauge sample uniformly in [lower, upper] from a live app; here the samples are drawn the same way from fixed
 * seeds, {@link #SAMPLES} per side, for several seeds.
 */
class IntegrationConformanceTest {

    /** Samples per side (the live suite's count depends on Prometheus' step; 60 = one a second for a minute). */
    static final int SAMPLES = 60;
    static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    static Stream<Arguments> cases() {
        return KayentaCases.cases("integration_cases.json").stream()
                .map(c -> Arguments.of(c.get("case").asText(), c));
    }

    @Test
    void theFileHolds3Cases() {
        assertThat(KayentaCases.cases("integration_cases.json")).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictAsKayentaForEverySeed(String name, JsonNode c) {
        for (long seed : SEEDS) {
            StageVerdict v = run(c, CanaryJudge.kayenta(), seed, SAMPLES);
            JsonNode expected = c.get("expected");
            boolean passed = expected.get("didPassThresholds").asBoolean();
            assertThat(v.verdict()).as("seed %d verdict", seed).isEqualTo(passed ? Verdict.PASS : Verdict.FAIL);
            if (expected.has("final_score")) {
                assertThat(v.summaryScore()).as("seed %d score", seed)
                        .isEqualTo(expected.get("final_score").asDouble());
            }
            if (expected.has("metric_classification")) {
                assertThat(v.metrics().get(0).classification().label()).as("seed %d metric", seed)
                        .isEqualTo(expected.get("metric_classification").asText());
            }
            for (String metric : List.of("Failing metric", "Successful metric")) {
                if (expected.has(metric)) {
                    assertThat(v.metric(metric).classification().label()).as("seed %d %s", seed, metric)
                            .isEqualTo(expected.get(metric).asText());
                }
            }
        }
    }

    /** Builds the case's canary config and samples and judges them. */
    static StageVerdict run(JsonNode c, CanaryJudge judge, long seed, int samples) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MetricConfig> configs = new ArrayList<>();
        List<MetricSamples> data = new ArrayList<>();
        if (c.has("metrics")) {
            // muted-metric.json: "Failing metric" critical and muted, "Successful metric" critical; both increase.
            c.get("metrics").fields().forEachRemaining(e -> {
                String metric = e.getKey();
                boolean muted = metric.equals("Failing metric");
                configs.add(MetricConfig.of(metric).withGroups(List.of("pod-group")).withDirection(Direction.INCREASE)
                        .withCritical(true).withMuted(muted));
                data.add(MetricSamples.of(metric, uniform(random, e.getValue().get("experiment_uniform"), samples),
                        uniform(random, e.getValue().get("control_uniform"), samples)));
            });
        } else {
            // integration-test-cpu.json: critical, increase, group pod-group weight 100.
            configs.add(MetricConfig.of("cpu").withGroups(List.of("pod-group")).withDirection(Direction.INCREASE)
                    .withCritical(true));
            data.add(MetricSamples.of("cpu", uniform(random, c.get("experiment_uniform"), samples),
                    uniform(random, c.get("control_uniform"), samples)));
        }
        return judge.judge(configs, data, Map.of("pod-group", 100.0), new ScoreThresholds(75, 50));
    }

    private static double[] uniform(SplittableRandom random, JsonNode bounds, int n) {
        double lo = bounds.get(0).asDouble();
        double hi = bounds.get(1).asDouble();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo == hi ? lo : lo + (hi - lo) * random.nextDouble();
        }
        return v;
    }
}
