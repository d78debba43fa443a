package io.nightwatch.functions.incidents.grouping;

import java.util.Collection;
import java.util.Set;

/**
 * Alertmanager's notification-log check ({@code DedupStage.needsUpdate}, with {@code send_resolved} on): whether a
 * group with these firing and resolved alerts needs a notification, given the last one sent.
 */
public final class DedupRule {

    /** What the check decided. */
    public enum Decision { SKIP, NOTIFY, REPEAT }

    private DedupRule() {}

    /**
     * @param hasEntry whether a notification was sent before (the log has an entry)
     * @param lastFiring firing alerts of the last notification
     * @param lastResolved resolved alerts of the last notification
     * @param lastAt when the last notification was sent
     */
    public static Decision decide(boolean hasEntry, Collection<String> lastFiring, Collection<String> lastResolved,
            long lastAt, Set<String> firing, Set<String> resolved, long repeatIntervalMs, long now) {
        if (!hasEntry) {
            return firing.isEmpty() ? Decision.SKIP : Decision.NOTIFY;
        }
        if (!isSubset(lastFiring, firing)) {
            return Decision.NOTIFY;
        }
        if (firing.isEmpty()) {
            return lastFiring.isEmpty() ? Decision.SKIP : Decision.NOTIFY;
        }
        if (!isSubset(lastResolved, resolved)) {
            return Decision.NOTIFY;
        }
        return lastAt < now - repeatIntervalMs ? Decision.REPEAT : Decision.SKIP;
    }

    /** Whether every element of {@code subset} is in {@code set}. */
    private static boolean isSubset(Collection<String> set, Set<String> subset) {
        if (subset.isEmpty()) {
            return true;
        }
        Set<String> s = set instanceof Set<String> ss ? ss : new java.util.HashSet<>(set);
        for (String k : subset) {
            if (!s.contains(k)) {
                return false;
            }
        }
        return true;
    }
}
