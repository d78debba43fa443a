package io.nightwatch.simulator.release;

import io.nightwatch.schemas.CanaryOutcome;
import java.time.Instant;
import java.util.List;

/** One started stage of a release: its plan, which instances are on which side, and how it went. Mutable. */
final class StageRun {

    final StagePlan plan;
    final List<String> canary;
    final List<String> baseline;
    final List<String> done;
    final Instant startedAt;
    Instant endedAt;
    String status = "RUNNING";
    CanaryOutcome verdict;
    Double score;
    String verdictReason;
    Instant verdictDeadline;

    StageRun(StagePlan plan, List<String> canary, List<String> baseline, List<String> done, Instant startedAt) {
        this.plan = plan;
        this.canary = List.copyOf(canary);
        this.baseline = List.copyOf(baseline);
        this.done = List.copyOf(done);
        this.startedAt = startedAt;
    }

    /** When the stage's analysis window (or, for the last stage, its bake) is over. */
    Instant windowEnd() {
        return startedAt.plusSeconds(plan.analysisWindowSeconds());
    }

    StageView view() {
        return new StageView(plan.stage(), plan.instances(), plan.percent(), plan.analysisWindowSeconds(),
                plan.passThreshold(), plan.marginalThreshold(), plan.analyzed(), status, startedAt, endedAt,
                verdict == null ? null : verdict.name(), score, verdictReason, canary, baseline, done);
    }
}
