package io.nightwatch.functions.rules;

import io.nightwatch.schemas.FilterOp;
import io.nightwatch.schemas.LabelFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A label filter ready to evaluate: value sets hashed, regexes compiled and anchored (full match, as Prometheus). */
public final class CompiledFilter {

    private final String label;
    private final FilterOp op;
    private final Set<String> values;
    private final Pattern pattern;

    private CompiledFilter(String label, FilterOp op, Set<String> values, Pattern pattern) {
        this.label = label;
        this.op = op;
        this.values = values;
        this.pattern = pattern;
    }

    /** Validates and compiles a filter. */
    public static CompiledFilter compile(LabelFilter f) throws InvalidRuleException {
        if (f.label() == null || f.label().isBlank()) {
            throw new InvalidRuleException("filter without a label name");
        }
        if (f.op() == null) {
            throw new InvalidRuleException("filter on '" + f.label() + "' has no op");
        }
        List<String> vs = f.values();
        boolean single = f.op() == FilterOp.EQUAL || f.op() == FilterOp.NOT_EQUAL || f.op() == FilterOp.REGEX
                || f.op() == FilterOp.NOT_REGEX;
        if (single && vs.size() != 1) {
            throw new InvalidRuleException("filter " + f.op() + " on '" + f.label() + "' needs exactly one value, got " + vs.size());
        }
        if (!single && vs.isEmpty()) {
            throw new InvalidRuleException("filter " + f.op() + " on '" + f.label() + "' needs at least one value");
        }
        Pattern p = null;
        if (f.op() == FilterOp.REGEX || f.op() == FilterOp.NOT_REGEX) {
            try {
                p = Pattern.compile(vs.get(0));
            } catch (PatternSyntaxException e) {
                throw new InvalidRuleException("filter on '" + f.label() + "': bad regex: " + e.getDescription());
            }
        }
        return new CompiledFilter(f.label(), f.op(), Set.copyOf(vs), p);
    }

    public String label() {
        return label;
    }

    public FilterOp op() {
        return op;
    }

    public Set<String> values() {
        return values;
    }

    /** Whether these labels pass the filter; a missing label reads as the empty string (as in Prometheus). */
    public boolean matches(Map<String, String> labels) {
        String v = labels.getOrDefault(label, "");
        return switch (op) {
            case EQUAL, IN -> values.contains(v);
            case NOT_EQUAL, NOT_IN -> !values.contains(v);
            case REGEX -> pattern.matcher(v).matches();
            case NOT_REGEX -> !pattern.matcher(v).matches();
        };
    }

    /** Whether the filter can anchor the rule in the hash index (a positive equality). */
    boolean isHashable() {
        return op == FilterOp.EQUAL || op == FilterOp.IN;
    }
}
