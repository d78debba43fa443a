package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;

/** A silence: alerts matching every matcher are muted between startsAt and endsAt (compacted topic {@code nw.silences}). */
public record Silence(
        String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment, Instant updatedAt) {

    public Silence {
        matchers = matchers == null ? List.of() : matchers;
    }
}
