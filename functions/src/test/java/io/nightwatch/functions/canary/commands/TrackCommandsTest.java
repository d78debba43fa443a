package io.nightwatch.functions.canary.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingAction;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Issuing each command once, recording answers, escalating what the executor cannot do. */
class TrackCommandsTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-22T05:45:00Z");
    private static final Instant ANSWERED_AT = ISSUED_AT.plusSeconds(3);
    private static final String ID = "canary:rel-1:suspect:checkout-2:ROLLBACK_RELEASE";

    private static final HealingCommand ROLLBACK = new HealingCommand(ID, HealingAction.ROLLBACK_RELEASE, "checkout",
            "checkout-2", "rel-1", "release suspect: checkout-2 raised InstanceDegraded", null, false, ISSUED_AT,
            ISSUED_AT.plusSeconds(1800), CanaryCommands.ISSUER, Map.of("instance", "checkout-2", "fingerprint", "ab12"));

    private static CommandResult answer(CommandOutcome outcome, String message, Instant at) {
        return new CommandResult(ID, outcome, "release-system", "checkout", "checkout-2", message, at);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, HealingCommand, CommandResult, CommandRow> harness()
            throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new TrackCommands(Duration.ofHours(24)),
                new CommandFunctions.CommandId(), new CommandFunctions.ResultCommandId(), Types.STRING);
        h.open();
        return h;
    }

    private static List<String> rows(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, CommandRow> h) {
        return h.extractOutputValues().stream().map(r -> r.status() + "|" + r.result() + "|" + r.updatedAt()).toList();
    }

    @Test
    void issuesACommandOnceAndRecordsTheFirstAnswer() throws Exception {
        try (var h = harness()) {
            h.processElement1(new StreamRecord<>(ROLLBACK));
            h.processElement1(new StreamRecord<>(ROLLBACK)); // derived again (a replayed verdict): not issued twice
            h.processElement2(new StreamRecord<>(answer(CommandOutcome.EXECUTED, "rolled back release rel-1", ANSWERED_AT)));
            h.processElement2(new StreamRecord<>(answer(CommandOutcome.DUPLICATE, "already answered", ANSWERED_AT.plusSeconds(9))));

            assertThat(h.getSideOutput(TrackCommands.TO_ISSUE)).extracting(StreamRecord::getValue).containsExactly(ROLLBACK);
            assertThat(rows(h)).containsExactly(
                    "issued|null|2026-11-22T05:45:00Z",
                    "executed|EXECUTED: rolled back release rel-1|2026-11-22T05:45:03Z");
            CommandRow issued = h.extractOutputValues().get(0);
            assertThat(issued.payload()).contains("\"commandId\":\"" + ID + "\"");
            assertThat(issued.release()).isEqualTo("rel-1");
            assertThat(h.getSideOutput(TrackCommands.ESCALATIONS)).isNull();
        }
    }

    @Test
    void escalatesARollbackTheReleaseSystemDoesNotSupport() throws Exception {
        try (var h = harness()) {
            h.processElement1(new StreamRecord<>(ROLLBACK));
            h.processElement2(new StreamRecord<>(answer(CommandOutcome.NOT_SUPPORTED,
                    "rollback not supported for a completed release", ANSWERED_AT)));

            assertThat(rows(h)).containsExactly("issued|null|2026-11-22T05:45:00Z",
                    "not_supported|NOT_SUPPORTED: rollback not supported for a completed release|2026-11-22T05:45:03Z");
            assertThat(h.getSideOutput(TrackCommands.ESCALATIONS)).hasSize(1);
            IncidentEvent e = h.getSideOutput(TrackCommands.ESCALATIONS).peek().getValue();
            assertThat(e.eventId()).isEqualTo(ID + ":ESCALATED");
            assertThat(e.incidentId()).isEqualTo("canary:rel-1");
            assertThat(e.type()).isEqualTo(IncidentEventType.ESCALATED);
            assertThat(e.at()).isEqualTo(ANSWERED_AT);
            assertThat(e.title()).isEqualTo("Escalated: rollback of release rel-1 refused by release-system "
                    + "(rollback not supported for a completed release)");
            assertThat(e.severity()).isEqualTo("critical");
            assertThat(e.alertFingerprints()).containsExactly("ab12");
            assertThat(e.attributes()).containsEntry("release", "rel-1").containsEntry("outcome", "NOT_SUPPORTED")
                    .containsEntry("commandId", ID).containsEntry("instance", "checkout-2");
            assertThat(e.detail()).contains("\"result\":{", "\"command\":{");
        }
    }

    @Test
    void anAnswerThatArrivesBeforeItsCommandWaitsForIt() throws Exception {
        try (var h = harness()) {
            h.processElement2(new StreamRecord<>(answer(CommandOutcome.NOT_SUPPORTED, "no", ANSWERED_AT)));
            assertThat(h.extractOutputValues()).isEmpty();
            h.processElement1(new StreamRecord<>(ROLLBACK));
            assertThat(rows(h)).containsExactly("issued|null|2026-11-22T05:45:00Z",
                    "not_supported|NOT_SUPPORTED: no|2026-11-22T05:45:03Z");
            assertThat(h.getSideOutput(TrackCommands.ESCALATIONS)).hasSize(1);
        }
    }

    @Test
    void stateIsClearedARetentionAfterItWasLastTouched() throws Exception {
        try (var h = harness()) {
            h.setProcessingTime(0);
            h.processElement1(new StreamRecord<>(ROLLBACK));
            h.setProcessingTime(Duration.ofHours(1).toMillis());
            h.processElement2(new StreamRecord<>(answer(CommandOutcome.EXECUTED, "ok", ANSWERED_AT)));
            assertThat(((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                    .isEqualTo(3);
            assertThat(h.numProcessingTimeTimers()).isEqualTo(1);
            h.setProcessingTime(Duration.ofHours(24).toMillis()); // 24 h after the command, 23 h after its answer
            assertThat(((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                    .isEqualTo(3);
            h.setProcessingTime(Duration.ofHours(25).toMillis());
            assertThat(((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                    .isZero();
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }
}
