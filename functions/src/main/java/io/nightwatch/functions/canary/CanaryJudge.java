package io.nightwatch.functions.canary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canary judge: classifies each metric of a stage and scores the stage. Pure and deterministic (no clock, no
 * randomness, no shared mutable state), so one instance can serve a Flink operator and the CLI alike.
 *
 * <p>KAYENTA mode is Kayenta's NetflixACAJudge: NaN strategy, optional outlier removal, the Mann-Whitney
 * classifier at tolerance 0.25 / confidence 0.98, the weighted-sum scorer and the threshold classifier.
 * ENHANCED mode adds: Nodata whenever a side has no series at all (even with NaN replacement), NotEnoughData below
 * {@code minSamples} per side, the exact rate test for counts, the Brown-Forsythe spread test for gauges that
 * passed, and (when the samples carry aligned per-interval series) the Mann-Kendall trend test for a canary that
 * drifts away from its baseline.
 */
public final class CanaryJudge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JudgeSettings settings;

    public CanaryJudge(JudgeSettings settings) {
        this.settings = settings;
    }

    /** Exactly Kayenta's judge. */
    public static CanaryJudge kayenta() {
        return new CanaryJudge(JudgeSettings.kayenta());
    }

    /** Kayenta's judge plus Nightwatch's rules. */
    public static CanaryJudge enhanced() {
        return new CanaryJudge(JudgeSettings.enhanced());
    }

    public JudgeSettings settings() {
        return settings;
    }

    /**
     * Judges a stage: each configured metric against its samples (matched by name; a metric without samples has
     * none), then scores them.
     */
    public StageVerdict judge(List<MetricConfig> metrics, List<MetricSamples> samples,
            Map<String, Double> groupWeights, ScoreThresholds thresholds) {
        List<MetricResult> results = new ArrayList<>();
        for (MetricConfig config : metrics) {
            MetricSamples s = samples.stream().filter(x -> x.name().equals(config.name())).findFirst()
                    .orElse(MetricSamples.of(config.name(), new double[0], new double[0]));
            results.add(judgeMetric(config, s));
        }
        ScoreResult score = new CanaryScorer(groupWeights).score(results.stream().map(MetricResult::scored).toList());
        ScoreThresholds t = thresholds == null ? ScoreThresholds.defaults() : thresholds;
        return new StageVerdict(settings.mode(), t.classify(score.summaryScore()), score.summaryScore(), t,
                score.reason(), score.groupScores(), results);
    }

    /** Classifies one metric. */
    public MetricResult judgeMetric(MetricConfig config, MetricSamples samples) {
        double[] rawCanary = samples.canary();
        double[] rawBaseline = samples.baseline();
        boolean rates = config.kind() == MetricKind.COUNT;
        if (settings.mode() == JudgeMode.KAYENTA) {
            // Kayenta knows no counts: it sees the per-interval rate (count / exposure) a query would return.
            double[] canary = rates ? perInterval(rawCanary, samples.canaryExposure()) : rawCanary;
            double[] baseline = rates ? perInterval(rawBaseline, samples.baselineExposure()) : rawBaseline;
            return kayentaClassify(config, prepare(config, canary), prepare(config, baseline));
        }
        return enhancedClassify(config, samples);
    }

    private MetricResult kayentaClassify(MetricConfig config, double[] canary, double[] baseline) {
        MetricClassifier classifier = new MetricClassifier(
                config.classifierConfig(settings.tolerance(), settings.confidenceLevel()));
        try {
            MetricClassification c = classifier.classify(baseline, canary, config.direction(),
                    config.nanStrategy(), config.critical(), config.mustHaveData(), config.name());
            String decidedBy = c.statistics() != null ? "mann-whitney"
                    : c.classification() == Classification.PASS && canary.length > 0 && baseline.length > 0
                            ? "identical" : "no-data";
            return result(config, c.classification(), c.reason(), c.critical(), decidedBy, c.deviation(), canary,
                    baseline, c.statistics(), null, null, null);
        } catch (RuntimeException e) {
            return result(config, Classification.ERROR, "classification failed: " + e.getMessage(),
                    config.critical(), "error", Double.NaN, canary, baseline, null, null, null, null);
        }
    }

    private MetricResult enhancedClassify(MetricConfig config, MetricSamples samples) {
        double[] rawCanary = samples.canary();
        double[] rawBaseline = samples.baseline();
        // #799: a side without any series is missing, whatever the NaN strategy says.
        if (rawCanary.length == 0 || rawBaseline.length == 0) {
            return missing(config, rawCanary, rawBaseline,
                    new MinimumSampleRule(1).check(rawCanary.length, rawBaseline.length).reason());
        }
        boolean counts = config.kind() == MetricKind.COUNT;
        double[] canary;
        double[] baseline;
        double[] canaryExposure = samples.canaryExposure();
        double[] baselineExposure = samples.baselineExposure();
        if (counts) {
            // Counts: NaN is "no events" under REPLACE; under REMOVE the interval (and its exposure) is dropped.
            double[][] c = countsWithExposure(rawCanary, canaryExposure, config.nanStrategy());
            double[][] b = countsWithExposure(rawBaseline, baselineExposure, config.nanStrategy());
            canary = c[0];
            canaryExposure = c[1];
            baseline = b[0];
            baselineExposure = b[1];
        } else {
            canary = prepare(config, rawCanary);
            baseline = prepare(config, rawBaseline);
        }
        MinimumSampleRule.Check check = new MinimumSampleRule(settings.minSamples())
                .check(canary.length, baseline.length);
        if (!check.ok()) {
            if (check.classification() == Classification.NODATA) {
                return missing(config, canary, baseline, check.reason());
            }
            return result(config, check.classification(), check.reason(), config.critical(), "sample-rule",
                    Double.NaN, canary, baseline, null, null, null, null);
        }
        return counts ? rateClassify(config, canary, canaryExposure, baseline, baselineExposure)
                : gaugeClassify(config, canary, baseline, samples);
    }

    private MetricResult gaugeClassify(MetricConfig config, double[] canary, double[] baseline,
            MetricSamples samples) {
        MetricResult kayenta = kayentaClassify(config, canary, baseline);
        if (kayenta.classification() != Classification.PASS || !settings.spreadCheck()
                || !config.direction().watchesIncrease() || !"mann-whitney".equals(kayenta.decidedBy())) {
            return kayenta;
        }
        DispersionTest.Result spread = new DispersionTest(settings.confidenceLevel(), settings.spreadMargin(),
                settings.minSpreadRatio())
                .test(canary, baseline);
        if (spread.wider()) {
            String reason = String.format(java.util.Locale.ROOT,
                    "%s: canary spread %.3g× the baseline's at an unchanged level (Brown-Forsythe p=%.3g)",
                    config.name(), spread.spreadRatio(), spread.pValueWider());
            return result(config, Classification.HIGH, reason, config.critical(), "spread", spread.spreadRatio(),
                    canary, baseline, kayenta.mannWhitney(), null, spread, null);
        }
        TrendTest.Result trend = trend(config, samples);
        if (trend == null || !(trend.rising() && config.direction().watchesIncrease()
                || trend.falling() && config.direction().watchesDecrease())) {
            return withExtras(kayenta, spread, trend);
        }
        String reason = String.format(java.util.Locale.ROOT,
                "%s: canary drifts %s its baseline by %+.1f%% of its level over %d intervals (Mann-Kendall p=%.3g, "
                        + "Theil-Sen slope %.3g per interval)",
                config.name(), trend.rising() ? "above" : "below", 100 * trend.relativeDrift(), trend.n(),
                trend.rising() ? trend.pValueRising() : trend.pValueFalling(), trend.slope());
        return result(config, trend.rising() ? Classification.HIGH : Classification.LOW, reason, config.critical(),
                "trend", 1 + trend.relativeDrift(), canary, baseline, kayenta.mannWhitney(), null, spread, trend);
    }

    /** The trend test on the samples' aligned series, or null when it is off or they are too short. */
    private TrendTest.Result trend(MetricConfig config, MetricSamples samples) {
        double[] c = samples.canarySeries();
        double[] b = samples.baselineSeries();
        if (!settings.trendCheck() || c == null || b == null || c.length != b.length
                || c.length < Math.max(3, settings.minSamples())) {
            return null;
        }
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i]) || !Double.isFinite(b[i])) {
                return null;
            }
        }
        return new TrendTest(settings.confidenceLevel(), settings.minTrendDrift()).test(c, b);
    }

    private MetricResult rateClassify(MetricConfig config, double[] canary, double[] canaryExposure,
            double[] baseline, double[] baselineExposure) {
        SparseCountRateTest test = new SparseCountRateTest(settings.confidenceLevel(), settings.rateDispersionGuard());
        SparseCountRateTest.Result r = test.test(canary, canaryExposure, baseline, baselineExposure);
        MannWhitneyStatistics mw = null;
        double[] canaryRates = perInterval(canary, canaryExposure);
        double[] baselineRates = perInterval(baseline, baselineExposure);
        try {
            MetricClassification k = new MetricClassifier(
                    config.classifierConfig(settings.tolerance(), settings.confidenceLevel()))
                    .classify(baselineRates, canaryRates, config.direction(), config.nanStrategy(), false, false,
                            config.name());
            mw = k.statistics();
        } catch (RuntimeException ignored) {
            // the rank statistics are reported for reference only
        }
        double ratio = r.rateRatio();
        Classification c = Classification.PASS;
        boolean critical = false;
        String reason = null;
        if (config.direction().watchesIncrease() && test.isHigher(r, config.allowedIncrease())) {
            c = Classification.HIGH;
            critical = config.critical() && !(ratio < config.criticalIncrease());
        } else if (config.direction().watchesDecrease() && test.isLower(r, config.allowedDecrease())) {
            c = Classification.LOW;
            critical = config.critical() && !(ratio > config.criticalDecrease());
        }
        if (c != Classification.PASS) {
            reason = String.format(java.util.Locale.ROOT,
                    "%s: canary rate %.4g vs baseline %.4g (ratio %.3g, %.0f vs %.0f events, exact p=%.3g)%s",
                    config.name(), r.canaryRate(), r.baselineRate(), ratio, r.canaryCount(), r.baselineCount(),
                    c == Classification.HIGH ? r.pValueHigher() : r.pValueLower(), critical ? " (Critical)" : "");
        }
        return result(config, c, reason, critical, "rate", ratio, canaryRates, baselineRates, mw, r, null, null);
    }

    private MetricResult missing(MetricConfig config, double[] canary, double[] baseline, String why) {
        String reason = "Missing data for " + config.name() + ": " + why;
        if (config.mustHaveData() && !config.critical()) {
            return result(config, Classification.NODATA_FAIL_METRIC, reason, false, "no-data", Double.NaN, canary,
                    baseline, null, null, null, null);
        }
        return result(config, Classification.NODATA, reason, config.critical(), "no-data", Double.NaN, canary,
                baseline, null, null, null, null);
    }

    private static MetricResult withExtras(MetricResult r, DispersionTest.Result spread, TrendTest.Result trend) {
        return new MetricResult(r.name(), r.groups(), r.kind(), r.direction(), r.classification(), r.reason(),
                r.critical(), r.muted(), r.decidedBy(), r.effectSize(), r.canarySamples(), r.baselineSamples(),
                r.canaryMean(), r.baselineMean(), r.mannWhitney(), r.rate(), spread, trend);
    }

    private static MetricResult result(MetricConfig config, Classification c, String reason, boolean critical,
            String decidedBy, double effect, double[] canary, double[] baseline, MannWhitneyStatistics mw,
            SparseCountRateTest.Result rate, DispersionTest.Result dispersion, TrendTest.Result trend) {
        return new MetricResult(config.name(), config.groups(), config.kind(), config.direction(), c, reason,
                critical, config.muted(), decidedBy, effect, canary.length, baseline.length,
                EffectSizes.mean(canary), EffectSizes.mean(baseline), mw, rate, dispersion, trend);
    }

    /** NaN strategy, then the optional outlier filter. */
    private static double[] prepare(MetricConfig config, double[] values) {
        double[] v = config.nanStrategy().apply(values);
        return config.outliers() == null ? v : config.outliers().apply(v);
    }

    private static double[][] countsWithExposure(double[] counts, double[] exposure, NanStrategy nan) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            double e = exposure == null ? 1.0 : exposure[i];
            double c = counts[i];
            if (Double.isNaN(c)) {
                if (nan == NanStrategy.REMOVE) {
                    continue;
                }
                c = 0.0;
            }
            if (Double.isNaN(e) || e <= 0) {
                continue;
            }
            kept.add(new double[] {c, e});
        }
        double[] c = new double[kept.size()];
        double[] e = new double[kept.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = kept.get(i)[0];
            e[i] = kept.get(i)[1];
        }
        return new double[][] {c, e};
    }

    private static double[] perInterval(double[] counts, double[] exposure) {
        if (exposure == null) {
            return counts;
        }
        double[] r = new double[counts.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = exposure[i] > 0 ? counts[i] / exposure[i] : Double.NaN;
        }
        return r;
    }
}
