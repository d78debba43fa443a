package io.nightwatch.jobs.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * Typed, fail-fast access to {@code --key value} job arguments: missing required keys, unknown keys and
 * malformed values are refused with a message naming the key.
 */
public final class JobArgs {

    private final ParameterTool params;
    private final Set<String> known = new LinkedHashSet<>();

    private JobArgs(ParameterTool params) {
        this.params = params;
    }

    /** Parses {@code --key value} pairs. */
    public static JobArgs of(String... args) {
        try {
            return new JobArgs(ParameterTool.fromArgs(args));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot read arguments: " + e.getMessage());
        }
    }

    /** From a map of key to value (tests, the launcher). */
    public static JobArgs of(Map<String, String> values) {
        return new JobArgs(ParameterTool.fromMap(values));
    }

    public String required(String key) {
        known.add(key);
        String v = params.get(key);
        if (v == null || v.isBlank() || "__NO_VALUE_KEY".equals(v)) {
            throw new ConfigException("missing required --" + key);
        }
        return v;
    }

    public String optional(String key, String fallback) {
        known.add(key);
        String v = params.get(key);
        return v == null || "__NO_VALUE_KEY".equals(v) ? fallback : v;
    }

    public Duration duration(String key, Duration fallback) {
        String v = optional(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return TimeUtils.parseDuration(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--" + key + ": not a duration (e.g. 500ms, 5s, 1min): " + v);
        }
    }

    public int integer(String key, int fallback, int min, int max) {
        String v = optional(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ConfigException("--" + key + ": " + n + " is outside [" + min + ", " + max + "]");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + key + ": not an integer: " + v);
        }
    }

    /** A number in [0, 1]. */
    public double fraction(String key, double fallback) {
        String v = optional(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= 0 && d <= 1)) {
                throw new ConfigException("--" + key + ": " + v + " is outside [0, 1]");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + key + ": not a number: " + v);
        }
    }

    public boolean flag(String key, boolean fallback) {
        String v = optional(key, null);
        if (v == null) {
            return params.has(key) || fallback;
        }
        return switch (v.trim().toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigException("--" + key + ": expected true or false, got " + v);
        };
    }

    /** Refuses keys that no accessor asked for (typos must not be ignored). Call after reading every key. */
    public void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(params.toMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown option(s): --" + String.join(", --", unknown)
                    + "; known: --" + String.join(", --", new TreeSet<>(known)));
        }
    }

    /** All given values, to register as Flink global job parameters. */
    public ParameterTool asParameterTool() {
        return params;
    }
}
