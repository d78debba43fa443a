package io.nightwatch.functions.incidents.config;

import java.util.Map;
import java.util.TreeMap;

/** Text forms of label sets as Alertmanager writes them (group keys, logs). */
public final class LabelSets {

    private LabelSets() {}

    /** {@code {a="1", b="2"}}: sorted by name, values quoted like Go's {@code %q}. */
    public static String toString(Map<String, String> labels) {
        Map<String, String> sorted = labels instanceof TreeMap<String, String> ? labels : new TreeMap<>(labels);
        StringBuilder sb = new StringBuilder(16 + labels.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=');
            goQuote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /** Appends a value quoted like Go's {@code strconv.Quote} (printable characters kept, the rest escaped). */
    static void goQuote(StringBuilder sb, String v) {
        sb.append('"');
        if (plain(v)) {
            sb.append(v).append('"');
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Whether the value needs no escaping (the usual case). */
    private static boolean plain(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
