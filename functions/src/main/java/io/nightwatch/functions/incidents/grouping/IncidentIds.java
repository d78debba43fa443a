package io.nightwatch.functions.incidents.grouping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identifiers: an incident id is derived from its group key and the event time it opened, an event id from
 * the incident, the step and its time, so a replay after recovery reproduces the same ids.
 */
public final class IncidentIds {

    private IncidentIds() {}

    /** {@code inc-} and 16 hex digits of SHA-256 over the group key and the opening time. */
    public static String incident(String groupKey, long openedAt) {
        return "inc-" + sha(groupKey + "@" + openedAt);
    }

    /** The id of a summary incident collecting peers of one convergence key in the window starting at {@code windowStart}. */
    public static String summary(String convergenceKey, long windowStart) {
        return "sum-" + sha(convergenceKey + "@" + windowStart);
    }

    /** {@code <incident>:<TYPE>:<at>[:<qualifier>]}. */
    public static String event(String incidentId, String type, long at, String qualifier) {
        String base = incidentId + ":" + type + ":" + at;
        return qualifier == null || qualifier.isEmpty() ? base : base + ":" + qualifier;
    }

    static String sha(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
