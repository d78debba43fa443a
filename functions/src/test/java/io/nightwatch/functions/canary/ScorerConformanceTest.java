package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of Kayenta's ScorerSuite (scorer_cases.json) scores as Kayenta expects. */
class ScorerConformanceTest {

    static Stream<Arguments> cases() {
        return KayentaCases.cases("scorer_cases.json").stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @Test
    void theFileHolds13Cases() {
        assertThat(KayentaCases.cases("scorer_cases.json")).hasSize(13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoresAsKayenta(String name, JsonNode c) {
        Map<String, Double> weights = new LinkedHashMap<>();
        c.get("groupWeights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        List<ScoredMetric> metrics = new ArrayList<>();
        for (JsonNode m : c.get("metric_results")) {
            List<String> groups = new ArrayList<>();
            m.get("groups").forEach(g -> groups.add(g.asText()));
            metrics.add(new ScoredMetric(m.get("name").asText(),
                    Classification.fromLabel(m.get("classification").asText()), null, groups,
                    m.get("critical").asBoolean(), m.get("muted").asBoolean()));
        }
        ScoreResult score = new CanaryScorer(weights).score(metrics);
        JsonNode expected = c.get("expected");
        assertThat(score.summaryScore()).as("summary score")
                .isCloseTo(expected.get("summaryScore").asDouble(), within(1e-9));
        if (expected.has("nodata_group_score")) {
            GroupScore nodata = score.groupScores().stream().filter(GroupScore::noData).findFirst().orElseThrow();
            assertThat(nodata.score()).isEqualTo(expected.get("nodata_group_score").asDouble());
        }
        if (expected.has("groupScores_sorted")) {
            List<Double> sorted = score.groupScores().stream().map(GroupScore::score).sorted().toList();
            List<Double> want = new ArrayList<>();
            expected.get("groupScores_sorted").forEach(v -> want.add(v.asDouble()));
            assertThat(sorted).isEqualTo(want);
        }
    }
}
