package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One rule fired and resolved again and again ({@value #MIN_EPISODES}+ episodes, {@value #MIN_SHORT}+ of them
 * resolved within {@link #SHORT}): the rule is noisy, not the service — hold it longer before it fires. The request
 * must carry one alert per firing episode (distinct {@code startsAt}) for this to be seen.
 */
public final class FlappingAlertRule implements BuiltinRule {

    public static final int MIN_EPISODES = 3;
    public static final int MIN_SHORT = 2;
    public static final Duration SHORT = Duration.ofMinutes(10);
    /** Bounds of the proposed hold duration. */
    public static final long MIN_FOR_SECONDS = 300;
    public static final long MAX_FOR_SECONDS = 3600;

    @Override
    public String name() {
        return "flapping-alert";
    }

    @Override
    public RuleVerdict evaluate(AnalysisRequest request, IncidentSignals signals) {
        Map<String, Episodes> byRule = new TreeMap<>();
        for (Alert alert : request.alerts()) {
            if (alert == null || alert.startsAt() == null) {
                continue;
            }
            String rule = IncidentSignals.ruleOf(alert);
            if (Text.blank(rule)) {
                continue;
            }
            byRule.computeIfAbsent(rule, r -> new Episodes()).add(alert);
        }
        String worst = null;
        for (Map.Entry<String, Episodes> e : byRule.entrySet()) {
            Episodes ep = e.getValue();
            if (ep.starts.size() >= MIN_EPISODES && ep.shortOnes >= MIN_SHORT
                    && (worst == null || ep.starts.size() > byRule.get(worst).starts.size())) {
                worst = e.getKey();
            }
        }
        if (worst == null) {
            int most = byRule.values().stream().mapToInt(ep -> ep.starts.size()).max().orElse(0);
            return RuleVerdict.noMatch("no rule flaps (most episodes of one rule: " + most + ", needs " + MIN_EPISODES
                    + " with " + MIN_SHORT + " shorter than " + SHORT.toMinutes() + " min)");
        }
        Episodes ep = byRule.get(worst);
        long suggested = Math.min(MAX_FOR_SECONDS,
                Math.max(MIN_FOR_SECONDS, roundUpToMinute(2 * ep.longestShort.toSeconds())));
        long spanMinutes = Duration.between(ep.starts.first(), ep.starts.last()).toMinutes();
        String rootCause = "alert rule " + worst + " flaps: " + ep.starts.size() + " episodes in " + spanMinutes
                + " min, " + ep.shortOnes + " resolved within " + SHORT.toMinutes() + " min";
        List<String> evidence = new ArrayList<>();
        evidence.add(rootCause);
        evidence.add("longest short episode " + ep.longestShort.toSeconds() + " s; proposed hold " + suggested + " s");
        String reason = "a rule that fires and resolves within minutes pages people for nothing; holding it "
                + suggested + " s keeps real incidents and drops the flaps";
        return RuleVerdict.decide(worst + " flaps (" + ep.starts.size() + " episodes)", rootCause, 0.7, evidence,
                new AnalysisDecision(AnalysisAction.ADJUST_RULE, worst, Map.of("forSeconds", Long.toString(suggested)), reason));
    }

    private static long roundUpToMinute(long seconds) {
        return ((seconds + 59) / 60) * 60;
    }

    /** The firing episodes of one rule. */
    private static final class Episodes {
        final TreeSet<Instant> starts = new TreeSet<>();
        int shortOnes;
        Duration longestShort = Duration.ZERO;

        void add(Alert alert) {
            boolean isNew = starts.add(alert.startsAt());
            if (isNew && alert.status() == AlertStatus.RESOLVED && alert.endsAt() != null) {
                Duration length = Duration.between(alert.startsAt(), alert.endsAt());
                if (!length.isNegative() && length.compareTo(SHORT) < 0) {
                    shortOnes++;
                    if (length.compareTo(longestShort) > 0) {
                        longestShort = length;
                    }
                }
            }
        }
    }
}
