package io.nightwatch.schemas;

/** The canary judge's decision on one release stage (release_stages.verdict, nw.canary.verdicts). */
public enum CanaryOutcome {
    /** The canary is no worse than the baseline: the release may proceed to its next stage. */
    PASS,
    /** Between the marginal and pass thresholds: the release pauses for a human. */
    MARGINAL,
    /** The canary regressed: the release is rolled back. */
    FAIL,
    /** Too few samples to judge (no evidence of a regression): the release pauses for a human. */
    NOT_ENOUGH_DATA
}
