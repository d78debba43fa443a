package io.nightwatch.analyzer;

import java.util.List;

/** A request body the caller must fix: answered 400 with every problem found. */
public final class BadRequest extends RuntimeException {

    private final List<String> problems;

    public BadRequest(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
