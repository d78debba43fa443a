package io.nightwatch.functions.canary;

import java.util.List;

/** What the scorer needs of one metric's result: its classification, groups, critical and muted flags. */
public record ScoredMetric(String name, Classification classification, String reason, List<String> groups,
        boolean critical, boolean muted) {

    public ScoredMetric {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
