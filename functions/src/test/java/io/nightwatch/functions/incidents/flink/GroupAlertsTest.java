package io.nightwatch.functions.incidents.flink;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static io.nightwatch.functions.incidents.TestAlerts.SECOND;
import static io.nightwatch.functions.incidents.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.config.IncidentsConfigParser;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.MuteSignal;
import io.nightwatch.functions.incidents.model.NotificationKind;
import io.nightwatch.functions.incidents.model.RoutedAlert;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Matcher;
import io.nightwatch.schemas.Silence;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grouping operator in a harness: group_wait 30s, group_interval 1m; critical inhibits warning per service. */
class GroupAlertsTest {

    private final IncidentsConfig config = IncidentsConfigParser.parse("""
            route: {receiver: hook, group_by: [alertname], group_wait: 30s, group_interval: 1m, repeat_interval: 1h}
            inhibit_rules:
              - source_matchers: [severity="critical"]
                target_matchers: [severity="warning"]
                equal: [service]
            """, "test");
    private KeyedBroadcastOperatorTestHarness<String, RoutedAlert, MuteSignal, IncidentUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new GroupAlerts(config),
                new Keys.GroupId(), Types.STRING, MuteStates.SILENCES, MuteStates.SOURCES);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(AlertInstance a) throws Exception {
        RouteAlerts router = new RouteAlerts(config);
        for (var route : config.routes().match(a.labels())) {
            harness.processElement(new RoutedAlert(RouteAlerts.groupId(route, route.groupLabels(a.labels())), route.index(), a),
                    a.receivedAt());
        }
        if (config.isInhibitionSource(a.labels())) {
            harness.processBroadcastElement(MuteSignal.ofSource(a), a.receivedAt());
        }
    }

    private List<String> fingerprintsOf(List<AlertInstance> alerts) {
        return alerts.stream().map(AlertInstance::fingerprint).toList();
    }

    @Test
    void groupsMutesNotifiesAndClearsEveryGroupsStateAndTimersWhenItsAlertsResolve() throws Exception {
        harness.processBroadcastElement(MuteSignal.ofSilence(new Silence("s1", List.of(new Matcher("service", "search", false, true)),
                Instant.ofEpochMilli(BEGINNING - MINUTE), Instant.ofEpochMilli(BEGINNING + 60 * MINUTE), "alice", "reindex", null),
                BEGINNING), BEGINNING);
        AlertInstance warning = alert("alertname=A", "service=checkout", "severity=warning", "instance=1").at(BEGINNING).build();
        AlertInstance critical = alert("alertname=A", "service=checkout", "severity=critical", "instance=2").at(BEGINNING + SECOND).build();
        AlertInstance silenced = alert("alertname=B", "service=search", "instance=3").at(BEGINNING + 2 * SECOND).build();
        send(warning);
        send(critical);
        send(silenced);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.watermark(BEGINNING + 30 * SECOND);
        List<IncidentUpdate> first = harness.extractOutputValues();
        assertThat(first).hasSize(1);
        IncidentUpdate opened = first.get(0);
        assertThat(opened.kind()).isEqualTo(NotificationKind.OPENED);
        assertThat(opened.firing()).containsExactly(critical.fingerprint());
        assertThat(opened.mutedCount()).isEqualTo(1);
        assertThat(opened.severity()).isEqualTo("critical");
        List<IncidentEvent> events = Harnesses.drain(harness, IncidentTags.EVENTS);
        assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEventType.OPENED);
        assertThat(events.get(0).detail()).contains("inhibited by " + critical.fingerprint());

        // the critical alert resolves: the warning is no longer inhibited
        send(alert("alertname=A", "service=checkout", "severity=critical", "instance=2").at(BEGINNING + 40 * SECOND)
                .startsAt(BEGINNING + SECOND).endsAt(BEGINNING + 40 * SECOND).build());
        harness.getOutput().clear();
        harness.watermark(BEGINNING + 90 * SECOND);
        IncidentUpdate second = harness.extractOutputValues().get(0);
        assertThat(second.kind()).isEqualTo(NotificationKind.NOTIFIED);
        assertThat(second.firing()).containsExactly(warning.fingerprint());
        assertThat(second.resolved()).containsExactly(critical.fingerprint());

        send(alert("alertname=A", "service=checkout", "severity=warning", "instance=1").at(BEGINNING + 100 * SECOND)
                .startsAt(BEGINNING).endsAt(BEGINNING + 100 * SECOND).build());
        send(alert("alertname=B", "service=search", "instance=3").at(BEGINNING + 100 * SECOND)
                .startsAt(BEGINNING).endsAt(BEGINNING + 100 * SECOND).build());
        harness.getOutput().clear();
        harness.watermark(BEGINNING + 160 * SECOND); // A flushes at 150 s, B (created 2 s later) at 152 s
        List<IncidentUpdate> last = harness.extractOutputValues();
        assertThat(last).extracting(IncidentUpdate::kind).containsExactly(NotificationKind.RESOLVED);
        assertThat(last.get(0).incidentId()).isEqualTo(opened.incidentId());

        assertThat(Harnesses.keyedStateEntries(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLaterSilenceDoesNotMuteAnEarlierFlushButMutesLaterOnes() throws Exception {
        AlertInstance a = alert("alertname=A", "service=checkout", "instance=1").at(BEGINNING).endsAt(BEGINNING + 60 * MINUTE).build();
        send(a);
        harness.processBroadcastElement(MuteSignal.ofSilence(new Silence("s2", List.of(new Matcher("alertname", "A", false, true)),
                Instant.ofEpochMilli(BEGINNING + 40 * SECOND), Instant.ofEpochMilli(BEGINNING + 60 * MINUTE), "bob", "", null),
                BEGINNING + 40 * SECOND), BEGINNING + 40 * SECOND);
        harness.watermark(BEGINNING + 30 * SECOND);
        assertThat(harness.extractOutputValues()).extracting(IncidentUpdate::kind).containsExactly(NotificationKind.OPENED);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void theEndOfABoundedInputFastForwardsEveryGroupToItsResolutionAndClearsIt() throws Exception {
        send(alert("alertname=A", "service=checkout", "instance=1").at(BEGINNING).build());
        send(alert("alertname=A", "service=checkout", "instance=1").at(BEGINNING + 40 * SECOND).startsAt(BEGINNING)
                .endsAt(BEGINNING + 40 * SECOND).build());
        send(alert("alertname=B", "service=checkout", "instance=2").at(BEGINNING).endsAt(BEGINNING + 1000 * MINUTE).build());
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.extractOutputValues()).extracting(u -> u.title() + " " + u.kind() + " " + (u.at() - BEGINNING) / SECOND)
                .containsExactlyInAnyOrder("A on checkout OPENED 30", "A on checkout RESOLVED 90",
                        "B on checkout OPENED 30", "B on checkout RESOLVED 60030");
        assertThat(Harnesses.keyedStateEntries(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
