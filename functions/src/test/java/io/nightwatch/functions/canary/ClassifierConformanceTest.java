package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of Kayenta's ClassifierSuite (classifier_cases.json) classifies as Kayenta expects. */
class ClassifierConformanceTest {

    static Stream<Arguments> cases() {
        return KayentaCases.cases("classifier_cases.json").stream()
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @Test
    void theFileHolds37Cases() {
        assertThat(KayentaCases.cases("classifier_cases.json")).hasSize(37);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesAsKayenta(String name, JsonNode c) {
        MetricClassification result = classify(c);
        JsonNode expected = c.get("expected");
        if (expected.has("classification")) {
            assertThat(result.classification().label()).as("classification").isEqualTo(
                    expected.get("classification").asText());
        }
        if (expected.has("critical")) {
            assertThat(result.critical()).as("critical").isEqualTo(expected.get("critical").asBoolean());
        }
        if (expected.has("reason_non_empty")) {
            assertThat(result.reason()).as("reason").isNotBlank();
        }
        if (expected.has("deviation_is_nan")) {
            assertThat(Double.isNaN(result.deviation())).as("deviation is NaN")
                    .isEqualTo(expected.get("deviation_is_nan").asBoolean());
        }
    }

    /** Runs the case's classifier with its constructor arguments over the class defaults. */
    static MetricClassification classify(JsonNode c) {
        double[] experiment = KayentaCases.doubles(c.get("experiment"));
        double[] control = KayentaCases.doubles(c.get("control"));
        Direction direction = Direction.parse(c.get("direction").asText());
        NanStrategy nan = NanStrategy.parse(c.get("nanStrategy").asText());
        boolean critical = c.get("isCriticalMetric").asBoolean();
        boolean dataRequired = c.get("isDataRequired").asBoolean();
        if (c.get("classifier").asText().equals("MeanInequalityClassifier")) {
            return new MeanInequalityClassifier().classify(control, experiment, direction, nan, critical,
                    dataRequired);
        }
        ClassifierConfig config = ClassifierConfig.classDefaults();
        JsonNode p = c.get("classifier_params");
        if (p.has("tolerance")) {
            config = config.withTolerance(p.get("tolerance").asDouble());
        }
        if (p.has("confLevel")) {
            config = config.withConfidenceLevel(p.get("confLevel").asDouble());
        }
        if (p.has("effectSizeThresholds")) {
            JsonNode t = p.get("effectSizeThresholds");
            config = config.withEffectSizeThresholds(t.get(0).asDouble(), t.get(1).asDouble());
        }
        if (p.has("criticalThresholds")) {
            JsonNode t = p.get("criticalThresholds");
            config = config.withCriticalThresholds(t.get(0).asDouble(), t.get(1).asDouble());
        }
        if (p.has("effectSizeMeasure")) {
            config = config.withEffectSizeMeasure(EffectSizeMeasure.parse(p.get("effectSizeMeasure").asText()));
        }
        return new MetricClassifier(config).classify(control, experiment, direction, nan, critical, dataRequired,
                "test-metric");
    }
}
