package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** The rank-sum test against R's formulas, and where commons-math3 alone does not reproduce R. */
class MannWhitneyTest {

    @Test
    void pValueIsRsNormalApproximationWithContinuityCorrection() {
        // wilcox.test(c(10,20,30,40), c(1,2,3,4), exact=FALSE, correct=TRUE): W = 16,
        // z = (16 - 8 - 0.5) / sqrt(4*4*9/12), p = 2 * pnorm(-z) = 0.030382...
        MannWhitney.Result r = MannWhitney.test(new double[] {10, 20, 30, 40}, new double[] {1, 2, 3, 4});

        assertThat(r.u()).isEqualTo(16.0);
        assertThat(r.z()).isCloseTo(7.5 / Math.sqrt(12), within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.0303824, within(1e-6));
    }

    @Test
    void commonsMathsMannWhitneyUTestLacksTheContinuityCorrection() {
        double commons = new MannWhitneyUTest().mannWhitneyUTest(new double[] {10, 20, 30, 40},
                new double[] {1, 2, 3, 4});

        assertThat(commons).isCloseTo(0.0209, within(1e-4));
        assertThat(MannWhitney.test(new double[] {10, 20, 30, 40}, new double[] {1, 2, 3, 4}).pValue())
                .isGreaterThan(commons + 0.009);
    }

    @Test
    void tiesShrinkTheVarianceAsInR() {
        // x = (0,0,0,1,1), y = (0,0,0,0,0): tie groups of 8 and 2; W = 17.5 - 15 = ... computed by hand:
        // ranks: zeros 1..8 -> 4.5, ones 9..10 -> 9.5; rank sum x = 3*4.5 + 2*9.5 = 32.5; W = 32.5 - 15 = 17.5
        // sigma^2 = 25/12 * (11 - (504 + 6) / 90) = 25/12 * 5.3333 = 11.1111; z = (5 - 0.5) / 3.3333 = 1.35
        MannWhitney.Result r = MannWhitney.test(new double[] {0, 0, 0, 1, 1}, new double[] {0, 0, 0, 0, 0});

        assertThat(r.u()).isEqualTo(17.5);
        assertThat(r.z()).isCloseTo(4.5 / Math.sqrt(25.0 / 12 * (11 - 510.0 / 90)), within(1e-12));
    }

    @Test
    void commonsMathsBrentSolverLandsElsewhereOnTheStepFunction() {
        // The "intermediate values" case of Kayenta's suite: R (and ZeroIn) put the lower end at 3.5218e-05.
        double[] x = KayentaCases.doubles(KayentaCases.cases("mannwhitney_cases.json").get(6).get("arrays").get("x"));
        double[] y = KayentaCases.doubles(KayentaCases.cases("mannwhitney_cases.json").get(6).get("arrays").get("y"));
        double muMin = HodgesLehmannInterval.min(x) - HodgesLehmannInterval.max(y);
        double muMax = HodgesLehmannInterval.max(x) - HodgesLehmannInterval.min(y);
        double zq = -HodgesLehmannInterval.zQuantile(0.025);

        double commons = new BrentSolver(1e-4).solve(1000, mu -> MannWhitney.wilcoxonDiff(mu, zq, x, y), muMin,
                muMax);
        double zeroIn = HodgesLehmannInterval.of(x, y, 0.95).lower();

        assertThat(zeroIn).isCloseTo(3.521755377702165e-05, within(1e-12));
        assertThat(Math.abs(commons - zeroIn)).isGreaterThan(1e-6);
    }

    @Test
    void clesIsTheShareOfPairsWhereTheCanaryIsLarger() {
        assertThat(EffectSizes.cles(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(EffectSizes.cles(new double[] {1, 2}, new double[] {1, 2})).isEqualTo(0.5);
        assertThat(EffectSizes.cles(new double[] {2}, new double[] {1, 3})).isEqualTo(0.5);
    }

    @Test
    void meanRatioIsNanWhenAMeanIsZero() {
        assertThat(EffectSizes.meanRatio(new double[] {1, 3}, new double[] {1, 1})).isEqualTo(2.0);
        assertThat(EffectSizes.meanRatio(new double[] {1, 3}, new double[] {0, 0})).isNaN();
        assertThat(EffectSizes.meanRatio(new double[] {0, 0}, new double[] {1, 1})).isNaN();
    }
}
