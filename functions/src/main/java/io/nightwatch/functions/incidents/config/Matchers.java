package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A conjunction of label matchers (all must match), sorted as Alertmanager sorts them; empty matches everything. */
public final class Matchers implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Matches every label set. */
    public static final Matchers ALL = new Matchers(List.of());

    private final List<LabelMatcher> matchers;

    private Matchers(List<LabelMatcher> sorted) {
        this.matchers = sorted;
    }

    public static Matchers of(List<LabelMatcher> matchers) {
        List<LabelMatcher> sorted = new ArrayList<>(matchers);
        Collections.sort(sorted);
        return new Matchers(List.copyOf(sorted));
    }

    /** Parses each line with {@link MatcherParser} and joins the results. */
    public static Matchers parse(List<String> lines) {
        List<LabelMatcher> all = new ArrayList<>();
        for (String line : lines) {
            all.addAll(MatcherParser.parse(line));
        }
        return of(all);
    }

    public List<LabelMatcher> list() {
        return matchers;
    }

    public boolean isEmpty() {
        return matchers.isEmpty();
    }

    /** Whether every matcher matches. */
    public boolean matches(Map<String, String> labels) {
        for (LabelMatcher m : matchers) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Alertmanager's text form: {@code {a="b",c=~"d"}}, in sorted order (part of a route's key). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < matchers.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(matchers.get(i));
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matchers m && matchers.equals(m.matchers);
    }

    @Override
    public int hashCode() {
        return matchers.hashCode();
    }
}
