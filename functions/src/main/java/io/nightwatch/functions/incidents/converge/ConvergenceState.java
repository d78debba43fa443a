package io.nightwatch.functions.incidents.converge;

import java.util.ArrayList;
import java.util.List;

/** Keyed state of one convergence key (rule and dimension values): its window, its peers in progress, its summary. */
public class ConvergenceState {

    /** The current window [windowStart, windowEnd); windowEnd 0 when there is none. */
    public long windowStart;
    public long windowEnd;
    /** Incidents opened in the current window. */
    public int count;
    /** Incidents being handled or held, not yet resolved, oldest first. */
    public List<String> inProgress = new ArrayList<>();

    /** The open summary incident (null when none) and its unresolved members. */
    public String summaryId;
    public long summaryOpenedAt;
    public String summaryTitle;
    public String summaryService;
    public String summarySeverity;
    public int summaryPriority = Integer.MAX_VALUE;
    public List<String> summaryMembers = new ArrayList<>();
    public int summaryCollected;
    /** Members collected since the last summary notification. */
    public List<String> newMembers = new ArrayList<>();

    public ConvergenceState() {}

    /** Whether nothing is left to remember. */
    public boolean idle() {
        return windowEnd == 0 && inProgress.isEmpty() && summaryId == null;
    }
}
