package io.nightwatch.simulator.release;

/**
 * One stage of a release's gray strategy.
 *
 * @param stage 1-based
 * @param instances how many instances run the new version once this stage has started (cumulative)
 * @param percent that count as a share of the service's instances, rounded
 * @param analysisWindowSeconds how long the stage runs before it is judged; for the last stage (no baseline left)
 *     the bake time before the release completes
 * @param analyzed whether baseline instances remain, so the canary judge compares the two
 */
public record StagePlan(int stage, int instances, int percent, long analysisWindowSeconds, double passThreshold,
        double marginalThreshold, boolean analyzed) {}
