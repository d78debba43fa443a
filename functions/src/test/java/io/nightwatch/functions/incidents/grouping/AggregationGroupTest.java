package io.nightwatch.functions.incidents.grouping;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static io.nightwatch.functions.incidents.TestAlerts.SECOND;
import static io.nightwatch.functions.incidents.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.config.IncidentsConfigParser;
import io.nightwatch.functions.incidents.config.Route;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.MuteReason;
import io.nightwatch.functions.incidents.model.Notification;
import io.nightwatch.functions.incidents.model.NotificationKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alertmanager's aggregation-group behaviour, step by step (group_wait 30s, group_interval 1m, repeat 3m). */
class AggregationGroupTest {

    private static final long GROUP_WAIT = 30 * SECOND;
    private static final long GROUP_INTERVAL = MINUTE;
    private final Route route = IncidentsConfigParser.parse("""
            route: {receiver: hook, group_by: [alertname], group_wait: 30s, group_interval: 1m, repeat_interval: 3m}
            """, "t").routes().root();

    private GroupState group(AlertInstance first) {
        GroupState g = AggregationGroup.create(route, route.groupKey(route.groupLabels(first.labels())),
                route.groupLabels(first.labels()), first.receivedAt());
        AggregationGroup.insert(g, first, route);
        return g;
    }

    private static List<String> names(List<AlertInstance> alerts) {
        return alerts.stream().map(a -> a.labels().get("instance")).sorted().toList();
    }

    @Test
    void firstFlushComesGroupWaitAfterTheFirstAlertWithEveryAlertThatArrivedMeanwhile() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).build());
        long next = AggregationGroup.insert(g, alert("alertname=A", "instance=2").at(BEGINNING + 10 * SECOND).build(), route);
        assertThat(next).isEqualTo(BEGINNING + GROUP_WAIT);

        FlushResult r = AggregationGroup.flush(g, BEGINNING + GROUP_WAIT, route, Muter.NONE);
        Notification n = r.notification();
        assertThat(n.kind()).isEqualTo(NotificationKind.OPENED);
        assertThat(names(n.firing())).containsExactly("1", "2");
        assertThat(n.groupKey()).isEqualTo("{}:{alertname=\"A\"}");
        assertThat(n.incidentId()).isEqualTo(IncidentIds.incident("{}:{alertname=\"A\"}", BEGINNING + GROUP_WAIT));
        assertThat(r.nextFlushAt()).isEqualTo(BEGINNING + GROUP_WAIT + GROUP_INTERVAL);
    }

    @Test
    void flushesAtOnceWhenAnAlertStartedLongerThanGroupWaitBeforeItArrived() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).startsAt(BEGINNING - MINUTE).build());
        assertThat(g.nextFlushAt).isEqualTo(BEGINNING);
    }

    @Test
    void aVersionIngestedAfterTheFlushTimeDoesNotChangeThatFlush() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).build());
        AggregationGroup.insert(g, alert("alertname=A", "instance=2").at(BEGINNING + GROUP_WAIT + 1).build(), route);
        Notification n = AggregationGroup.flush(g, BEGINNING + GROUP_WAIT, route, Muter.NONE).notification();
        assertThat(names(n.firing())).containsExactly("1");
        assertThat(g.alerts).hasSize(2); // the later one waits for the next flush
        Notification next = AggregationGroup.flush(g, BEGINNING + GROUP_WAIT + GROUP_INTERVAL, route, Muter.NONE).notification();
        assertThat(names(next.firing())).containsExactly("1", "2");
        assertThat(next.kind()).isEqualTo(NotificationKind.NOTIFIED);
        assertThat(next.newlyNotified()).containsExactly(alert("alertname=A", "instance=2").build().fingerprint());
    }

    @Test
    void staysQuietWhenNothingChangedAndRepeatsAfterTheRepeatIntervalLikeAlertmanager() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).endsAt(BEGINNING + 60 * MINUTE).build());
        long t = BEGINNING + GROUP_WAIT;
        assertThat(AggregationGroup.flush(g, t, route, Muter.NONE).notification()).isNotNull();
        // repeat_interval is 3 group intervals; "last notified strictly before now - repeat" is first true at the 4th tick
        assertThat(AggregationGroup.flush(g, t + GROUP_INTERVAL, route, Muter.NONE).notification()).isNull();
        assertThat(AggregationGroup.flush(g, t + 2 * GROUP_INTERVAL, route, Muter.NONE).notification()).isNull();
        assertThat(AggregationGroup.flush(g, t + 3 * GROUP_INTERVAL, route, Muter.NONE).notification()).isNull();
        Notification repeat = AggregationGroup.flush(g, t + 4 * GROUP_INTERVAL, route, Muter.NONE).notification();
        assertThat(repeat.repeat()).isTrue();
        assertThat(repeat.kind()).isEqualTo(NotificationKind.NOTIFIED);
    }

    @Test
    void notifiesAResolvedAlertOnceThenForgetsIt() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).build());
        AggregationGroup.insert(g, alert("alertname=A", "instance=2").at(BEGINNING + SECOND).build(), route);
        long t = BEGINNING + GROUP_WAIT;
        AggregationGroup.flush(g, t, route, Muter.NONE);
        AggregationGroup.insert(g, alert("alertname=A", "instance=2").at(t + SECOND).startsAt(BEGINNING + SECOND)
                .endsAt(t + SECOND).build(), route);
        Notification n = AggregationGroup.flush(g, t + GROUP_INTERVAL, route, Muter.NONE).notification();
        assertThat(names(n.firing())).containsExactly("1");
        assertThat(names(n.resolved())).containsExactly("2");
        assertThat(g.alerts).hasSize(1);
        assertThat(AggregationGroup.flush(g, t + 2 * GROUP_INTERVAL, route, Muter.NONE).notification()).isNull();
    }

    @Test
    void theAllResolvedNotificationClosesTheIncidentAndEmptiesTheGroup() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).build());
        long t = BEGINNING + GROUP_WAIT;
        String incident = AggregationGroup.flush(g, t, route, Muter.NONE).notification().incidentId();
        AggregationGroup.insert(g, alert("alertname=A", "instance=1").at(t + SECOND).startsAt(BEGINNING).endsAt(t + SECOND).build(), route);
        FlushResult r = AggregationGroup.flush(g, t + GROUP_INTERVAL, route, Muter.NONE);
        assertThat(r.notification().kind()).isEqualTo(NotificationKind.RESOLVED);
        assertThat(r.notification().incidentId()).isEqualTo(incident);
        assertThat(r.empty()).isTrue();
        assertThat(g.incidentId).isNull();
    }

    @Test
    void timeoutEndsResolveAlertsThatAreNoLongerSent() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).build()); // times out 5 min later
        long t = BEGINNING + GROUP_WAIT;
        AggregationGroup.flush(g, t, route, Muter.NONE);
        for (int i = 1; i <= 3; i++) {
            assertThat(AggregationGroup.flush(g, t + i * GROUP_INTERVAL, route, Muter.NONE).notification()).isNull();
        }
        assertThat(AggregationGroup.flush(g, t + 4 * GROUP_INTERVAL, route, Muter.NONE).notification().repeat()).isTrue();
        FlushResult r = AggregationGroup.flush(g, t + 5 * GROUP_INTERVAL, route, Muter.NONE);
        assertThat(r.notification().kind()).isEqualTo(NotificationKind.RESOLVED);
        assertThat(r.empty()).isTrue();
    }

    @Test
    void leavesMutedAlertsOutAndSendsNothingWhenEverythingIsMuted() {
        AlertInstance a = alert("alertname=A", "instance=1").at(BEGINNING).build();
        AlertInstance b = alert("alertname=A", "instance=2").at(BEGINNING).build();
        GroupState g = group(a);
        AggregationGroup.insert(g, b, route);
        Set<String> muted = new HashSet<>(Set.of(a.fingerprint()));
        Muter muter = (alert, at) -> muted.contains(alert.fingerprint()) ? MuteReason.silencedBy("s1") : null;
        FlushResult r = AggregationGroup.flush(g, BEGINNING + GROUP_WAIT, route, muter);
        assertThat(names(r.notification().firing())).containsExactly("2");
        assertThat(r.notification().muted()).containsEntry(a.fingerprint(), "silenced by s1");
        assertThat(r.mutedCount()).isEqualTo(1);

        muted.add(b.fingerprint());
        GroupState h = group(alert("alertname=B", "instance=1").at(BEGINNING).build());
        Muter all = (alert, at) -> MuteReason.inhibitedBy("x");
        FlushResult quiet = AggregationGroup.flush(h, BEGINNING + GROUP_WAIT, route, all);
        assertThat(quiet.notification()).isNull();
        assertThat(h.hasEntry).isFalse();
    }

    @Test
    void closesTheIncidentWhenTheGroupEmptiesWhileItsLastAlertsAreMuted() {
        AlertInstance a = alert("alertname=A", "instance=1").at(BEGINNING).build();
        GroupState g = group(a);
        long t = BEGINNING + GROUP_WAIT;
        String incident = AggregationGroup.flush(g, t, route, Muter.NONE).notification().incidentId();
        AggregationGroup.insert(g, alert("alertname=A", "instance=1").at(t + SECOND).startsAt(BEGINNING).endsAt(t + SECOND).build(), route);
        FlushResult r = AggregationGroup.flush(g, t + GROUP_INTERVAL, route, (alert, at) -> MuteReason.silencedBy("s"));
        assertThat(r.notification()).isNull();
        assertThat(r.closing().kind()).isEqualTo(NotificationKind.CLOSED);
        assertThat(r.closing().incidentId()).isEqualTo(incident);
        assertThat(r.empty()).isTrue();
    }

    @Test
    void anAlertUnmutedAfterTheIncidentResolvedOpensANewIncident() {
        AlertInstance a = alert("alertname=A", "instance=1").at(BEGINNING).build();
        AlertInstance b = alert("alertname=A", "instance=2").at(BEGINNING).endsAt(BEGINNING + 60 * MINUTE).build();
        GroupState g = group(a);
        AggregationGroup.insert(g, b, route);
        long t = BEGINNING + GROUP_WAIT;
        long silenceEnds = t + GROUP_INTERVAL + SECOND;
        Muter silenceOnB = (alert, at) -> alert.fingerprint().equals(b.fingerprint()) && at <= silenceEnds
                ? MuteReason.silencedBy("s") : null;
        Notification opened = AggregationGroup.flush(g, t, route, silenceOnB).notification();
        assertThat(names(opened.firing())).containsExactly("1");
        AggregationGroup.insert(g, alert("alertname=A", "instance=1").at(t + SECOND).startsAt(BEGINNING).endsAt(t + SECOND).build(), route);
        FlushResult resolved = AggregationGroup.flush(g, t + GROUP_INTERVAL, route, silenceOnB);
        assertThat(resolved.notification().kind()).isEqualTo(NotificationKind.RESOLVED);
        assertThat(resolved.empty()).isFalse();
        Notification reopened = AggregationGroup.flush(g, t + 2 * GROUP_INTERVAL, route, silenceOnB).notification();
        assertThat(reopened.kind()).isEqualTo(NotificationKind.OPENED);
        assertThat(reopened.incidentId()).isNotEqualTo(opened.incidentId());
        assertThat(names(reopened.firing())).containsExactly("2");
    }

    @Test
    void fastForwardsToTheFirstTickWhereAnAlertEnds() {
        GroupState g = group(alert("alertname=A", "instance=1").at(BEGINNING).endsAt(BEGINNING + 10 * MINUTE + 1).build());
        long t = BEGINNING + GROUP_WAIT;
        AggregationGroup.flush(g, t, route, Muter.NONE);
        assertThat(AggregationGroup.nextChangeTick(g, t, route)).isEqualTo(t + 10 * GROUP_INTERVAL);
        AggregationGroup.flush(g, t + 10 * GROUP_INTERVAL, route, Muter.NONE);
        assertThat(g.alerts).isEmpty();
        assertThat(AggregationGroup.nextChangeTick(g, t, route)).isEqualTo(Long.MAX_VALUE);
    }
}
