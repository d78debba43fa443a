package io.nightwatch.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert in the standard (Alertmanager-like) form (topic {@code nw.alerts}, key: fingerprint).
 * The fingerprint identifies the label set: the same labels always give the same fingerprint.
 */
public record Alert(
        String fingerprint,
        String source,
        String name,
        String severity,
        AlertStatus status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl) {

    public Alert {
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
        if (fingerprint == null || fingerprint.isEmpty()) {
            fingerprint = fingerprintOf(labels);
        }
    }

    /** A stable fingerprint of a label set: the first 16 hex digits of SHA-256 over the sorted labels. */
    public static String fingerprintOf(Map<String, String> labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0xff);
                digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0xfe);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
