package io.nightwatch.jobs.incidents.parity;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Matcher;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated alert stream and the configuration both systems run it with: the Alertmanager configuration (routes,
 * group_by, waits, inhibition; the receivers are filled in per run), the silences, and two phases of posts — phase 1
 * fires every alert (with repeats), phase 2 (after every group's first flush) resolves some, fires new ones and
 * repeats others — plus the waits that keep each phase inside a group's flush interval.
 */
public record ParityPlan(
        String routing,
        List<SilenceSpec> silences,
        List<PlannedAlert> phase1,
        List<PlannedAlert> phase2,
        Duration groupWait,
        Duration groupInterval,
        int distinctAlerts,
        int distinctGroups) {

    /** A silence: its matchers, active for the whole run. */
    public record SilenceSpec(List<Matcher> matchers, String comment) {}

    public int total() {
        return phase1.size() + phase2.size();
    }

    /** Every alert's labels by Nightwatch fingerprint (to read Nightwatch's notifications back as label sets). */
    public Map<String, Map<String, String>> labelsByFingerprint() {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (List<PlannedAlert> phase : List.of(phase1, phase2)) {
            for (PlannedAlert a : phase) {
                out.putIfAbsent(Alert.fingerprintOf(a.labels()), a.labels());
            }
        }
        return out;
    }

    /** The Alertmanager configuration with every receiver posting to {@code webhookUrl}. */
    public String alertmanagerYaml(String webhookUrl) {
        StringBuilder sb = new StringBuilder(routing).append("receivers:\n");
        for (String r : List.of("default", "db", "pager", "blackhole")) {
            sb.append("  - name: ").append(r).append('\n')
                    .append("    webhook_configs:\n")
                    .append("      - url: '").append(webhookUrl).append("'\n")
                    .append("        send_resolved: true\n")
                    .append("        max_alerts: 0\n");
        }
        return sb.toString();
    }

    /** The same configuration for Nightwatch (receivers by name only). */
    public String nightwatchYaml() {
        return routing + "receivers: [{name: default}, {name: db}, {name: pager}, {name: blackhole}]\n";
    }
}
