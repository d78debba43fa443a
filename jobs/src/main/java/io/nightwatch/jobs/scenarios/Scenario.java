package io.nightwatch.jobs.scenarios;

/**
 * A demo scenario ({@code nightwatch demo --scenario NAME}): it drives a running demo into a situation and checks
 * that Nightwatch reacted as it should.
 */
public interface Scenario {

    /** The name given to {@code --scenario}. */
    String name();

    /** One line on what it shows. */
    String description();

    /**
     * Drives the demo and waits for the expected outcome; returns extra figures for the success line
     * (e.g. {@code incidents=3 alerts=2000}, may be empty), or throws {@link ScenarioFailed} with the reason.
     */
    String run(ScenarioContext ctx) throws Exception;
}
