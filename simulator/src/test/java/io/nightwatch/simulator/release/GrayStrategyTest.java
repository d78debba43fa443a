package io.nightwatch.simulator.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrayStrategyTest {

    private static final GrayStrategy.Defaults TEN_MINUTES = new GrayStrategy.Defaults(Duration.ofMinutes(10),
            Duration.ofMinutes(5), 75, 50);

    private static List<Integer> counts(List<StagePlan> plan) {
        return plan.stream().map(StagePlan::instances).toList();
    }

    @Test
    void mediumRiskGoesFromOneInstanceToTenToFiftyToEveryInstance() {
        List<StagePlan> plan = GrayStrategy.generate(40, Risk.MEDIUM, TEN_MINUTES);
        assertThat(plan).containsExactly(
                new StagePlan(1, 1, 3, 600, 75, 50, true),
                new StagePlan(2, 4, 10, 600, 75, 50, true),
                new StagePlan(3, 20, 50, 600, 75, 50, true),
                new StagePlan(4, 40, 100, 300, 75, 50, false));
    }

    @Test
    void stagesThatWouldReachTheSameCountAreMerged() {
        assertThat(counts(GrayStrategy.generate(4, Risk.MEDIUM, TEN_MINUTES))).containsExactly(1, 2, 4);
        assertThat(counts(GrayStrategy.generate(4, Risk.HIGH, TEN_MINUTES))).containsExactly(1, 2, 4);
        assertThat(counts(GrayStrategy.generate(2, Risk.LOW, TEN_MINUTES))).containsExactly(1, 2);
        assertThat(counts(GrayStrategy.generate(100, Risk.HIGH, TEN_MINUTES))).containsExactly(1, 5, 10, 25, 50, 100);
        assertThat(counts(GrayStrategy.generate(10, Risk.LOW, TEN_MINUTES))).containsExactly(1, 5, 10);
    }

    @Test
    void aSingleInstanceServiceOnlyBakesBecauseNoBaselineIsLeft() {
        assertThat(GrayStrategy.generate(1, Risk.MEDIUM, TEN_MINUTES))
                .containsExactly(new StagePlan(1, 1, 100, 300, 75, 50, false));
    }

    @Test
    void explicitStagesTakeCountsOrPercentsAndGetAFinalStageWhenShortOfEveryInstance() {
        List<StagePlan> plan = GrayStrategy.explicit(10, List.of(
                new StageSpec(2, null, 60L, 90.0, 70.0),
                new StageSpec(null, 50, null, null, null)), TEN_MINUTES);
        assertThat(plan).containsExactly(
                new StagePlan(1, 2, 20, 60, 90, 70, true),
                new StagePlan(2, 5, 50, 600, 75, 50, true),
                new StagePlan(3, 10, 100, 300, 75, 50, false));
    }

    @Test
    void explicitStagesThatDoNotGrowOrDoNotFitAreRefusedWithTheStageNamed() {
        assertThatThrownBy(() -> GrayStrategy.explicit(4, List.of(new StageSpec(2, null, null, null, null),
                new StageSpec(null, 25, null, null, null)), TEN_MINUTES))
                .isInstanceOf(ReleaseRejected.class)
                .hasMessage("stages[1]: reaches 1 instance(s), not more than the stage before (2)");
        assertThatThrownBy(() -> GrayStrategy.explicit(4, List.of(new StageSpec(5, null, null, null, null)), TEN_MINUTES))
                .hasMessage("stages[0].instances: 5 is outside [1, 4]");
        assertThatThrownBy(() -> GrayStrategy.explicit(4, List.of(new StageSpec(1, 10, null, null, null)), TEN_MINUTES))
                .hasMessage("stages[0]: give exactly one of 'instances' or 'percent'");
        assertThatThrownBy(() -> GrayStrategy.explicit(4, List.of(new StageSpec(1, null, 0L, null, null)), TEN_MINUTES))
                .hasMessage("stages[0].analysisWindowSeconds: 0 s is outside [1, 86400]");
        assertThatThrownBy(() -> GrayStrategy.explicit(4, List.of(new StageSpec(1, null, null, 60.0, 80.0)), TEN_MINUTES))
                .hasMessage("stages[0].marginalThreshold 80.0 is above passThreshold 60.0");
        assertThatThrownBy(() -> GrayStrategy.explicit(4, List.of(), TEN_MINUTES))
                .hasMessage("stages: give at least one stage, or leave it out for a generated strategy");
    }

    @Test
    void riskSetsWindowsAndThresholds() {
        assertThat(Risk.HIGH.defaultWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(Risk.HIGH.passThreshold()).isEqualTo(90);
        assertThat(Risk.LOW.marginalThreshold()).isEqualTo(50);
        assertThatThrownBy(() -> Risk.parse("extreme")).hasMessage("risk must be low, medium or high, got 'extreme'");
    }
}
