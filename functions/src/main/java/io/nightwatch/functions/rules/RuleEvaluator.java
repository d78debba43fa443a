package io.nightwatch.functions.rules;

import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.ConditionKind;
import io.nightwatch.schemas.Rollup;
import java.util.Arrays;

/**
 * Evaluates one rule on one closed window of a series and decides the alert's transition: the condition must hold
 * on consecutive windows spanning at least {@code forSeconds} before the alert fires; the first window where it
 * does not hold resolves it. Ring ratio: the field divided by its value {@code periodSeconds} earlier (no earlier
 * value, or an earlier value of zero: the condition does not hold).
 */
public final class RuleEvaluator {

    private RuleEvaluator() {}

    /** The value of a rollup field. */
    public static double field(Rollup r, String field) {
        return switch (field) {
            case "count" -> r.count();
            case "sum" -> r.sum();
            case "min" -> r.min();
            case "max" -> r.max();
            case "avg" -> r.avg();
            case "p50" -> r.p50() == null ? Double.NaN : r.p50();
            case "p90" -> r.p90() == null ? Double.NaN : r.p90();
            case "p99" -> r.p99() == null ? Double.NaN : r.p99();
            default -> throw new IllegalArgumentException("unknown rollup field " + field);
        };
    }

    /** Evaluates {@code rule} on window {@code r} with the tracker of (series, rule); updates the tracker. */
    public static Transition evaluate(AlertRule rule, Rollup r, RuleTracker t) {
        long start = r.windowStart().toEpochMilli();
        long end = start + r.resolution().millis();
        if (end <= t.lastWindowEnd) {
            return Transition.NONE; // a correction of an evaluated window: decisions are not revised
        }
        if (t.pendingSince >= 0 && start > t.lastWindowEnd) {
            t.pendingSince = -1; // a gap breaks the run of consecutive windows
        }
        t.lastWindowEnd = end;
        t.ruleVersion = rule.version();
        double value = field(r, rule.condition().field());
        if (rule.condition().kind() == ConditionKind.RING_RATIO) {
            double earlier = ringValue(rule, t, start);
            remember(rule, t, start, value);
            value = earlier == 0 || Double.isNaN(earlier) ? Double.NaN : value / earlier;
        }
        t.lastValue = value;
        boolean holds = !Double.isNaN(value) && rule.condition().comparison().holds(value, rule.condition().threshold());
        if (!holds) {
            t.pendingSince = -1;
            if (t.firing) {
                t.firing = false;
                return Transition.RESOLVED;
            }
            return Transition.NONE;
        }
        if (t.pendingSince < 0) {
            t.pendingSince = start;
        }
        if (!t.firing && end - t.pendingSince >= Math.max(rule.forSeconds() * 1000L, r.resolution().millis())) {
            t.firing = true;
            t.firingSince = t.pendingSince;
            return Transition.FIRING;
        }
        return Transition.NONE;
    }

    private static int ringSize(AlertRule rule) {
        return (int) (rule.condition().periodSeconds() / rule.resolution().seconds());
    }

    private static double ringValue(AlertRule rule, RuleTracker t, long start) {
        int size = ringSize(rule);
        if (t.ring == null || t.ring.length != size || t.ringNewest == Long.MIN_VALUE) {
            return Double.NaN;
        }
        long earlierStart = start - rule.condition().periodSeconds() * 1000L;
        long step = rule.resolution().millis();
        long age = (t.ringNewest - earlierStart) / step;
        if (age < 0 || age >= size) {
            return Double.NaN;
        }
        return t.ring[(int) Math.floorMod(earlierStart / step, (long) size)];
    }

    private static void remember(AlertRule rule, RuleTracker t, long start, double value) {
        int size = ringSize(rule);
        long step = rule.resolution().millis();
        if (t.ring == null || t.ring.length != size) {
            t.ring = new double[size];
            Arrays.fill(t.ring, Double.NaN);
            t.ringNewest = Long.MIN_VALUE;
        }
        if (t.ringNewest != Long.MIN_VALUE) {
            for (long s = t.ringNewest + step; s < start && s <= t.ringNewest + size * step; s += step) {
                t.ring[(int) Math.floorMod(s / step, (long) size)] = Double.NaN; // windows without data
            }
        }
        t.ring[(int) Math.floorMod(start / step, (long) size)] = value;
        t.ringNewest = start;
    }
}
