package io.nightwatch.api.rules;

import io.nightwatch.schemas.FilterOp;
import io.nightwatch.schemas.LabelFilter;
import io.nightwatch.schemas.RuleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What is wrong with a rule body, every problem named with its field: the same checks the metrics job applies to
 * {@code nw.rules} (so a rule the store accepts is never a dead letter there), plus the store's own (id format,
 * policy).
 */
public final class RuleValidator {

    /** Rule ids: what the API puts in URLs and Kafka keys. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> FIELDS = Set.of("count", "sum", "min", "max", "avg", "p50", "p90", "p99");
    private static final long MAX_FOR_SECONDS = 86_400;

    private RuleValidator() {}

    public static List<String> problems(RuleBody b) {
        List<String> p = new ArrayList<>();
        if (b.id() == null || !ID.matcher(b.id()).matches()) {
            p.add("id: required, letters, digits and . _ : - (at most 128), got " + quote(b.id()));
        }
        if (b.name() == null || b.name().isBlank()) {
            p.add("name: required");
        }
        if (b.metric() == null || b.metric().isBlank()) {
            p.add("metric: required");
        }
        if (b.resolution() == null) {
            p.add("resolution: required (1m, 5m, 15m, 1h or 1d)");
        }
        RuleCondition c = b.condition();
        if (c == null) {
            p.add("condition: required ({\"kind\":\"THRESHOLD\",\"field\":\"avg\",\"comparison\":\"GT\",\"threshold\":500})");
        } else {
            if (c.kind() == null) {
                p.add("condition.kind: required (THRESHOLD or RING_RATIO)");
            }
            if (c.field() == null || !FIELDS.contains(c.field())) {
                p.add("condition.field: one of " + FIELDS + ", got " + quote(c.field()));
            }
            if (c.comparison() == null) {
                p.add("condition.comparison: required (GT, GTE, LT, LTE)");
            }
            if (!Double.isFinite(c.threshold())) {
                p.add("condition.threshold: must be a finite number");
            }
            if (c.kind() == io.nightwatch.schemas.ConditionKind.RING_RATIO && c.periodSeconds() <= 0) {
                p.add("condition.periodSeconds: RING_RATIO needs a period of more than 0 seconds");
            }
        }
        if (b.forSeconds() != null && (b.forSeconds() < 0 || b.forSeconds() > MAX_FOR_SECONDS)) {
            p.add("forSeconds: must be within [0, " + MAX_FOR_SECONDS + "], got " + b.forSeconds());
        }
        if (b.filters() != null) {
            for (int i = 0; i < b.filters().size(); i++) {
                filter(p, "filters[" + i + "]", b.filters().get(i));
            }
        }
        if (b.labels() != null) {
            b.labels().keySet().stream().filter(k -> !LABEL.matcher(k).matches())
                    .forEach(k -> p.add("labels: invalid label name " + quote(k)));
        }
        if (b.policy() != null && !b.policy().equals(StoredRule.AUTO) && !b.policy().equals(StoredRule.APPROVAL)) {
            p.add("policy: auto or approval, got " + quote(b.policy()));
        }
        if (b.version() != null && b.version() < 1) {
            p.add("version: must be 1 or more");
        }
        return p;
    }

    private static void filter(List<String> p, String at, LabelFilter f) {
        if (f == null) {
            p.add(at + ": null");
            return;
        }
        if (f.label() == null || !LABEL.matcher(f.label()).matches()) {
            p.add(at + ".label: invalid label name " + quote(f.label()));
        }
        if (f.op() == null) {
            p.add(at + ".op: required (EQUAL, NOT_EQUAL, IN, NOT_IN, REGEX, NOT_REGEX)");
            return;
        }
        boolean many = f.op() == FilterOp.IN || f.op() == FilterOp.NOT_IN;
        if (many ? f.values().isEmpty() : f.values().size() != 1) {
            p.add(at + ".values: " + f.op() + (many ? " needs at least one value" : " needs exactly one value"));
        }
        if (f.op() == FilterOp.REGEX || f.op() == FilterOp.NOT_REGEX) {
            for (String v : f.values()) {
                try {
                    Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    p.add(at + ".values: not a regular expression: " + quote(v));
                }
            }
        }
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
