package io.nightwatch.functions.incidents.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The alert fingerprint of {@code Alert.fingerprintOf} (the first 16 hex digits of SHA-256 over the labels sorted by
 * name), computed without a sorted-map copy and with one digest per thread: this runs for every alert.
 */
public final class Fingerprints {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private Fingerprints() {}

    /** Equal to {@code Alert.fingerprintOf(labels)}. */
    public static String of(Map<String, String> labels) {
        String[] names = labels.keySet().toArray(new String[0]);
        Arrays.sort(names);
        MessageDigest digest = SHA256.get();
        digest.reset();
        for (String name : names) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0xff);
            digest.update(labels.get(name).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0xfe);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }
}
