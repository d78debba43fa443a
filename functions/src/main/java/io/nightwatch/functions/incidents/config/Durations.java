package io.nightwatch.functions.incidents.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations in Prometheus' syntax ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, {@code 1w}, {@code 500ms}). */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile(
            "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
    private static final long[] UNIT_MS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};

    private Durations() {}

    /** The duration; raises {@link InvalidConfigException} for text that is not a Prometheus duration. */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidConfigException("empty duration");
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new InvalidConfigException("not a duration (e.g. 30s, 5m, 1h30m, 2d): " + text);
        }
        long total = 0;
        boolean any = false;
        for (int g = 1; g <= 7; g++) {
            String part = m.group(g);
            if (part != null) {
                any = true;
                try {
                    total = Math.addExact(total, Math.multiplyExact(Long.parseLong(part), UNIT_MS[g - 1]));
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new InvalidConfigException("duration too long: " + text);
                }
            }
        }
        if (!any) {
            throw new InvalidConfigException("not a duration (e.g. 30s, 5m, 1h30m, 2d): " + text);
        }
        return Duration.ofMillis(total);
    }

    /** Prometheus' text form of a duration ({@code 1h30m}, {@code 250ms}, {@code 0s}). */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            long n = ms / UNIT_MS[i];
            if (n > 0) {
                sb.append(n).append(units[i]);
                ms -= n * UNIT_MS[i];
            }
        }
        return sb.toString();
    }
}
