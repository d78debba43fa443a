package io.nightwatch.functions.canary.stage;

import io.nightwatch.functions.canary.MetricSamples;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the points kept for a stage into the judge's samples: for each configured metric, every point of a canary
 * instance is a canary sample and every point of a baseline instance a baseline sample (one per instance and
 * interval). A count takes the exposure of the same instance and timestamp from its exposure metric; a count
 * point without one is left out. A gauge also gets aligned series for the trend test: per timestamp present on
 * both sides, the mean over the canary instances and the mean over the baseline instances, in time order.
 */
public final class StageSamples {

    private StageSamples() {}

    public static List<MetricSamples> build(CanaryConfig config, ActiveStage stage, Iterable<StagePoint> points) {
        Map<String, List<StagePoint>> byMetric = new HashMap<>();
        for (StagePoint p : points) {
            byMetric.computeIfAbsent(p.metric(), k -> new ArrayList<>()).add(p);
        }
        Comparator<StagePoint> order = Comparator.comparing(StagePoint::instance).thenComparingLong(StagePoint::ts);
        byMetric.values().forEach(list -> list.sort(order));
        List<MetricSamples> out = new ArrayList<>();
        for (CanaryMetric metric : config.metrics()) {
            List<StagePoint> values = byMetric.getOrDefault(metric.name(), List.of());
            if (metric.exposure() == null) {
                double[][] series = series(values, stage);
                out.add(MetricSamples.of(metric.name(), side(values, stage.canary()), side(values, stage.baseline()))
                        .withSeries(series[0], series[1]));
                continue;
            }
            Map<String, Double> exposures = new HashMap<>();
            for (StagePoint p : byMetric.getOrDefault(metric.exposure(), List.of())) {
                exposures.put(p.instance() + '\u0000' + p.ts(), p.value());
            }
            double[][] canary = withExposure(values, stage.canary(), exposures);
            double[][] baseline = withExposure(values, stage.baseline(), exposures);
            out.add(new MetricSamples(metric.name(), canary[0], baseline[0], canary[1], baseline[1]));
        }
        return out;
    }

    /** [canary means, baseline means] per timestamp that both sides have, in time order. */
    private static double[][] series(List<StagePoint> points, ActiveStage stage) {
        java.util.TreeMap<Long, double[]> byTime = new java.util.TreeMap<>(); // ts → {canary sum, n, baseline sum, n}
        for (StagePoint p : points) {
            int side = stage.canary().contains(p.instance()) ? 0 : stage.baseline().contains(p.instance()) ? 2 : -1;
            if (side >= 0) {
                double[] acc = byTime.computeIfAbsent(p.ts(), t -> new double[4]);
                acc[side] += p.value();
                acc[side + 1]++;
            }
        }
        List<double[]> both = byTime.values().stream().filter(a -> a[1] > 0 && a[3] > 0).toList();
        double[] canary = new double[both.size()];
        double[] baseline = new double[both.size()];
        for (int i = 0; i < canary.length; i++) {
            canary[i] = both.get(i)[0] / both.get(i)[1];
            baseline[i] = both.get(i)[2] / both.get(i)[3];
        }
        return new double[][] {canary, baseline};
    }

    private static double[] side(List<StagePoint> points, List<String> instances) {
        return points.stream().filter(p -> instances.contains(p.instance())).mapToDouble(StagePoint::value).toArray();
    }

    private static double[][] withExposure(List<StagePoint> points, List<String> instances, Map<String, Double> exposures) {
        List<double[]> pairs = new ArrayList<>();
        for (StagePoint p : points) {
            Double exposure = exposures.get(p.instance() + '\u0000' + p.ts());
            if (instances.contains(p.instance()) && exposure != null) {
                pairs.add(new double[] {p.value(), exposure});
            }
        }
        double[] counts = new double[pairs.size()];
        double[] exposure = new double[pairs.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = pairs.get(i)[0];
            exposure[i] = pairs.get(i)[1];
        }
        return new double[][] {counts, exposure};
    }
}
