package io.nightwatch.functions.incidents.intake;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.Json;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@code Anomaly} from {@code nw.anomalies} into an alert: {@code alertname="AnomalyDetected"} with the
 * series' service, instance, metric and labels and the detector; severity {@code warning} (or the series'
 * {@code severity} label); it starts at the anomaly's window start and, like an alert sent without an end, resolves
 * {@code resolve_timeout} after its last report. Repeated anomalies of one series are the same alert.
 */
public final class AnomalyAlerts {

    public static final String ALERT_NAME = "AnomalyDetected";
    public static final String SOURCE = "nightwatch-anomaly";

    private final AlertRecordParser labelsCheck;
    private final long resolveTimeoutMs;

    public AnomalyAlerts(AlertLimits limits, Duration resolveTimeout) {
        this.labelsCheck = new AlertRecordParser(limits, resolveTimeout);
        this.resolveTimeoutMs = resolveTimeout.toMillis();
    }

    /** Parses and normalizes one anomaly record ingested at {@code receivedAt}. */
    public AlertInstance parse(byte[] value, long receivedAt) throws BadRecordException {
        if (value == null || value.length == 0) {
            throw new BadRecordException("empty record");
        }
        Anomaly a;
        try {
            a = Json.fromBytes(value, Anomaly.class);
        } catch (UncheckedIOException e) {
            throw new BadRecordException("malformed JSON: " + AlertRecordParser.firstLine(e.getCause().getMessage()));
        } catch (RuntimeException e) {
            throw new BadRecordException("not an anomaly: " + AlertRecordParser.firstLine(e.getMessage()));
        }
        if (a == null || a.service() == null || a.service().isBlank()) {
            throw new BadRecordException("missing field 'service'");
        }
        if (a.metric() == null || a.metric().isBlank()) {
            throw new BadRecordException("missing field 'metric'");
        }
        if (a.windowStart() == null) {
            throw new BadRecordException("missing field 'windowStart'");
        }
        Map<String, String> raw = new HashMap<>(a.labels());
        raw.put("alertname", ALERT_NAME);
        raw.put("service", a.service());
        raw.put("metric", a.metric());
        if (a.instance() != null && !a.instance().isBlank()) {
            raw.put("instance", a.instance());
        }
        if (a.detector() != null) {
            raw.put("detector", a.detector());
        }
        raw.putIfAbsent("severity", "warning");
        Map<String, String> labels = labelsCheck.labels(raw);
        Map<String, String> annotations = new HashMap<>();
        annotations.put("summary", String.format(Locale.ROOT, "Anomalous %s on %s (score %.3f, threshold %.3f, detector %s)",
                a.metric(), a.instance() == null || a.instance().isBlank() ? a.service() : a.instance(), a.score(),
                a.threshold(), a.detector()));
        if (a.anomalyId() != null) {
            annotations.put("anomaly_id", a.anomalyId());
        }
        if (a.series() != null) {
            annotations.put("series", a.series());
        }
        long startsAt = a.windowStart().toEpochMilli();
        return new AlertInstance(Alert.fingerprintOf(labels), labels, annotations, startsAt,
                Math.max(receivedAt, startsAt) + resolveTimeoutMs, true, receivedAt, SOURCE, null);
    }
}
