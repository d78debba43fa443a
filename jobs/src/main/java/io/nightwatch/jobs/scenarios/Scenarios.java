package io.nightwatch.jobs.scenarios;

import java.util.List;
import java.util.Optional;

/** Every demo scenario, by name. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new BadCanaryScenario(),
            new GoodReleaseScenario(),
            new CompletedReleaseFaultScenario(),
            new AlertStormScenario(),
            new AnalyzerRollbackScenario(),
            new FlappingRuleScenario(),
            new PromptInjectionScenario(),
            new AnalyzerDownScenario());

    private Scenarios() {}

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The names, for help and error messages. */
    public static String names() {
        return ALL.isEmpty() ? "(none yet)" : String.join(", ", ALL.stream().map(Scenario::name).toList());
    }
}
