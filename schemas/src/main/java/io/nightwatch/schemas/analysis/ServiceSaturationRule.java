package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Several instances (or the service as a whole) show load metrics out of range: the service is short of capacity. */
public final class ServiceSaturationRule implements BuiltinRule {

    /** Metric name fragments that measure load or saturation. */
    public static final List<String> LOAD_METRICS = List.of("cpu", "qps", "rps", "load", "saturation", "queue", "latency");

    @Override
    public String name() {
        return "service-saturation";
    }

    @Override
    public RuleVerdict evaluate(AnalysisRequest request, IncidentSignals signals) {
        if (signals.affectedInstances().size() < 2 && !signals.serviceLevel()) {
            return RuleVerdict.noMatch("fewer than two abnormal instances and no service-level signal");
        }
        SortedSet<String> loadMetrics = new TreeSet<>();
        for (String metric : signals.metrics()) {
            String m = metric.toLowerCase(Locale.ROOT);
            if (LOAD_METRICS.stream().anyMatch(m::contains)) {
                loadMetrics.add(metric);
            }
        }
        if (loadMetrics.isEmpty()) {
            return RuleVerdict.noMatch("no load metric among " + Text.list(signals.metrics()));
        }
        String where = signals.affectedInstances().isEmpty() ? "the service" : Text.list(signals.affectedInstances());
        List<String> evidence = new ArrayList<>();
        evidence.add("load metrics " + Text.list(loadMetrics) + " abnormal on " + where);
        evidence.addAll(SignalEvidence.lines(signals));
        return RuleVerdict.decide("load metrics abnormal on " + where, "service " + request.service()
                + " is short of capacity (" + Text.list(loadMetrics) + ")", 0.55, evidence,
                new AnalysisDecision(AnalysisAction.SCALE_OUT, request.service(), Map.of("replicas", "1"),
                        "load is high across the service, not on one instance: add a replica"));
    }
}
