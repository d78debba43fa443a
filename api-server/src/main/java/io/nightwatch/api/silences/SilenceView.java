package io.nightwatch.api.silences;

import io.nightwatch.schemas.Matcher;
import java.time.Instant;
import java.util.List;

/** A silence as the API shows it (Alertmanager's gettable silence): its state at the time of the request. */
public record SilenceView(String id, Status status, List<Matcher> matchers, Instant startsAt, Instant endsAt,
        String createdBy, String comment, Instant updatedAt) {

    /** {@code {"state": "active|pending|expired"}}. */
    public record Status(String state) {}

    public static String stateAt(Instant startsAt, Instant endsAt, Instant now) {
        if (startsAt.isAfter(now)) {
            return "pending";
        }
        return endsAt.isAfter(now) ? "active" : "expired";
    }
}
