package io.nightwatch.functions.incidents.converge;

import io.nightwatch.functions.incidents.config.ConvergenceRule;
import io.nightwatch.functions.incidents.grouping.IncidentIds;

/**
 * BlueKing-style convergence of incidents that share a rule's dimensions. Within a window that starts with the
 * first incident and lasts the rule's {@code window}, the first {@code count} incidents are handled; after that
 * {@code collect} gathers the rest into one summary incident (handled once), {@code defense} holds each for
 * approval. {@code skip_when_proceed} skips an incident while a peer is being handled, whatever the count.
 */
public final class ConvergenceDecider {

    private ConvergenceDecider() {}

    /** Decides for an incident opening at {@code at}, updating the state. */
    public static Verdict onOpened(ConvergenceState s, ConvergenceRule rule, String key, String incidentId, long at) {
        boolean newWindow = false;
        if (s.windowEnd == 0 || at >= s.windowEnd) {
            s.windowStart = at;
            s.windowEnd = at + rule.window().toMillis();
            s.count = 0;
            newWindow = true;
        }
        int others = s.count;
        s.count++;
        Decision d = switch (rule.function()) {
            case COLLECT -> others < rule.count() ? Decision.HANDLE : Decision.COLLECT;
            case DEFENSE -> others < rule.count() ? Decision.HANDLE : Decision.HOLD;
            case SKIP_WHEN_PROCEED -> s.inProgress.isEmpty() ? Decision.HANDLE : Decision.SKIP;
        };
        String peer = null;
        String summary = null;
        boolean created = false;
        switch (d) {
            case HANDLE, HOLD -> s.inProgress.add(incidentId);
            case SKIP -> peer = s.inProgress.get(0);
            case COLLECT -> {
                if (s.summaryId == null) {
                    s.summaryId = IncidentIds.summary(key, at);
                    s.summaryOpenedAt = at;
                    s.summaryCollected = 0;
                    created = true;
                }
                s.summaryMembers.add(incidentId);
                s.newMembers.add(incidentId);
                s.summaryCollected++;
                summary = s.summaryId;
            }
        }
        return new Verdict(d, peer, summary, created, s.count, s.windowEnd, newWindow);
    }

    /** An incident closed: it is no longer in progress nor an open member. Returns whether the summary closed too. */
    public static boolean onClosed(ConvergenceState s, String incidentId) {
        s.inProgress.remove(incidentId);
        if (s.summaryId != null && s.summaryMembers.remove(incidentId) && s.summaryMembers.isEmpty()) {
            return true;
        }
        return false;
    }

    /** The window ended at {@code at}; returns the members collected during it (for the summary's notification). */
    public static java.util.List<String> onWindowEnd(ConvergenceState s, long at) {
        java.util.List<String> collected = new java.util.ArrayList<>(s.newMembers);
        s.newMembers.clear();
        if (s.windowEnd != 0 && at >= s.windowEnd) {
            s.windowEnd = 0;
            s.windowStart = 0;
            s.count = 0;
        }
        return collected;
    }

    /** Forgets the summary once all its members closed. */
    public static void closeSummary(ConvergenceState s) {
        s.summaryId = null;
        s.summaryMembers.clear();
        s.newMembers.clear();
        s.summaryCollected = 0;
        s.summaryTitle = null;
        s.summaryService = null;
        s.summarySeverity = null;
        s.summaryPriority = Integer.MAX_VALUE;
    }
}
