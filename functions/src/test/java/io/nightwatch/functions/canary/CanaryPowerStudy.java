package io.nightwatch.functions.canary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Power and false-positive study: every {@link CanaryScenario} drawn {@code trials} times from fixed seeds, each
 * draw judged on the same samples by the KAYENTA judge, the ENHANCED judge, and the ENHANCED judge with a plain
 * (margin 1.0) spread test. Metric direction: increase. For count scenarios the KAYENTA judge sees what a Kayenta
 * query returns, the per-interval error rate (errors / requests). Run {@code main [trials]} to print the table.
 */
final class CanaryPowerStudy {

    static final long SEED = 20240611L;
    static final int DEFAULT_TRIALS = 500;

    /** The judges compared, in table order. */
    static final List<CanaryJudge> JUDGES = List.of(CanaryJudge.kayenta(), CanaryJudge.enhanced(),
            new CanaryJudge(JudgeSettings.enhanced().withSpread(1.0, JudgeSettings.DEFAULT_MIN_SPREAD_RATIO)));

    /** Counts of classifications of one judge on one scenario. */
    record Tally(int trials, Map<Classification, Integer> counts) {

        double share(Classification c) {
            return counts.getOrDefault(c, 0) / (double) trials;
        }

        /** Share of failure verdicts (High or Low). */
        double failed() {
            return share(Classification.HIGH) + share(Classification.LOW);
        }
    }

    /** One scenario's row: a tally per judge of {@link #JUDGES}. */
    record Row(CanaryScenario scenario, List<Tally> tallies) {

        Tally kayenta() {
            return tallies.get(0);
        }

        Tally enhanced() {
            return tallies.get(1);
        }

        Tally enhancedPlainSpread() {
            return tallies.get(2);
        }
    }

    static List<Row> run(int trials) {
        List<Row> rows = new ArrayList<>();
        List<CanaryScenario> scenarios = CanaryScenario.all();
        for (int s = 0; s < scenarios.size(); s++) {
            CanaryScenario scenario = scenarios.get(s);
            MetricConfig config = MetricConfig.of(scenario.name()).withDirection(Direction.INCREASE)
                    .withKind(scenario.kind());
            List<Map<Classification, Integer>> counts = new ArrayList<>();
            JUDGES.forEach(j -> counts.add(new EnumMap<>(Classification.class)));
            for (int t = 0; t < trials; t++) {
                MetricSamples samples = scenario.sample(new SplittableRandom(SEED + 1_000_003L * s + t));
                for (int j = 0; j < JUDGES.size(); j++) {
                    counts.get(j).merge(JUDGES.get(j).judgeMetric(config, samples).classification(), 1,
                            Integer::sum);
                }
            }
            rows.add(new Row(scenario, counts.stream().map(c -> new Tally(trials, c)).toList()));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("| scenario | kind | Kayenta-only: High | Enhanced: High | Enhanced: NotEnoughData"
                + " | Enhanced, spread margin 1.0: High |\n");
        s.append("|---|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s%s | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                    r.scenario().name(), r.scenario().healthy() ? " — FP" : "",
                    r.scenario().kind().name().toLowerCase(Locale.ROOT), 100 * r.kayenta().failed(),
                    100 * r.enhanced().failed(), 100 * r.enhanced().share(Classification.NOT_ENOUGH_DATA),
                    100 * r.enhancedPlainSpread().failed()));
        }
        return s.toString();
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_TRIALS;
        long start = System.nanoTime();
        List<Row> rows = run(trials);
        System.out.print(table(rows));
        System.out.printf(Locale.ROOT, "%d trials per scenario, seed %d, %d intervals per side, %.1f s%n", trials,
                SEED, CanaryScenario.INTERVALS, (System.nanoTime() - start) / 1e9);
    }
}
