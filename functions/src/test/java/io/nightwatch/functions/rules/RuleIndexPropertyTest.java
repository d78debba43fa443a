package io.nightwatch.functions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.Comparison;
import io.nightwatch.schemas.ConditionKind;
import io.nightwatch.schemas.FilterOp;
import io.nightwatch.schemas.LabelFilter;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.RuleCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The index finds exactly the rules a brute-force evaluation of every rule finds, on random rules and series. */
class RuleIndexPropertyTest {

    private static final String[] METRICS = {"latency_ms", "cpu", "error_rate"};
    private static final String[] LABELS = {"service", "instance", "zone", "region", "endpoint"};
    private static final String[] VALUES = {"a", "b", "c", "checkout", "checkout-1", "eu", ""};

    @Test
    void indexMatchesBruteForceOnThousandsOfRandomCases() throws InvalidRuleException {
        Random random = new Random(7);
        int compared = 0;
        int nonEmpty = 0;
        for (int round = 0; round < 40; round++) {
            List<CompiledRule> rules = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(300); i++) {
                rules.add(CompiledRule.compile(randomRule(random, "r" + i)));
            }
            RuleIndex index = RuleIndex.of(rules);
            for (int s = 0; s < 200; s++) {
                String metric = METRICS[random.nextInt(METRICS.length)];
                Map<String, String> labels = new HashMap<>();
                for (String l : LABELS) {
                    if (random.nextInt(4) > 0) {
                        labels.put(l, VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                Set<String> expected = new TreeSet<>();
                for (CompiledRule r : rules) {
                    if (r.rule().metric().equals(metric) && r.matches(labels)) {
                        expected.add(r.id());
                    }
                }
                Set<String> actual = new TreeSet<>();
                for (CompiledRule r : index.matching(metric, labels)) {
                    assertThat(actual.add(r.id())).as("rule returned twice").isTrue();
                }
                assertThat(actual).isEqualTo(expected);
                compared++;
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).isEqualTo(8000);
        assertThat(nonEmpty).as("the cases exercise matches, not only misses").isGreaterThan(1000);
    }

    private static AlertRule randomRule(Random random, String id) {
        List<LabelFilter> filters = new ArrayList<>();
        for (int f = 0; f < random.nextInt(4); f++) {
            FilterOp op = FilterOp.values()[random.nextInt(FilterOp.values().length)];
            String label = LABELS[random.nextInt(LABELS.length)];
            List<String> values = switch (op) {
                case IN, NOT_IN -> List.of(VALUES[random.nextInt(VALUES.length)], VALUES[random.nextInt(VALUES.length)]);
                case REGEX, NOT_REGEX -> List.of(random.nextBoolean() ? "check.*" : "[ab]");
                default -> List.of(VALUES[random.nextInt(VALUES.length)]);
            };
            filters.add(new LabelFilter(label, op, values.stream().distinct().toList()));
        }
        return new AlertRule(id, 1, id, METRICS[random.nextInt(METRICS.length)], Resolution.M1, filters,
                new RuleCondition(ConditionKind.THRESHOLD, "avg", Comparison.GT, 1, 0), 0, "warning", true, null, null, null);
    }
}
