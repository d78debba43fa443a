package io.nightwatch.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertNormalizerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:41:00Z");

    private static JsonNode json(String s) throws Exception {
        return Json.mapper().readTree(s);
    }

    @Test
    void readsWhatPrometheusPostsToAnAlertmanager() throws Exception {
        Normalized n = AlertNormalizer.prometheus(json("""
                [{"labels":{"alertname":"HighLatency","service":"checkout","instance":"c-1","severity":"critical","empty":""},
                  "annotations":{"summary":"p99 above 500 ms"},
                  "startsAt":"2026-11-22T05:40:00.123456789Z","endsAt":"2026-11-22T05:44:00Z",
                  "generatorURL":"http://prometheus:9090/graph?g0.expr=x"},
                 {"labels":{"alertname":"Old"},"startsAt":"2026-11-22T05:00:00+01:00","endsAt":"2026-11-22T04:30:00Z"}]"""),
                NOW, "prometheus");
        assertThat(n.refused()).isEmpty();
        Alert a = n.alerts().get(0);
        assertThat(a.labels()).isEqualTo(Map.of("alertname", "HighLatency", "service", "checkout", "instance", "c-1",
                "severity", "critical"));
        assertThat(a.fingerprint()).isEqualTo(Alert.fingerprintOf(a.labels()));
        assertThat(a.name()).isEqualTo("HighLatency");
        assertThat(a.severity()).isEqualTo("critical");
        assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-11-22T05:40:00.123456789Z"));
        assertThat(a.source()).isEqualTo("prometheus");
        assertThat(a.generatorUrl()).isEqualTo("http://prometheus:9090/graph?g0.expr=x");
        Alert old = n.alerts().get(1);
        assertThat(old.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(old.startsAt()).isEqualTo(Instant.parse("2026-11-22T04:00:00Z"));
    }

    @Test
    void readsAlertmanagersWebhookWithGosZeroTimeAsUnset() throws Exception {
        Normalized n = AlertNormalizer.webhook(json("""
                {"version":"4","groupKey":"{}:{alertname=\\"A\\"}","status":"firing","receiver":"hook",
                 "groupLabels":{"alertname":"A"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am",
                 "alerts":[{"status":"firing","labels":{"alertname":"A","job":"x"},"annotations":{},
                            "startsAt":"2026-11-22T05:40:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"",
                            "fingerprint":"e50409cd53018547"},
                           {"status":"resolved","labels":{"alertname":"A","job":"y"},"annotations":{},
                            "startsAt":"2026-11-22T05:30:00Z","endsAt":"2026-11-22T05:39:00Z"}]}"""), NOW);
        assertThat(n.alerts()).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(n.alerts().get(0).endsAt()).isNull();
        assertThat(n.alerts().get(0).generatorUrl()).isNull();
        assertThat(n.alerts().get(0).source()).isEqualTo("alertmanager");
    }

    @Test
    void readsTheGenericFormAndMakesLabelsOfItsNamedFields() throws Exception {
        Normalized n = AlertNormalizer.generic(json("""
                {"name":"DiskFull","severity":"warning","service":"search","instance":"s-2","summary":"disk at 97%",
                 "labels":{"mount":"/data"},"status":"resolved","source":"zabbix"}"""), NOW);
        Alert a = n.alerts().get(0);
        assertThat(a.labels()).isEqualTo(Map.of("alertname", "DiskFull", "severity", "warning", "service", "search",
                "instance", "s-2", "mount", "/data"));
        assertThat(a.annotations()).containsEntry("summary", "disk at 97%");
        assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.endsAt()).isEqualTo(NOW);
        assertThat(a.source()).isEqualTo("zabbix");
    }

    @Test
    void refusesEachBadAlertByIndexAndKeepsTheOthers() throws Exception {
        Normalized n = AlertNormalizer.prometheus(json("""
                [{"labels":{"alertname":"ok"}},
                 {"labels":{}},
                 {"labels":{"1bad":"x"}},
                 {"labels":{"a":"1"},"startsAt":"yesterday"},
                 {"labels":{"a":"1"},"startsAt":"2026-11-22T05:40:00Z","endsAt":"2026-11-22T05:00:00Z"},
                 {"labels":{"a":7}},
                 "not an object"]"""), NOW, "prometheus");
        assertThat(n.alerts()).hasSize(1);
        assertThat(n.refused()).containsExactly(
                "[1] at least one label pair required",
                "[2] invalid label name '1bad'",
                "[3] field 'startsAt': not an RFC 3339 time: yesterday",
                "[4] endsAt 2026-11-22T05:00:00Z is before startsAt 2026-11-22T05:40:00Z",
                "[5] field 'labels.a': expected a string, got number",
                "[6] expected an object");
        assertThatThrownBy(() -> AlertNormalizer.prometheus(json("{\"labels\":{}}"), NOW, "p"))
                .hasMessage("expected a JSON list of alerts, as Prometheus sends to Alertmanager");
        assertThatThrownBy(() -> AlertNormalizer.webhook(json("{\"receiver\":\"x\"}"), NOW)).hasMessage("field 'alerts': expected a list");
        assertThat(AlertNormalizer.generic(json("{\"labels\":{\"service\":\"x\"}}"), NOW).refused())
                .containsExactly("[0] missing 'name' (or labels.alertname)");
    }
}
