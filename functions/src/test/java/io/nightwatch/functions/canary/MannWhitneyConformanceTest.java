package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of Kayenta's MannWhitneySuite (mannwhitney_cases.json): interval ends, Hodges-Lehmann estimate,
 * wilcoxonDiff values and the intermediate values of the R tie-out, each within the tolerance the file gives.
 */
class MannWhitneyConformanceTest {

    private static final Pattern WILCOXON_DIFF =
            Pattern.compile("wilcoxonDiff\\(\\s*([-0-9.eE]+)\\s*,\\s*([-0-9.eE]+)\\s*,\\s*x\\s*,\\s*y\\s*\\)");

    static Stream<Arguments> cases() {
        return KayentaCases.cases("mannwhitney_cases.json").stream()
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @Test
    void theFileHolds7Cases() {
        assertThat(KayentaCases.cases("mannwhitney_cases.json")).hasSize(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyQuantityAgreesWithinItsTolerance(String name, JsonNode c) {
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode e : c.get("expected")) {
            String quantity = e.get("quantity").asText();
            double expected = e.get("expected").asDouble();
            double tolerance = e.get("tolerance").asDouble();
            soft.assertThat(value(c, quantity)).as(quantity).isCloseTo(expected, within(tolerance));
        }
        soft.assertAll();
    }

    /** Where the file carries R's own numbers, R's estimate (no continuity correction) matches them to 1e-9. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withoutContinuityCorrectionTheEstimateIsRsOwn(String name, JsonNode c) {
        JsonNode r = c.get("r_reference_values");
        if (r == null || !r.has("rCiLow")) {
            return;
        }
        double[] x = sample(c, "first_arg(x)");
        double[] y = sample(c, "second_arg(y)");
        HodgesLehmannInterval hl = HodgesLehmannInterval.of(x, y, c.get("confidenceLevel").asDouble(), false);
        assertThat(hl.lower()).isCloseTo(r.get("rCiLow").asDouble(), within(1e-9));
        assertThat(hl.upper()).isCloseTo(r.get("rCiHigh").asDouble(), within(1e-9));
        assertThat(hl.estimate()).isCloseTo(r.get("rEst").asDouble(), within(1e-9));
    }

    static double value(JsonNode c, String quantity) {
        double confidence = c.has("confidenceLevel") ? c.get("confidenceLevel").asDouble() : 0.98;
        Matcher m = WILCOXON_DIFF.matcher(quantity);
        if (m.find()) {
            return MannWhitney.wilcoxonDiff(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    sample(c, "x"), sample(c, "y"));
        }
        if (quantity.equals("zQuant")) {
            // Kayenta's test: the quantile of (1 - 0.98) / 2, the judge's confidence level.
            return HodgesLehmannInterval.zQuantile((1 - confidence) / 2);
        }
        double[] x = sample(c, c.has("first_arg(x)") ? "first_arg(x)" : "x");
        double[] y = sample(c, c.has("second_arg(y)") ? "second_arg(y)" : "y");
        double muMin = HodgesLehmannInterval.min(x) - HodgesLehmannInterval.max(y);
        double muMax = HodgesLehmannInterval.max(x) - HodgesLehmannInterval.min(y);
        double zqLower = -HodgesLehmannInterval.zQuantile((1 - confidence) / 2);
        double zqUpper = HodgesLehmannInterval.zQuantile((1 - confidence) / 2);
        HodgesLehmannInterval hl = HodgesLehmannInterval.of(x, y, confidence);
        return switch (quantity) {
            case "result.confidenceInterval.head", "ciLower" -> hl.lower();
            case "result.confidenceInterval.last", "ciUpper" -> hl.upper();
            case "result.estimate", "estimate" -> hl.estimate();
            case "muMin" -> muMin;
            case "muMax" -> muMax;
            case "zqLower" -> zqLower;
            case "zqUpper" -> zqUpper;
            case "fLower1" -> MannWhitney.wilcoxonDiff(muMin, zqLower, x, y);
            case "fUpper1" -> MannWhitney.wilcoxonDiff(muMax, zqLower, x, y);
            case "fLower2" -> MannWhitney.wilcoxonDiff(muMin, zqUpper, x, y);
            case "fUpper2" -> MannWhitney.wilcoxonDiff(muMax, zqUpper, x, y);
            default -> throw new IllegalArgumentException("unknown quantity " + quantity);
        };
    }

    /** The array a case names ("first_arg(x)": "experiment" means arrays.experiment). */
    private static double[] sample(JsonNode c, String key) {
        String name = c.has(key) ? c.get(key).asText() : key;
        return KayentaCases.doubles(c.get("arrays").get(name));
    }
}
