package io.nightwatch.functions.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.Comparison;
import io.nightwatch.schemas.ConditionKind;
import io.nightwatch.schemas.LabelFilter;
import io.nightwatch.schemas.FilterOp;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import io.nightwatch.schemas.RuleCondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Instant BEGINNING = Instant.parse("2026-11-22T05:00:00Z");

    static AlertRule thresholdRule(double threshold, long forSeconds) {
        return new AlertRule("lat", 1, "HighLatency", "latency_ms", Resolution.M1, List.of(),
                new RuleCondition(ConditionKind.THRESHOLD, "avg", Comparison.GT, threshold, 0), forSeconds, "critical",
                true, Map.of(), Map.of(), null);
    }

    static Rollup window(int minute, double avg) {
        return new Rollup("s/i/latency_ms", "s", "i", "latency_ms", Map.of(), Resolution.M1,
                BEGINNING.plusSeconds(60L * minute), 1, avg, avg, avg, avg, avg, avg, avg);
    }

    @Test
    void firesOnlyAfterTheConditionHeldForTheForDurationAndResolvesOnTheFirstGoodWindow() {
        AlertRule rule = thresholdRule(100, 180);
        RuleTracker t = new RuleTracker();
        assertThat(RuleEvaluator.evaluate(rule, window(0, 150), t)).isEqualTo(Transition.NONE);
        assertThat(RuleEvaluator.evaluate(rule, window(1, 150), t)).isEqualTo(Transition.NONE);
        assertThat(RuleEvaluator.evaluate(rule, window(2, 150), t)).isEqualTo(Transition.FIRING); // 3 min held
        assertThat(t.firingSince).isEqualTo(BEGINNING.toEpochMilli());
        assertThat(RuleEvaluator.evaluate(rule, window(3, 150), t)).isEqualTo(Transition.NONE);
        assertThat(RuleEvaluator.evaluate(rule, window(4, 50), t)).isEqualTo(Transition.RESOLVED);
        assertThat(RuleEvaluator.evaluate(rule, window(5, 50), t)).isEqualTo(Transition.NONE);
    }

    @Test
    void aMissingWindowRestartsTheForCount() {
        AlertRule rule = thresholdRule(100, 180);
        RuleTracker t = new RuleTracker();
        RuleEvaluator.evaluate(rule, window(0, 150), t);
        RuleEvaluator.evaluate(rule, window(1, 150), t);
        assertThat(RuleEvaluator.evaluate(rule, window(3, 150), t)).isEqualTo(Transition.NONE); // minute 2 missing
        assertThat(RuleEvaluator.evaluate(rule, window(4, 150), t)).isEqualTo(Transition.NONE);
        assertThat(RuleEvaluator.evaluate(rule, window(5, 150), t)).isEqualTo(Transition.FIRING);
    }

    @Test
    void ringRatioComparesWithTheSameWindowOnePeriodEarlier() {
        AlertRule rule = new AlertRule("qps-drop", 1, "TrafficDrop", "latency_ms", Resolution.M1, List.of(),
                new RuleCondition(ConditionKind.RING_RATIO, "avg", Comparison.LT, 0.5, 300), 0, "warning", true,
                Map.of(), Map.of(), null);
        RuleTracker t = new RuleTracker();
        for (int m = 0; m < 5; m++) {
            assertThat(RuleEvaluator.evaluate(rule, window(m, 100), t)).isEqualTo(Transition.NONE); // no history yet
        }
        assertThat(RuleEvaluator.evaluate(rule, window(5, 60), t)).isEqualTo(Transition.NONE); // 60/100
        assertThat(RuleEvaluator.evaluate(rule, window(6, 40), t)).isEqualTo(Transition.FIRING); // 40/100
        assertThat(t.lastValue).isEqualTo(0.4);
        assertThat(RuleEvaluator.evaluate(rule, window(7, 90), t)).isEqualTo(Transition.RESOLVED);
    }

    @Test
    void invalidRulesAreRefusedWithTheField() {
        assertThatThrownBy(() -> CompiledRule.compile(new AlertRule("x", 1, "x", "m", Resolution.M1,
                List.of(new LabelFilter("service", FilterOp.REGEX, List.of("(unclosed"))),
                new RuleCondition(ConditionKind.THRESHOLD, "avg", Comparison.GT, 1, 0), 0, "w", true, null, null, null)))
                .hasMessageContaining("rule 'x': filter on 'service': bad regex");
        assertThatThrownBy(() -> CompiledRule.compile(new AlertRule("y", 1, "y", "m", Resolution.M1, List.of(),
                new RuleCondition(ConditionKind.THRESHOLD, "median", Comparison.GT, 1, 0), 0, "w", true, null, null, null)))
                .hasMessageContaining("condition field 'median'");
        assertThatThrownBy(() -> CompiledRule.compile(new AlertRule("z", 1, "z", "m", Resolution.M1, List.of(),
                new RuleCondition(ConditionKind.RING_RATIO, "avg", Comparison.LT, 0.5, 7 * 86400), 0, "w", true, null, null, null)))
                .hasMessageContaining("at most 1440");
    }
}
