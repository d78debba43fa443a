package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import java.util.List;
import java.util.Map;

/** Every alert has resolved and no anomaly is open: nothing to do. */
public final class AlreadyResolvedRule implements BuiltinRule {

    @Override
    public String name() {
        return "already-resolved";
    }

    @Override
    public RuleVerdict evaluate(AnalysisRequest request, IncidentSignals signals) {
        if (!signals.quiet()) {
            return RuleVerdict.noMatch(signals.firing().size() + " alert(s) firing, " + signals.anomalies().size()
                    + " anomaly(ies)");
        }
        return RuleVerdict.decide("every alert resolved, no anomaly", "the condition cleared by itself", 0.8,
                List.of(signals.resolved().size() + " alert(s), all resolved; no anomaly"),
                new AnalysisDecision(AnalysisAction.NONE, request.service(), Map.of(), "nothing is abnormal any more"));
    }
}
