package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The power / false-positive study (500 seeded draws per scenario, 30 intervals a side): the enhanced judge finds
 * sparse-error and variance-only regressions Kayenta's judge misses, without more than 5% false positives on
 * healthy releases, and is never less sensitive to plain shifts. Figures of the last run: README-canary.md.
 */
class CanaryPowerStudyTest {

    private static List<CanaryPowerStudy.Row> rows;

    @BeforeAll
    static void runStudy() {
        rows = CanaryPowerStudy.run(CanaryPowerStudy.DEFAULT_TRIALS);
        System.out.print(CanaryPowerStudy.table(rows));
    }

    private static CanaryPowerStudy.Row row(String name) {
        return rows.stream().filter(r -> r.scenario().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void enhancedJudgeFailsAtMostFivePercentOfHealthyReleases() {
        for (CanaryPowerStudy.Row r : rows) {
            if (r.scenario().healthy()) {
                assertThat(r.enhanced().failed()).as(r.scenario().name()).isLessThanOrEqualTo(0.05);
            }
        }
    }

    @Test
    void enhancedJudgeDetectsSparseErrorsKayentaMisses() {
        for (String name : List.of("sparse errors 0.05% → 0.25%", "sparse errors 0.01% → 0.2%",
                "sparse errors 0% → 0.1%")) {
            CanaryPowerStudy.Row r = row(name);
            assertThat(r.enhanced().failed()).as(name).isGreaterThanOrEqualTo(r.kayenta().failed() + 0.25);
        }
        CanaryPowerStudy.Row tenfold = row("sparse errors 0.01% → 0.2%");
        assertThat(tenfold.enhanced().failed()).isGreaterThanOrEqualTo(0.70);
        assertThat(tenfold.kayenta().failed()).isLessThanOrEqualTo(0.20);
    }

    @Test
    void enhancedJudgeDetectsVarianceOnlyRegressionsKayentaMisses() {
        CanaryPowerStudy.Row triple = row("variance only ×3.0 spread");
        CanaryPowerStudy.Row twice = row("variance only ×2.0 spread");

        assertThat(triple.kayenta().failed()).isLessThanOrEqualTo(0.02);
        assertThat(triple.enhanced().failed()).isGreaterThanOrEqualTo(0.90);
        assertThat(twice.kayenta().failed()).isLessThanOrEqualTo(0.02);
        assertThat(twice.enhanced().failed()).isGreaterThanOrEqualTo(twice.kayenta().failed() + 0.30);
    }

    @Test
    void enhancedJudgeIsNeverLessSensitiveToFaultsWhenItHasEnoughSamples() {
        for (CanaryPowerStudy.Row r : rows) {
            if (!r.scenario().healthy() && r.enhanced().share(Classification.NOT_ENOUGH_DATA) == 0.0) {
                assertThat(r.enhanced().failed()).as(r.scenario().name())
                        .isGreaterThanOrEqualTo(r.kayenta().failed());
            }
        }
    }

    @Test
    void enhancedJudgeFindsSlowLeaksMoreOftenThanKayenta() {
        CanaryPowerStudy.Row ten = row("slow leak 0 → +10% over the window");
        CanaryPowerStudy.Row twenty = row("slow leak 0 → +20% over the window");
        assertThat(ten.enhanced().failed()).isGreaterThanOrEqualTo(ten.kayenta().failed() + 0.05);
        assertThat(twenty.enhanced().failed()).isGreaterThanOrEqualTo(twenty.kayenta().failed() + 0.10);
    }

    @Test
    void enhancedJudgeRefusesToGuessOnFiveSamples() {
        assertThat(row("latency +20%, 5 samples/side").enhanced().share(Classification.NOT_ENOUGH_DATA))
                .isEqualTo(1.0);
        assertThat(row("healthy gauge, 5 samples/side").enhanced().share(Classification.NOT_ENOUGH_DATA))
                .isEqualTo(1.0);
    }
}
