package io.nightwatch.simulator.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.CanaryOutcome;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingAction;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.simulator.fleet.Behaviour;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseEngineTest {

    private static final Instant START = Instant.parse("2026-11-22T05:40:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final Fleet fleet = Fleet.demo();
    private final MutableClock clock = new MutableClock(START);
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ReleaseEngine engine = new ReleaseEngine(fleet, clock, outbox,
            new ReleaseEngine.Settings(Duration.ofSeconds(30), 100));

    private static ReleaseRequest checkout150(FaultProfile fault) {
        return new ReleaseRequest("rel-1", "checkout", "1.5.0", Risk.MEDIUM, null, 60L, 30L, null, null, null, fault,
                null);
    }

    private static CanaryVerdict verdict(int stage, CanaryOutcome outcome) {
        return new CanaryVerdict("rel-1:" + stage, "rel-1", "checkout", "1.5.0", stage, outcome,
                outcome == CanaryOutcome.PASS ? 100 : 0, 75, 50, null, START, START, List.of(), List.of(), List.of(),
                START);
    }

    private static HealingCommand command(String id, HealingAction action, String release, String target) {
        return new HealingCommand(id, action, "checkout", target, release, "canary failed", null, false, START,
                null, "canary-judge", Map.of());
    }

    private Map<String, String> versions() {
        return fleet.instances().stream().filter(i -> i.service().name().equals("checkout"))
                .collect(java.util.stream.Collectors.toMap(SimulatedInstance::name, SimulatedInstance::version));
    }

    private SimulatedInstance instance(String name) {
        return fleet.instances().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private ReleaseEvent last() {
        return outbox.events.get(outbox.events.size() - 1);
    }

    @Test
    void healthyReleaseMovesStageByStageOnPassVerdictsThenBakesAndCompletes() {
        ReleaseView created = engine.create(checkout150(FaultProfile.HEALTHY));
        assertThat(created.stages()).extracting(StageView::instances).containsExactly(1, 2, 4);
        assertThat(outbox.statuses()).containsExactly("SCHEDULED 0", "STAGE_STARTED 1");
        ReleaseEvent first = last();
        assertThat(first.eventId()).isEqualTo("rel-1:2:STAGE_STARTED");
        assertThat(first.canaryInstances()).containsExactly("checkout-1");
        assertThat(first.baselineInstances()).containsExactly("checkout-2", "checkout-3", "checkout-4");
        assertThat(first.doneInstances()).isEmpty();
        assertThat(first.fromVersion()).isEqualTo("1.4.2");
        assertThat(first.analysisWindowSeconds()).isEqualTo(60);
        assertThat(versions()).containsEntry("checkout-1", "1.5.0").containsEntry("checkout-2", "1.4.2");

        clock.advance(WINDOW);
        engine.tick();
        assertThat(outbox.statuses()).hasSize(2); // waits for the verdict
        engine.onVerdict(verdict(1, CanaryOutcome.PASS));
        assertThat(outbox.statuses()).endsWith("STAGE_PASSED 1", "STAGE_STARTED 2");
        assertThat(last().canaryInstances()).containsExactly("checkout-2");
        assertThat(last().doneInstances()).containsExactly("checkout-1");
        assertThat(last().baselineInstances()).containsExactly("checkout-3", "checkout-4");

        clock.advance(WINDOW);
        engine.onVerdict(verdict(2, CanaryOutcome.PASS));
        assertThat(last().status().name()).isEqualTo("STAGE_STARTED");
        assertThat(last().baselineInstances()).isEmpty();
        assertThat(last().analysisWindowSeconds()).isEqualTo(30); // the last stage bakes

        clock.advance(Duration.ofSeconds(30));
        engine.tick();
        assertThat(outbox.statuses()).containsExactly("SCHEDULED 0", "STAGE_STARTED 1", "STAGE_PASSED 1",
                "STAGE_STARTED 2", "STAGE_PASSED 2", "STAGE_STARTED 3", "STAGE_PASSED 3", "COMPLETED 3");
        assertThat(last().doneInstances()).containsExactly("checkout-1", "checkout-2", "checkout-3", "checkout-4");
        assertThat(versions().values()).containsOnly("1.5.0");
        assertThat(engine.get("rel-1").orElseThrow().state()).isEqualTo(ReleaseState.COMPLETED);
    }

    @Test
    void theNewVersionsFaultShapesOnlyTheInstancesItRunsOn() {
        engine.create(checkout150(new FaultProfile(FaultKind.LATENCY, 50)));
        assertThat(instance("checkout-1").behaviour()).isEqualTo(new Behaviour(1.5, 0, 1, 0));
        assertThat(instance("checkout-1").versionSinceMillis()).isEqualTo(START.toEpochMilli());
        assertThat(instance("checkout-2").behaviour()).isEqualTo(Behaviour.HEALTHY);
    }

    @Test
    void rollbackCommandOnAnActiveReleaseRevertsEveryChangedInstanceOncePerCommandId() {
        engine.create(checkout150(new FaultProfile(FaultKind.ERRORS, 0.1)));
        clock.advance(WINDOW);
        engine.onVerdict(verdict(1, CanaryOutcome.PASS));
        clock.advance(Duration.ofSeconds(10));

        CommandResult result = engine.onCommand(command("canary:rel-1:2:ROLLBACK_RELEASE", HealingAction.ROLLBACK_RELEASE,
                "rel-1", "rel-1"));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.EXECUTED);
        assertThat(result.message()).isEqualTo("rolled back release rel-1 from stage 2 to 1.4.2");
        assertThat(result.executor()).isEqualTo("release-system");
        assertThat(outbox.statuses()).endsWith("ROLLING_BACK 2", "ROLLED_BACK 2");
        assertThat(last().reason()).isEqualTo("rolled back by command canary:rel-1:2:ROLLBACK_RELEASE: canary failed");
        assertThat(last().baselineInstances()).hasSize(4);
        assertThat(versions().values()).containsOnly("1.4.2");
        assertThat(instance("checkout-2").behaviour()).isEqualTo(Behaviour.HEALTHY);

        CommandResult again = engine.onCommand(command("canary:rel-1:2:ROLLBACK_RELEASE",
                HealingAction.ROLLBACK_RELEASE, "rel-1", "rel-1"));
        assertThat(again.outcome()).isEqualTo(CommandOutcome.DUPLICATE);
        assertThat(outbox.results).hasSize(2);
        assertThat(outbox.statuses()).filteredOn(s -> s.startsWith("ROLLED_BACK")).hasSize(1);

        CommandResult other = engine.onCommand(command("incident-7:ROLLBACK_RELEASE", HealingAction.ROLLBACK_RELEASE,
                null, "checkout-1"));
        assertThat(other.outcome()).isEqualTo(CommandOutcome.EXECUTED);
        assertThat(other.message()).isEqualTo("release rel-1 is already rolled back to 1.4.2");
    }

    @Test
    void rollbackOfACompletedReleaseIsNotSupportedWhetherItNamesTheReleaseOrAnInstance() {
        engine.create(new ReleaseRequest("rel-1", "checkout", "1.5.0", Risk.MEDIUM, null, 60L, 30L, null, null,
                List.of(new StageSpec(4, null, null, null, null)), null, null));
        clock.advance(Duration.ofSeconds(30));
        engine.tick();
        assertThat(engine.get("rel-1").orElseThrow().state()).isEqualTo(ReleaseState.COMPLETED);

        CommandResult byInstance = engine.onCommand(command("canary:rel-1:suspect:checkout-3:ROLLBACK_RELEASE",
                HealingAction.ROLLBACK_RELEASE, null, "checkout-3"));
        assertThat(byInstance.outcome()).isEqualTo(CommandOutcome.NOT_SUPPORTED);
        assertThat(byInstance.message()).isEqualTo("rollback not supported for a completed release");
        assertThat(byInstance.target()).isEqualTo("checkout-3");
        CommandResult byRelease = engine.onCommand(command("x:ROLLBACK_RELEASE", HealingAction.ROLLBACK_RELEASE,
                "rel-1", "rel-1"));
        assertThat(byRelease.outcome()).isEqualTo(CommandOutcome.NOT_SUPPORTED);
        assertThat(versions().values()).containsOnly("1.5.0");
        assertThatThrownBy(() -> engine.rollback("rel-1", null)).isInstanceOf(ReleaseConflict.class)
                .hasMessage("rollback not supported for a completed release");

        CommandResult unknown = engine.onCommand(command("y:ROLLBACK_RELEASE", HealingAction.ROLLBACK_RELEASE, null,
                "payments-1"));
        assertThat(unknown.outcome()).isEqualTo(CommandOutcome.NOT_SUPPORTED);
        assertThat(unknown.message()).isEqualTo("no release known for target payments-1");
    }

    @Test
    void aStageWithoutAVerdictPausesAndResumingAfterItsWindowApprovesIt() {
        engine.create(checkout150(FaultProfile.HEALTHY));
        clock.advance(Duration.ofSeconds(89));
        engine.tick();
        assertThat(engine.get("rel-1").orElseThrow().state()).isEqualTo(ReleaseState.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(outbox.statuses()).endsWith("PAUSED 1");
        assertThat(last().reason()).isEqualTo("no canary verdict for stage 1 within 30 s after its analysis window");

        engine.resume("rel-1", "looked fine on the dashboards");
        assertThat(outbox.statuses()).endsWith("PAUSED 1", "RESUMED 1", "STAGE_PASSED 1", "STAGE_STARTED 2");
        assertThat(outbox.events.get(outbox.events.size() - 3).reason())
                .isEqualTo("looked fine on the dashboards; stage 1 approved (no verdict)");
    }

    @Test
    void aMarginalVerdictNeverMovesTheReleaseAndThePauseCommandHoldsItForAHuman() {
        engine.create(checkout150(FaultProfile.HEALTHY));
        clock.advance(WINDOW);
        engine.onVerdict(verdict(1, CanaryOutcome.MARGINAL));
        CommandResult paused = engine.onCommand(command("canary:rel-1:1:PAUSE_RELEASE", HealingAction.PAUSE_RELEASE,
                "rel-1", "rel-1"));
        assertThat(paused.outcome()).isEqualTo(CommandOutcome.EXECUTED);
        assertThat(paused.message()).isEqualTo("paused release rel-1 at stage 1");
        clock.advance(Duration.ofMinutes(10));
        engine.tick();
        assertThat(outbox.statuses()).containsExactly("SCHEDULED 0", "STAGE_STARTED 1", "PAUSED 1");
        assertThat(engine.get("rel-1").orElseThrow().stages().get(0).verdict()).isEqualTo("MARGINAL");
    }

    @Test
    void aFailVerdictWithoutItsCommandPausesAndCannotBeResumed() {
        engine.create(checkout150(FaultProfile.HEALTHY));
        clock.advance(WINDOW);
        engine.onVerdict(verdict(1, CanaryOutcome.FAIL));
        engine.onVerdict(verdict(7, CanaryOutcome.PASS)); // not a stage of this release: ignored
        clock.advance(Duration.ofSeconds(30));
        engine.tick();
        assertThat(outbox.statuses()).endsWith("PAUSED 1");
        assertThat(last().reason()).isEqualTo("canary verdict FAIL for stage 1 and no command followed: waiting for a human");
        assertThatThrownBy(() -> engine.resume("rel-1", null)).isInstanceOf(ReleaseConflict.class)
                .hasMessage("stage 1 of release rel-1 failed its canary analysis: roll it back or cancel it");
    }

    @Test
    void aScheduledReleaseStartsAtItsTimeAndCanBePausedMeanwhile() {
        engine.create(new ReleaseRequest("rel-1", "checkout", "1.5.0", Risk.LOW, START.plusSeconds(120), 60L, 30L,
                null, null, null, null, "weekly train"));
        assertThat(outbox.statuses()).containsExactly("SCHEDULED 0");
        assertThat(outbox.events.get(0).reason()).isEqualTo("weekly train");
        engine.pause("rel-1", null);
        clock.advance(Duration.ofSeconds(150));
        engine.tick();
        assertThat(outbox.statuses()).containsExactly("SCHEDULED 0", "PAUSED 0");
        engine.resume("rel-1", null);
        assertThat(outbox.statuses()).containsExactly("SCHEDULED 0", "PAUSED 0", "RESUMED 0", "STAGE_STARTED 1");
        assertThat(last().passThreshold()).isEqualTo(70);
    }

    @Test
    void cancelPutsTheOldVersionBack() {
        engine.create(checkout150(new FaultProfile(FaultKind.VARIANCE, 3)));
        engine.cancel("rel-1", "wrong build");
        assertThat(outbox.statuses()).endsWith("CANCELLED 1");
        assertThat(versions().values()).containsOnly("1.4.2");
        assertThatThrownBy(() -> engine.pause("rel-1", null)).isInstanceOf(ReleaseConflict.class)
                .hasMessage("release rel-1 is CANCELLED: cannot pause it");
    }

    @Test
    void requestsThatCannotRunAreRefusedAndCreatingTwiceWithTheSameIdReturnsTheSameRelease() {
        ReleaseView first = engine.create(checkout150(FaultProfile.HEALTHY));
        assertThat(engine.create(checkout150(FaultProfile.HEALTHY))).isEqualTo(first);
        assertThat(outbox.statuses()).hasSize(2);
        assertThatThrownBy(() -> engine.create(ReleaseRequest.of("checkout", "1.6.0")))
                .isInstanceOf(ReleaseConflict.class)
                .hasMessage("service checkout already has an active release rel-1 (RUNNING); pause, cancel or finish it first");
        assertThatThrownBy(() -> engine.create(ReleaseRequest.of("payments", "2.7.0")))
                .isInstanceOf(ReleaseRejected.class).hasMessage("version: every instance of payments already runs 2.7.0");
        assertThatThrownBy(() -> engine.create(ReleaseRequest.of("billing", "1.0")))
                .isInstanceOf(ReleaseRejected.class)
                .hasMessage("service: no service named 'billing'; known: [checkout, payments, search, gateway]");
        assertThatThrownBy(() -> engine.pause("rel-404", null)).isInstanceOf(ReleaseNotFound.class);
    }

    @Test
    void commandsOfOtherExecutorsAreLeftAloneAndExpiredOnesAreNotExecuted() {
        engine.create(checkout150(FaultProfile.HEALTHY));
        assertThat(engine.onCommand(command("r:RESTART_INSTANCE", HealingAction.RESTART_INSTANCE, null, "checkout-1")))
                .isNull();
        HealingCommand expired = new HealingCommand("old:ROLLBACK_RELEASE", HealingAction.ROLLBACK_RELEASE, "checkout",
                "rel-1", "rel-1", "late", null, false, START.minusSeconds(3600), START.minusSeconds(1),
                "canary-judge", Map.of());
        CommandResult result = engine.onCommand(expired);
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.message()).isEqualTo("command expired at 2026-11-22T05:39:59Z");
        assertThat(engine.get("rel-1").orElseThrow().state()).isEqualTo(ReleaseState.RUNNING);
    }

    @Test
    void anInjectedFaultChangesTheInstanceAndRaisesAnAlertThatClearingResolves() {
        InstanceView view = engine.injectFault("search-2", new FaultProfile(FaultKind.LATENCY, 80), true);
        assertThat(view.fault()).isEqualTo("latency +80%");
        assertThat(view.version()).isEqualTo("5.1.3");
        assertThat(instance("search-2").behaviour().latencyFactor()).isEqualTo(1.8);
        assertThat(outbox.alerts).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("InstanceDegraded");
            assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(a.labels()).containsEntry("instance", "search-2").containsEntry("service", "search");
            assertThat(a.startsAt()).isEqualTo(START);
        });
        clock.advance(Duration.ofMinutes(3));
        engine.injectFault("search-2", FaultProfile.HEALTHY, false);
        assertThat(outbox.alerts).hasSize(2);
        assertThat(outbox.alerts.get(1).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(outbox.alerts.get(1).fingerprint()).isEqualTo(outbox.alerts.get(0).fingerprint());
        assertThat(outbox.alerts.get(1).endsAt()).isEqualTo(START.plusSeconds(180));
        assertThatThrownBy(() -> engine.injectFault("nope", FaultProfile.HEALTHY, false))
                .isInstanceOf(ReleaseNotFound.class).hasMessage("no instance 'nope'");
    }
}
