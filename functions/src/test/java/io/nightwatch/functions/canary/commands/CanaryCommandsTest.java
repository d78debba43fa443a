package io.nightwatch.functions.canary.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.canary.suspect.Suspicion;
import io.nightwatch.schemas.CanaryOutcome;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.HealingAction;
import io.nightwatch.schemas.HealingCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which command each verdict or suspicion asks for, with ids derived from the cause. */
class CanaryCommandsTest {

    private static final Instant JUDGED = Instant.parse("2026-11-22T05:45:00Z");

    private static CanaryVerdict verdict(CanaryOutcome outcome) {
        return new CanaryVerdict("rel-1:2", "rel-1", "checkout", "1.5.0", 2, outcome, 40, 75, 50, "latency_ms High",
                JUDGED, JUDGED, List.of(), List.of(), List.of(), JUDGED);
    }

    @Test
    void failRollsBackMarginalAndNotEnoughDataPauseAndPassAsksNothing() {
        HealingCommand rollback = CanaryCommands.forStage(verdict(CanaryOutcome.FAIL), Duration.ofMinutes(30)).orElseThrow();
        assertThat(rollback.commandId()).isEqualTo("canary:rel-1:2:ROLLBACK_RELEASE");
        assertThat(rollback.action()).isEqualTo(HealingAction.ROLLBACK_RELEASE);
        assertThat(rollback.target()).isEqualTo("rel-1");
        assertThat(rollback.release()).isEqualTo("rel-1");
        assertThat(rollback.createdAt()).isEqualTo(JUDGED);
        assertThat(rollback.expiresAt()).isEqualTo(JUDGED.plusSeconds(1800));
        assertThat(rollback.issuedBy()).isEqualTo("canary-judge");
        assertThat(rollback.reason()).isEqualTo("canary stage 2 FAIL: latency_ms High");
        assertThat(rollback.parameters()).containsEntry("stage", "2").containsEntry("score", "40.00");

        assertThat(CanaryCommands.forStage(verdict(CanaryOutcome.MARGINAL), Duration.ofMinutes(30)).orElseThrow()
                .commandId()).isEqualTo("canary:rel-1:2:PAUSE_RELEASE");
        assertThat(CanaryCommands.forStage(verdict(CanaryOutcome.NOT_ENOUGH_DATA), Duration.ofMinutes(30)).orElseThrow()
                .action()).isEqualTo(HealingAction.PAUSE_RELEASE);
        assertThat(CanaryCommands.forStage(verdict(CanaryOutcome.PASS), Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void aSuspicionRollsBackTheAlertingInstancesRelease() {
        Suspicion s = new Suspicion("rel-1", "checkout", "checkout-2", "1.5.0", JUDGED, "InstanceDegraded", "ab12",
                "critical", JUDGED.plusSeconds(90), "checkout-2 raised InstanceDegraded");
        HealingCommand c = CanaryCommands.forSuspicion(s, Duration.ofMinutes(30));
        assertThat(c.commandId()).isEqualTo("canary:rel-1:suspect:checkout-2:ROLLBACK_RELEASE");
        assertThat(c.target()).isEqualTo("checkout-2");
        assertThat(c.release()).isEqualTo("rel-1");
        assertThat(c.reason()).isEqualTo("release suspect: checkout-2 raised InstanceDegraded");
        assertThat(c.parameters()).containsEntry("fingerprint", "ab12").containsEntry("instance", "checkout-2");
        assertThat(CanaryCommands.isOwn(c.commandId())).isTrue();
        assertThat(CanaryCommands.isOwn("inc-9f2c:ROLLBACK_RELEASE:rel-42")).isFalse();
    }
}
