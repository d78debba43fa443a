package io.nightwatch.simulator.release;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a release's stages: generated from the instance count and the risk (one instance, the risk's shares of
 * the fleet, then every instance), or from stages given explicitly. Every stage but the last leaves baseline
 * instances on the old version and is judged over its analysis window; the last one (100%) only bakes.
 */
public final class GrayStrategy {

    /** The longest analysis window or bake a stage may have. */
    public static final Duration MAX_WINDOW = Duration.ofDays(1);

    private GrayStrategy() {}

    /** Stage thresholds and windows shared by every stage unless a stage says otherwise. */
    public record Defaults(Duration window, Duration bake, double passThreshold, double marginalThreshold) {

        public Defaults {
            checkWindow("analysisWindowSeconds", window.toSeconds());
            checkWindow("bakeSeconds", bake.toSeconds());
            checkThresholds(passThreshold, marginalThreshold, "");
        }
    }

    /** The generated strategy: 1 instance → the risk's shares → 100%, without repeating a count. */
    public static List<StagePlan> generate(int instances, Risk risk, Defaults defaults) {
        requireInstances(instances);
        List<Integer> counts = new ArrayList<>();
        counts.add(1);
        for (double share : risk.intermediateShares()) {
            counts.add((int) Math.ceil(share * instances));
        }
        counts.add(instances);
        return plan(instances, increasing(counts, instances), List.of(), defaults);
    }

    /** Stages given explicitly (by count or percent); a final 100% stage is added when the last one is short of it. */
    public static List<StagePlan> explicit(int instances, List<StageSpec> specs, Defaults defaults) {
        requireInstances(instances);
        if (specs.isEmpty()) {
            throw new ReleaseRejected("stages: give at least one stage, or leave it out for a generated strategy");
        }
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            StageSpec s = specs.get(i);
            String where = "stages[" + i + "]";
            if ((s.instances() == null) == (s.percent() == null)) {
                throw new ReleaseRejected(where + ": give exactly one of 'instances' or 'percent'");
            }
            int count;
            if (s.instances() != null) {
                count = s.instances();
                if (count < 1 || count > instances) {
                    throw new ReleaseRejected(where + ".instances: " + count + " is outside [1, " + instances + "]");
                }
            } else {
                if (s.percent() < 1 || s.percent() > 100) {
                    throw new ReleaseRejected(where + ".percent: " + s.percent() + " is outside [1, 100]");
                }
                count = Math.max(1, (int) Math.ceil(s.percent() * instances / 100.0));
            }
            if (!counts.isEmpty() && count <= counts.get(counts.size() - 1)) {
                throw new ReleaseRejected(where + ": reaches " + count + " instance(s), not more than the stage before ("
                        + counts.get(counts.size() - 1) + ")");
            }
            if (s.analysisWindowSeconds() != null) {
                checkWindow(where + ".analysisWindowSeconds", s.analysisWindowSeconds());
            }
            checkThresholds(s.passThreshold() == null ? defaults.passThreshold() : s.passThreshold(),
                    s.marginalThreshold() == null ? defaults.marginalThreshold() : s.marginalThreshold(), where + ".");
            counts.add(count);
        }
        List<StageSpec> overrides = new ArrayList<>(specs);
        if (counts.get(counts.size() - 1) < instances) {
            counts.add(instances);
        }
        return plan(instances, counts, overrides, defaults);
    }

    private static List<StagePlan> plan(int instances, List<Integer> counts, List<StageSpec> overrides, Defaults d) {
        List<StagePlan> stages = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            int count = counts.get(i);
            boolean analyzed = count < instances;
            StageSpec o = i < overrides.size() ? overrides.get(i) : null;
            long window = o != null && o.analysisWindowSeconds() != null ? o.analysisWindowSeconds()
                    : analyzed ? d.window().toSeconds() : d.bake().toSeconds();
            double pass = o != null && o.passThreshold() != null ? o.passThreshold() : d.passThreshold();
            double marginal = o != null && o.marginalThreshold() != null ? o.marginalThreshold() : d.marginalThreshold();
            stages.add(new StagePlan(i + 1, count, (int) Math.round(100.0 * count / instances), window, pass, marginal,
                    analyzed));
        }
        return List.copyOf(stages);
    }

    private static List<Integer> increasing(List<Integer> counts, int instances) {
        List<Integer> out = new ArrayList<>();
        for (int c : counts) {
            int bounded = Math.min(Math.max(c, 1), instances);
            if (out.isEmpty() || bounded > out.get(out.size() - 1)) {
                out.add(bounded);
            }
        }
        return out;
    }

    private static void requireInstances(int instances) {
        if (instances < 1) {
            throw new ReleaseRejected("the service has no instances to release to");
        }
    }

    private static void checkWindow(String name, long seconds) {
        if (seconds < 1 || seconds > MAX_WINDOW.toSeconds()) {
            throw new ReleaseRejected(name + ": " + seconds + " s is outside [1, " + MAX_WINDOW.toSeconds() + "]");
        }
    }

    private static void checkThresholds(double pass, double marginal, String prefix) {
        if (!(pass >= 0 && pass <= 100)) {
            throw new ReleaseRejected(prefix + "passThreshold: " + pass + " is outside [0, 100]");
        }
        if (!(marginal >= 0 && marginal <= 100)) {
            throw new ReleaseRejected(prefix + "marginalThreshold: " + marginal + " is outside [0, 100]");
        }
        if (marginal > pass) {
            throw new ReleaseRejected(prefix + "marginalThreshold " + marginal + " is above passThreshold " + pass);
        }
    }
}
