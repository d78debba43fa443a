package io.nightwatch.schemas;

import java.util.List;

/** One filter of an alert rule on one label; EQUAL/NOT_EQUAL/REGEX/NOT_REGEX take one value, IN/NOT_IN many. */
public record LabelFilter(String label, FilterOp op, List<String> values) {

    public LabelFilter {
        values = values == null ? List.of() : values;
    }
}
