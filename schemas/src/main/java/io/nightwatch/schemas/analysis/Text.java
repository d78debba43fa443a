package io.nightwatch.schemas.analysis;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small text helpers shared by the builtin rules, the analyzer and the guard. */
public final class Text {

    private Text() {}

    /** The value cut to {@code max} characters, with a marker saying how much was dropped. */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int dropped = value.length() - max;
        return value.substring(0, max) + "…[truncated " + dropped + " chars]";
    }

    /** Items joined with ", ", or "none". */
    public static String list(Collection<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    /** A number with two decimals, locale-independent. */
    public static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Items joined with ", " after mapping. */
    public static <T> String list(Collection<T> items, java.util.function.Function<T, String> label) {
        return items.isEmpty() ? "none" : items.stream().map(label).collect(Collectors.joining(", "));
    }

    /** True when the value is null or only whitespace. */
    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
