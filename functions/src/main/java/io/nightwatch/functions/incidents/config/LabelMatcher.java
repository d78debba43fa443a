package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher with Alertmanager's semantics: a missing label reads as the empty string, and a regex must
 * match the whole value (it is anchored as {@code ^(?:re)$}, as Alertmanager does).
 */
public final class LabelMatcher implements Serializable, Comparable<LabelMatcher> {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final MatchType type;
    private final String value;
    private final Pattern pattern;

    private LabelMatcher(String name, MatchType type, String value, Pattern pattern) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.pattern = pattern;
    }

    /** A matcher; a regex value that does not compile raises {@link InvalidConfigException}. */
    public static LabelMatcher of(String name, MatchType type, String value) {
        if (name == null || name.isEmpty()) {
            throw new InvalidConfigException("matcher without a label name");
        }
        String v = value == null ? "" : value;
        Pattern p = null;
        if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
            try {
                p = Pattern.compile("^(?:" + v + ")$");
            } catch (PatternSyntaxException e) {
                throw new InvalidConfigException("matcher " + name + type.operator() + quote(v)
                        + ": invalid regular expression: " + e.getDescription());
            }
        }
        return new LabelMatcher(name, type, v, p);
    }

    public String name() {
        return name;
    }

    public MatchType type() {
        return type;
    }

    public String value() {
        return value;
    }

    /** Whether the label set satisfies this matcher (a missing label is the empty string). */
    public boolean matches(Map<String, String> labels) {
        return matchesValue(labels.get(name));
    }

    /** Whether a label value (null: the label is missing) satisfies this matcher. */
    public boolean matchesValue(String labelValue) {
        String v = labelValue == null ? "" : labelValue;
        return switch (type) {
            case EQUAL -> v.equals(value);
            case NOT_EQUAL -> !v.equals(value);
            case REGEX -> pattern.matcher(v).matches();
            case NOT_REGEX -> !pattern.matcher(v).matches();
        };
    }

    /** Whether this matcher matches the empty string, i.e. also alerts without the label. */
    public boolean matchesEmpty() {
        return matchesValue("");
    }

    /** Alertmanager's text form: {@code name="value"} with the value escaped. */
    @Override
    public String toString() {
        return name + type.operator() + quote(value);
    }

    /** Sorts like Alertmanager's {@code labels.Matchers}: by name, then value, then type. */
    @Override
    public int compareTo(LabelMatcher o) {
        int c = name.compareTo(o.name);
        if (c != 0) {
            return c;
        }
        c = value.compareTo(o.value);
        if (c != 0) {
            return c;
        }
        return Integer.compare(type.ordinal(), o.type.ordinal());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMatcher m && name.equals(m.name) && type == m.type && value.equals(m.value);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + value.hashCode()) * 31 + type.hashCode();
    }

    /** A double-quoted value with backslash, double quote and newline escaped (Alertmanager's openMetricsEscape). */
    static String quote(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
