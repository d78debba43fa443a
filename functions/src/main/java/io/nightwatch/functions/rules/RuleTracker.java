package io.nightwatch.functions.rules;

import io.nightwatch.schemas.Alert;

/**
 * What one rule remembers about one series: since when its condition holds, whether it fires, and for ring-ratio
 * rules the field's value over the look-back period (a ring of window values, NaN where no window was seen).
 * A Flink POJO.
 */
public final class RuleTracker {
    public int ruleVersion;
    /** Start of the first window of the current run of true conditions; -1 when the condition does not hold. */
    public long pendingSince = -1;
    public boolean firing;
    /** Start of the window that made the alert fire. */
    public long firingSince;
    /** End of the last window evaluated. */
    public long lastWindowEnd;
    public double lastValue;
    public double[] ring;
    /** Window start of the newest ring entry. */
    public long ringNewest = Long.MIN_VALUE;
    /** The alert sent when the rule started firing (its labels give the resolution the same fingerprint). */
    public Alert alert;
}
