package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The last rule: nothing else explains the signals, so a human should look. */
public final class NotifyHumanRule implements BuiltinRule {

    @Override
    public String name() {
        return "notify-human";
    }

    @Override
    public RuleVerdict evaluate(AnalysisRequest request, IncidentSignals signals) {
        List<String> evidence = new ArrayList<>(SignalEvidence.lines(signals));
        if (evidence.isEmpty()) {
            evidence.add("no signal detail in the request");
        }
        return RuleVerdict.decide("no other rule applies", "no builtin rule explains the signals ("
                + Text.list(signals.metrics()) + " on " + (signals.affectedInstances().isEmpty()
                        ? "the service" : Text.list(signals.affectedInstances())) + ")", 0.3, evidence,
                new AnalysisDecision(AnalysisAction.NOTIFY, request.service(), Map.of(),
                        "no safe automatic action is indicated; a human should look"));
    }
}
