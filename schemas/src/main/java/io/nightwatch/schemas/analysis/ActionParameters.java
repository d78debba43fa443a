package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisAction;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters each action accepts, and their bounds. Anything else is refused, so a decision cannot smuggle in
 * "replicas=0" or a day-long silence. Shared by the analyzer (validating a model's answer) and the guard.
 */
public final class ActionParameters {

    /** Most replicas one SCALE_OUT may add. */
    public static final int MAX_SCALE_OUT_REPLICAS = 3;
    /** Shortest and longest silence. */
    public static final Duration MIN_SILENCE = Duration.ofMinutes(1);
    public static final Duration MAX_SILENCE = Duration.ofHours(4);
    /** Longest hold duration a rule change may set. */
    public static final long MAX_FOR_SECONDS = 86_400;
    /** Longest free-text parameter (a notification message, a silence comment). */
    public static final int MAX_TEXT = 500;

    private static final Map<AnalysisAction, Set<String>> ALLOWED = Map.of(
            AnalysisAction.ROLLBACK_RELEASE, Set.of(),
            AnalysisAction.RESTART_INSTANCE, Set.of(),
            AnalysisAction.SCALE_OUT, Set.of("replicas"),
            AnalysisAction.ADJUST_RULE, Set.of("threshold", "forSeconds"),
            AnalysisAction.SILENCE, Set.of("duration", "comment"),
            AnalysisAction.NOTIFY, Set.of("message"),
            AnalysisAction.NONE, Set.of());

    private ActionParameters() {}

    /** The parameter names an action accepts. */
    public static Set<String> allowed(AnalysisAction action) {
        return ALLOWED.getOrDefault(action, Set.of());
    }

    /** What is wrong with the parameters of an action; empty when they are acceptable. */
    public static List<String> problems(AnalysisAction action, Map<String, String> parameters) {
        List<String> problems = new ArrayList<>();
        if (action == null) {
            return problems;
        }
        Map<String, String> params = parameters == null ? Map.of() : parameters;
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(allowed(action));
        if (!unknown.isEmpty()) {
            problems.add(action + " does not take parameter(s) " + Text.list(unknown)
                    + " (allowed: " + Text.list(new TreeSet<>(allowed(action))) + ")");
        }
        switch (action) {
            case SCALE_OUT -> integer(params, "replicas", true, 1, MAX_SCALE_OUT_REPLICAS, problems);
            case ADJUST_RULE -> {
                if (!params.containsKey("threshold") && !params.containsKey("forSeconds")) {
                    problems.add("ADJUST_RULE needs threshold or forSeconds");
                }
                if (params.containsKey("threshold")) {
                    number(params, "threshold", problems);
                }
                integer(params, "forSeconds", false, 0, MAX_FOR_SECONDS, problems);
            }
            case SILENCE -> {
                duration(params, "duration", problems);
                text(params, "comment", problems);
            }
            case NOTIFY -> text(params, "message", problems);
            default -> { }
        }
        return problems;
    }

    private static void integer(Map<String, String> params, String key, boolean required, long min, long max,
            List<String> problems) {
        String value = params.get(key);
        if (value == null) {
            if (required) {
                problems.add("parameter " + key + " is required (an integer from " + min + " to " + max + ")");
            }
            return;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                problems.add("parameter " + key + "=" + value + " is outside [" + min + ", " + max + "]");
            }
        } catch (NumberFormatException e) {
            problems.add("parameter " + key + "=" + Text.cut(value, 40) + " is not an integer");
        }
    }

    private static void number(Map<String, String> params, String key, List<String> problems) {
        String value = params.get(key);
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                problems.add("parameter " + key + " must be a finite number");
            }
        } catch (NumberFormatException | NullPointerException e) {
            problems.add("parameter " + key + "=" + Text.cut(value, 40) + " is not a number");
        }
    }

    private static void duration(Map<String, String> params, String key, List<String> problems) {
        String value = params.get(key);
        if (value == null) {
            problems.add("parameter " + key + " is required (an ISO-8601 duration from PT1M to PT4H)");
            return;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.compareTo(MIN_SILENCE) < 0 || d.compareTo(MAX_SILENCE) > 0) {
                problems.add("parameter " + key + "=" + value + " is outside [PT1M, PT4H]");
            }
        } catch (DateTimeParseException e) {
            problems.add("parameter " + key + "=" + Text.cut(value, 40) + " is not an ISO-8601 duration (e.g. PT30M)");
        }
    }

    private static void text(Map<String, String> params, String key, List<String> problems) {
        String value = params.get(key);
        if (value != null && value.length() > MAX_TEXT) {
            problems.add("parameter " + key + " is longer than " + MAX_TEXT + " characters");
        }
    }
}
