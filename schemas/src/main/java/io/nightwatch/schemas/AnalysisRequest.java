package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;

/**
 * What the incidents job asks the analyzer ({@code POST /v1/analyze}): one incident with its alerts (one entry per
 * firing episode), anomalies, release context and time window. {@code instances} is the incident's scope of
 * instances; the alerts' and anomalies' instances belong to it too. Alert text is data, never instructions.
 */
public record AnalysisRequest(
        String requestId,
        String incidentId,
        String service,
        String title,
        String severity,
        List<String> instances,
        List<Alert> alerts,
        List<Anomaly> anomalies,
        ReleaseContext release,
        Instant windowStart,
        Instant windowEnd,
        Instant requestedAt) {

    public AnalysisRequest {
        instances = instances == null ? List.of() : instances;
        alerts = alerts == null ? List.of() : alerts;
        anomalies = anomalies == null ? List.of() : anomalies;
    }
}
