package io.nightwatch.functions.incidents.converge;

/**
 * A convergence decision with its particulars: the peer a skipped incident defers to, the summary a collected one
 * joined (and whether this opening created it), the count of peers in the window.
 */
public record Verdict(Decision decision, String peer, String summaryId, boolean summaryCreated, int peers, long windowEnd,
        boolean newWindow) {}
