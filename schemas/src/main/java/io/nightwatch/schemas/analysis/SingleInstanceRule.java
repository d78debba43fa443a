package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Exactly one instance is abnormal and the service as a whole is not: that instance is stuck, restart it. */
public final class SingleInstanceRule implements BuiltinRule {

    @Override
    public String name() {
        return "single-instance";
    }

    @Override
    public RuleVerdict evaluate(AnalysisRequest request, IncidentSignals signals) {
        if (signals.affectedInstances().size() != 1) {
            return RuleVerdict.noMatch(signals.affectedInstances().size() + " abnormal instances ("
                    + Text.list(signals.affectedInstances()) + ")");
        }
        if (signals.serviceLevel()) {
            return RuleVerdict.noMatch("the service as a whole is abnormal too");
        }
        String instance = signals.affectedInstances().first();
        List<String> evidence = new ArrayList<>();
        evidence.add("only " + instance + " is abnormal (" + Text.list(signals.metrics()) + "); no release involved");
        evidence.addAll(SignalEvidence.lines(signals));
        return RuleVerdict.decide("only " + instance + " is abnormal", "instance " + instance
                + " misbehaves on its own (" + Text.list(signals.metrics()) + ")", 0.6, evidence,
                new AnalysisDecision(AnalysisAction.RESTART_INSTANCE, instance, Map.of(),
                        "one instance out of line with its peers and no release involved: a restart is the cheapest fix"));
    }
}
