package io.nightwatch.functions.incidents.lifecycle;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.functions.incidents.config.PrioritySettings;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.Notification;
import io.nightwatch.functions.incidents.model.NotificationKind;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {

    private final AlertInstance warning = alert("alertname=HighLatency", "service=checkout", "instance=c-2", "severity=warning", "zone=a")
            .annotation("summary", "p99 slow").build();
    private final AlertInstance critical = alert("alertname=HighLatency", "service=checkout", "instance=c-1", "severity=critical", "zone=a")
            .build();

    private Notification opened() {
        return new Notification("inc-1", NotificationKind.OPENED, false, "{}:{alertname=\"HighLatency\"}", 0, "hook",
                Map.of("alertname", "HighLatency"), BEGINNING, BEGINNING, 1, List.of(warning, critical), List.of(),
                Map.of("f0", "silenced by s1"), List.of(warning.fingerprint(), critical.fingerprint()));
    }

    @Test
    void headlinesTheIncidentFromItsAlerts() {
        IncidentUpdate u = IncidentLifecycle.update(opened(), PrioritySettings.DEFAULT, "incident|inc-1");
        assertThat(u.title()).isEqualTo("HighLatency on checkout");
        assertThat(u.service()).isEqualTo("checkout");
        assertThat(u.severity()).isEqualTo("critical");
        assertThat(u.priority()).isZero();
        assertThat(u.instances()).containsExactly("c-1", "c-2");
        assertThat(u.commonLabels()).isEqualTo(Map.of("alertname", "HighLatency", "service", "checkout", "zone", "a"));
        assertThat(u.description()).isEqualTo("p99 slow"); // the first summary found, alerts taken by fingerprint
        assertThat(u.firing()).containsExactlyInAnyOrder(warning.fingerprint(), critical.fingerprint());
    }

    @Test
    void logsTheNotificationWithTheAlertsLabelsTheFirstTime() throws Exception {
        Notification n = opened();
        IncidentUpdate u = IncidentLifecycle.update(n, PrioritySettings.DEFAULT, "incident|inc-1");
        IncidentEvent e = IncidentLifecycle.event(n, u);
        assertThat(e.eventId()).isEqualTo("inc-1:OPENED:" + BEGINNING);
        assertThat(e.type()).isEqualTo(IncidentEventType.OPENED);
        assertThat(e.attributes()).containsEntry("firing", "2").containsEntry("muted", "1").containsEntry("receiver", "hook");
        JsonNode detail = Json.mapper().readTree(e.detail());
        assertThat(detail.get("firing")).hasSize(2);
        assertThat(detail.get("muted").get("f0").asText()).isEqualTo("silenced by s1");
        JsonNode alert = detail.get("alerts").get(warning.fingerprint());
        assertThat(alert.get("labels").get("instance").asText()).isEqualTo("c-2");
        assertThat(alert.get("labels").has("alertname")).as("group labels are on the incident, not repeated").isFalse();
        assertThat(alert.get("summary").asText()).isEqualTo("p99 slow");
        assertThat(alert.get("startsAt").asText()).isEqualTo(java.time.Instant.ofEpochMilli(BEGINNING).toString());
    }

    @Test
    void rowsCarryTheStatus() {
        IncidentUpdate u = IncidentLifecycle.update(opened(), PrioritySettings.DEFAULT, "k");
        IncidentRow open = IncidentLifecycle.row(u);
        assertThat(open.status()).isEqualTo("open");
        assertThat(open.alertCount()).isEqualTo(2);
        assertThat(open.resolvedAt()).isNull();
        IncidentUpdate closed = u.at(BEGINNING + 1, NotificationKind.RESOLVED);
        assertThat(IncidentLifecycle.row(closed).status()).isEqualTo("resolved");
        assertThat(IncidentLifecycle.row(closed).resolvedAt()).isEqualTo(BEGINNING + 1);
    }
}
