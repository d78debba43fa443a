package io.nightwatch.functions.canary.stage;

import io.nightwatch.functions.canary.CanaryJudge;
import io.nightwatch.functions.canary.MetricResult;
import io.nightwatch.functions.canary.MetricSamples;
import io.nightwatch.functions.canary.OfflineJudge;
import io.nightwatch.functions.canary.ScoreThresholds;
import io.nightwatch.functions.canary.StageVerdict;
import io.nightwatch.schemas.CanaryMetricVerdict;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.Json;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Judges one stage from its points with the canary judge, the stage's thresholds and the job's canary config. */
public final class StageJudge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final CanaryJudge judge;
    private final CanaryConfig config;

    public StageJudge(CanaryJudge judge, CanaryConfig config) {
        this.judge = judge;
        this.config = config;
    }

    public CanaryConfig config() {
        return config;
    }

    /** The judged stage; {@code judgedAt} is the event time the window closed at, so a replay gives the same rows. */
    public JudgedStage judge(ActiveStage stage, Iterable<StagePoint> points, Instant judgedAt) {
        List<MetricSamples> samples = StageSamples.build(config, stage, points);
        StageVerdict v = judge.judge(config.metricConfigs(), samples, config.groupWeights(), thresholds(stage));
        StageOutcomes.Decision decision = StageOutcomes.decide(v);
        List<CanaryMetricVerdict> summaries = new ArrayList<>();
        List<MetricStatistics> statistics = new ArrayList<>();
        for (MetricResult r : v.metrics()) {
            // "critical" as configured: a critical metric's failure fails the stage (the reason says whether it did)
            boolean critical = config.metricConfigs().stream().anyMatch(m -> m.name().equals(r.name()) && m.critical());
            summaries.add(new CanaryMetricVerdict(r.name(), r.classification().label(), critical, r.decidedBy(),
                    r.canarySamples(), r.baselineSamples(), finite(r.canaryMean()), finite(r.baselineMean()),
                    finite(r.effectSize()), finite(r.pValue()), r.reason()));
            statistics.add(new MetricStatistics(r.name(), r.classification().label(), critical, r.muted(),
                    r.decidedBy(), r.groups(), r.canarySamples(), r.baselineSamples(), r.reason(),
                    OfflineJudge.toCompactJson(r)));
        }
        CanaryVerdict verdict = new CanaryVerdict(CanaryVerdict.idOf(stage.release(), stage.stage()), stage.release(),
                stage.service(), stage.version(), stage.stage(), decision.outcome(), v.summaryScore(),
                v.thresholds().pass(), v.thresholds().marginal(), decision.reason(),
                Instant.ofEpochMilli(stage.windowStart()), Instant.ofEpochMilli(stage.windowEnd()), stage.canary(),
                stage.baseline(), summaries, judgedAt);
        Map<String, Object> groups = new LinkedHashMap<>();
        v.groupScores().forEach(g -> groups.put(g.name(), Map.of("score", g.score(), "noData", g.noData(),
                "metrics", g.numMetrics(), "labels", g.labelCounts())));
        return new JudgedStage(verdict, statistics, Json.toString(groups));
    }

    /** The stage's thresholds; a stage that gives none (both 0) or inconsistent ones gets the config's. */
    private ScoreThresholds thresholds(ActiveStage stage) {
        double pass = stage.passThreshold();
        double marginal = stage.marginalThreshold();
        if ((pass == 0 && marginal == 0) || !(pass >= 0 && pass <= 100) || !(marginal >= 0 && marginal <= pass)) {
            return config.defaultThresholds();
        }
        return new ScoreThresholds(pass, marginal);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
