package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisRequest;

/** One deterministic rule of the builtin analyzer; rules are tried in order and the first match decides. */
public interface BuiltinRule {

    /** A stable name, shown as the step's name in the event log. */
    String name();

    /** The rule's verdict on a request; never throws for a request that passed validation, nor for a partial one. */
    RuleVerdict evaluate(AnalysisRequest request, IncidentSignals signals);
}
