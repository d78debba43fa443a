package io.nightwatch.functions.decisions;

import io.nightwatch.functions.guard.GuardVerdict;
import io.nightwatch.functions.guard.Verdict;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guard's entries in the event log: {@code GUARD_VERDICT} (the verdict, the decision it judged, the reasons, and
 * every check in order as detail) and, for an escalation, {@code ESCALATED} (the action cannot be done
 * automatically — a rollback of a release that is no longer active — and a human takes over). Pure.
 */
public final class GuardEvents {

    private GuardEvents() {}

    public static IncidentEvent verdict(AnalysisRequest q, GuardVerdict v) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("verdict", v.verdict().name());
        a.put("action", String.valueOf(v.action()));
        if (v.target() != null) {
            a.put("target", v.target());
        }
        a.put("confidence", Text.num(v.confidence()));
        a.put("provider", String.valueOf(v.provider()));
        a.put("requiresApproval", Boolean.toString(v.requiresApproval()));
        if (!v.reasons().isEmpty()) {
            a.put("reasons", Text.cut(String.join("; ", v.reasons()), 500));
        }
        return AnalysisEvents.event(q, IncidentEventType.GUARD_VERDICT, AnalysisEvents.requestAt(q), null, v.at(),
                AnalysisEvents.fingerprints(q), a, Json.toString(v));
    }

    /** The hand-over to a human of a decision the guard escalated (null unless the verdict is ESCALATE). */
    public static IncidentEvent escalation(AnalysisRequest q, GuardVerdict v) {
        if (v.verdict() != Verdict.ESCALATE) {
            return null;
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("action", String.valueOf(v.action()));
        if (v.target() != null) {
            a.put("target", v.target());
        }
        if (q.release() != null && q.release().release() != null) {
            a.put("release", q.release().release());
        }
        a.put("reason", Text.cut(String.join("; ", v.reasons()), 500));
        a.put("by", "guard");
        return AnalysisEvents.event(q, IncidentEventType.ESCALATED, AnalysisEvents.requestAt(q), String.valueOf(v.action()),
                v.at(), AnalysisEvents.fingerprints(q), a, Json.toString(v));
    }
}
