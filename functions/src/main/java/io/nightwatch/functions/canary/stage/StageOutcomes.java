package io.nightwatch.functions.canary.stage;

import io.nightwatch.functions.canary.Classification;
import io.nightwatch.functions.canary.MetricResult;
import io.nightwatch.functions.canary.StageVerdict;
import io.nightwatch.schemas.CanaryOutcome;
import java.util.List;
import java.util.Locale;

/**
 * Turns the judge's stage verdict into what the release should do. PASS and MARGINAL are the judge's. A FAIL is a
 * FAIL only when some metric shows a regression (High, Low, or NodataFailMetric: data that must be there is
 * missing); a FAIL forced by missing data alone (Kayenta's 50%-no-data rule, a critical metric without enough
 * samples) is NOT_ENOUGH_DATA: no evidence against the canary, so a human decides instead of an automatic rollback.
 */
public final class StageOutcomes {

    /** The outcome and the sentence explaining it. */
    public record Decision(CanaryOutcome outcome, String reason) {}

    private StageOutcomes() {}

    public static Decision decide(StageVerdict v) {
        List<MetricResult> failing = v.metrics().stream().filter(m -> !m.muted() && regression(m.classification()))
                .toList();
        String score = String.format(Locale.ROOT, "score %.2f", v.summaryScore());
        return switch (v.verdict()) {
            case PASS -> new Decision(CanaryOutcome.PASS, score + " >= pass threshold "
                    + fmt(v.thresholds().pass()) + (failing.isEmpty() ? "" : "; tolerated: " + names(failing)));
            case MARGINAL -> new Decision(CanaryOutcome.MARGINAL, score + " between marginal "
                    + fmt(v.thresholds().marginal()) + " and pass " + fmt(v.thresholds().pass()) + ": "
                    + names(failing));
            case FAIL -> failing.isEmpty()
                    ? new Decision(CanaryOutcome.NOT_ENOUGH_DATA, score + ": " + noData(v))
                    : new Decision(CanaryOutcome.FAIL, score + " below marginal " + fmt(v.thresholds().marginal())
                            + ": " + names(failing) + (v.reason() == null ? "" : " (" + v.reason() + ")"));
        };
    }

    private static boolean regression(Classification c) {
        return c == Classification.HIGH || c == Classification.LOW || c == Classification.NODATA_FAIL_METRIC;
    }

    private static String names(List<MetricResult> failing) {
        return String.join(", ", failing.stream()
                .map(m -> m.name() + " " + m.classification().label() + (m.critical() ? " (critical)" : "")).toList());
    }

    private static String noData(StageVerdict v) {
        List<String> missing = v.metrics().stream().filter(m -> !m.muted() && m.classification() != Classification.PASS)
                .map(m -> m.name() + " " + m.classification().label()).toList();
        return (v.reason() == null ? "not enough data" : v.reason()) + (missing.isEmpty() ? "" : " [" + String.join(", ", missing) + "]");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
