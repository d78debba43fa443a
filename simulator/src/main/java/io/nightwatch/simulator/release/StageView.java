package io.nightwatch.simulator.release;

import java.time.Instant;
import java.util.List;

/**
 * A stage as the release system's API shows it: its plan and, once started, its instances, status and verdict.
 *
 * @param status PLANNED, RUNNING, PASSED, ROLLED_BACK or CANCELLED
 * @param verdict the canary verdict received for the stage (PASS, MARGINAL, FAIL, NOT_ENOUGH_DATA), or null
 */
public record StageView(int stage, int instances, int percent, long analysisWindowSeconds, double passThreshold,
        double marginalThreshold, boolean analyzed, String status, Instant startedAt, Instant endedAt,
        String verdict, Double score, String verdictReason, List<String> canaryInstances,
        List<String> baselineInstances, List<String> doneInstances) {

    /** A stage not started yet. */
    static StageView planned(StagePlan p) {
        return new StageView(p.stage(), p.instances(), p.percent(), p.analysisWindowSeconds(), p.passThreshold(),
                p.marginalThreshold(), p.analyzed(), "PLANNED", null, null, null, null, null, List.of(), List.of(),
                List.of());
    }
}
