package io.nightwatch.functions.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeping each alert's recent firing episodes, and reading them as they stand at the analysis. */
class AlertHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");
    private static final Map<String, String> LABELS = Map.of("alertname", "LedgerLatency", "service", "ledger",
            "instance", "ledger-1", "rule_id", "ledger-latency", "severity", "warning");
    private final AlertHistory history = new AlertHistory(3, Duration.ofHours(1));

    private static AlertInstance version(Instant startsAt, Instant endsAt, boolean timeout, Instant receivedAt) {
        return new AlertInstance("fp1", LABELS, Map.of("summary", "slow"), startsAt.toEpochMilli(),
                endsAt == null ? 0 : endsAt.toEpochMilli(), timeout, receivedAt.toEpochMilli(), "nightwatch-rules", null);
    }

    @Test
    void aVersionOfAnEpisodeReplacesItAndANewStartIsANewEpisode() {
        Alert firing = AlertHistory.toAlert(version(T0, T0.plusSeconds(300), true, T0));
        Alert resolved = AlertHistory.toAlert(version(T0, T0.plusSeconds(60), false, T0.plusSeconds(60)));
        Alert again = AlertHistory.toAlert(version(T0.plusSeconds(120), T0.plusSeconds(420), true, T0.plusSeconds(120)));

        AlertEpisodes e = history.add(null, firing, T0.toEpochMilli());
        e = history.add(e, resolved, T0.plusSeconds(60).toEpochMilli());
        e = history.add(e, again, T0.plusSeconds(120).toEpochMilli());

        assertThat(e.episodes()).extracting(Alert::startsAt, Alert::status, Alert::endsAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(T0, AlertStatus.RESOLVED, T0.plusSeconds(60)),
                org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(120), AlertStatus.FIRING, T0.plusSeconds(420)));
        assertThat(e.episodes().get(0).labels()).isEqualTo(LABELS);
        assertThat(e.episodes().get(0).name()).isEqualTo("LedgerLatency");
    }

    @Test
    void atTheAnalysisAnEndedEpisodeIsResolvedAndARunningOneFiresWithoutAnEnd() {
        AlertEpisodes e = history.add(null, AlertHistory.toAlert(version(T0, T0.plusSeconds(60), false, T0.plusSeconds(60))), 0);
        e = history.add(e, AlertHistory.toAlert(version(T0.plusSeconds(120), T0.plusSeconds(420), true, T0.plusSeconds(120))), 0);

        List<Alert> now = AlertHistory.at(e, T0.plusSeconds(130));
        assertThat(now).extracting(Alert::status).containsExactly(AlertStatus.RESOLVED, AlertStatus.FIRING);
        assertThat(now.get(1).endsAt()).isNull();
        assertThat(AlertHistory.at(e, T0.plusSeconds(420))).extracting(Alert::status)
                .containsExactly(AlertStatus.RESOLVED, AlertStatus.RESOLVED);
    }

    @Test
    void keepsTheMostRecentEpisodesWithinTheHorizon() {
        AlertEpisodes e = null;
        for (int i = 0; i < 5; i++) {
            Instant start = T0.plusSeconds(600L * i);
            e = history.add(e, AlertHistory.toAlert(version(start, start.plusSeconds(60), false, start.plusSeconds(60))),
                    start.plusSeconds(60).toEpochMilli());
        }
        assertThat(e.episodes()).extracting(Alert::startsAt)
                .containsExactly(T0.plusSeconds(1200), T0.plusSeconds(1800), T0.plusSeconds(2400));
        AlertEpisodes later = history.prune(e, T0.plusSeconds(1860 + 3600).toEpochMilli());
        assertThat(later.episodes()).extracting(Alert::startsAt).containsExactly(T0.plusSeconds(2400));
        assertThat(history.prune(e, T0.plusSeconds(9000).toEpochMilli()).episodes()).isEmpty();
    }
}
