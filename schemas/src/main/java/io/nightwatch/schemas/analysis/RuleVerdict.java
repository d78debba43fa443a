package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisDecision;
import java.util.List;

/** What one builtin rule concluded: no match (with why not), or a root cause, confidence, evidence and decision. */
public record RuleVerdict(
        boolean matched, String summary, String rootCause, double confidence, List<String> evidence,
        AnalysisDecision decision) {

    /** The rule does not apply, for the reason given. */
    public static RuleVerdict noMatch(String why) {
        return new RuleVerdict(false, why, null, 0, List.of(), null);
    }

    /** The rule applies and decides. */
    public static RuleVerdict decide(String summary, String rootCause, double confidence, List<String> evidence,
            AnalysisDecision decision) {
        return new RuleVerdict(true, summary, rootCause, confidence, List.copyOf(evidence), decision);
    }
}
