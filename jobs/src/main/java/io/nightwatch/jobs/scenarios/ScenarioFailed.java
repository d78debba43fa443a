package io.nightwatch.jobs.scenarios;

/** A scenario whose expected outcome did not happen; the message says what was seen instead. */
public final class ScenarioFailed extends Exception {
    public ScenarioFailed(String message) {
        super(message);
    }
}
