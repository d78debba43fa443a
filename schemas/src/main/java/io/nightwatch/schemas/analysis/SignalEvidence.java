package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Evidence lines describing an incident's abnormal signals (names and figures only; never annotation text). */
final class SignalEvidence {

    static final int MAX_LINES = 6;

    private SignalEvidence() {}

    static List<String> lines(IncidentSignals signals) {
        List<String> lines = new ArrayList<>();
        for (Alert alert : signals.firing()) {
            if (lines.size() >= MAX_LINES / 2) {
                break;
            }
            String instance = alert.labels().getOrDefault(IncidentSignals.INSTANCE_LABEL, "the service");
            lines.add("alert " + alert.name() + (alert.severity() == null ? "" : " (" + alert.severity() + ")")
                    + " firing on " + instance + (alert.startsAt() == null ? "" : " since " + alert.startsAt()));
        }
        for (Anomaly anomaly : signals.anomalies()) {
            if (lines.size() >= MAX_LINES) {
                break;
            }
            lines.add(anomalyLine(anomaly));
        }
        return lines;
    }

    static String anomalyLine(Anomaly a) {
        StringBuilder line = new StringBuilder("anomaly on ").append(a.series()).append(": score ")
                .append(Text.num(a.score())).append(" >= threshold ").append(Text.num(a.threshold()));
        if (a.evidence() != null && !a.evidence().values().isEmpty()) {
            line.append(", recent values ").append(a.evidence().values().stream()
                    .map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", ")));
            line.append(" vs expected ").append(String.format(Locale.ROOT, "%.1f-%.1f",
                    a.evidence().expectedLow(), a.evidence().expectedHigh()));
        }
        return line.toString();
    }
}
