package io.nightwatch.functions.incidents.config;

/** The four kinds of label matcher, written as in Alertmanager: {@code =}, {@code !=}, {@code =~}, {@code !~}. */
public enum MatchType {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String operator;

    MatchType(String operator) {
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }

    /** The type of an Alertmanager API v2 matcher ({@code isRegex}, {@code isEqual}). */
    public static MatchType of(boolean isRegex, boolean isEqual) {
        if (isRegex) {
            return isEqual ? REGEX : NOT_REGEX;
        }
        return isEqual ? EQUAL : NOT_EQUAL;
    }
}
