package io.nightwatch.functions.decisions;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.canary.commands.CommandRow;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.testing.Incidents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** A command's life: issued once, or held until approved, rejected or expired; answers recorded and escalated. */
class TrackIncidentCommandsTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final AnalysisRequest Q = canaryIncident();
    private static final IncidentCommand ROLLBACK = new DecisionCommands(Decisions.EXPIRY).healing(Decisions.guarded(Q,
            Decisions.result(Q, AnalysisAction.ROLLBACK_RELEASE, Incidents.RELEASE, Map.of(), 0.9))).orElseThrow();
    private static final IncidentCommand SCALE_OUT = new DecisionCommands(Decisions.EXPIRY).healing(Decisions.guarded(Q,
            Decisions.result(Q, AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "1"), 0.9))).orElseThrow();

    private static KeyedTwoInputStreamOperatorTestHarness<String, IncidentCommand, CommandSignal, CommandRow> harness()
            throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new TrackIncidentCommands(RETENTION),
                new DecisionKeys.CommandId(), new DecisionKeys.SignalCommand(), Types.STRING);
        h.setProcessingTime(Decisions.DECIDED.toEpochMilli());
        return h;
    }

    private static IncidentEvent approval(String commandId, IncidentEventType type, String by, Instant at) {
        return new IncidentEvent(commandId + ":" + type + ":1", "inc-1", type, at, null, null, null, null, List.of(),
                Map.of("by", by, "comment", "ok", IncidentCommands.COMMAND_ID, commandId), null);
    }

    private static CommandResult answer(String commandId, CommandOutcome outcome, Instant at) {
        return new CommandResult(commandId, outcome, "release-system", "checkout", "rel-42", outcome + " by the executor", at);
    }

    private static List<String> rows(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, CommandRow> h) {
        return h.extractOutputValues().stream().map(r -> r.kind() + " " + r.action() + " " + r.status() + " " + r.result())
                .toList();
    }

    private static List<String> events(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, CommandRow> h) {
        return h.getSideOutput(DecisionTags.EVENTS).stream().map(r -> r.getValue().eventId()).toList();
    }

    @Test
    void issuesAnAllowedCommandOnceAndRecordsItsAnswer() throws Exception {
        try (var h = harness()) {
            h.processElement1(new StreamRecord<>(ROLLBACK));
            h.processElement1(new StreamRecord<>(ROLLBACK));
            Instant answered = Decisions.DECIDED.plusSeconds(4);
            h.processElement2(new StreamRecord<>(CommandSignal.of(answer(ROLLBACK.commandId(), CommandOutcome.EXECUTED, answered))));
            h.processElement2(new StreamRecord<>(CommandSignal.of(answer(ROLLBACK.commandId(), CommandOutcome.DUPLICATE,
                    answered.plusSeconds(5)))));

            assertThat(h.getSideOutput(DecisionTags.HEALING)).extracting(StreamRecord::getValue).containsExactly(ROLLBACK.healing());
            assertThat(rows(h)).containsExactly("healing ROLLBACK_RELEASE issued null",
                    "healing ROLLBACK_RELEASE executed EXECUTED: EXECUTED by the executor");
            assertThat(events(h)).containsExactly("inc-1:ROLLBACK_RELEASE:rel-42:COMMAND_ISSUED",
                    "inc-1:ROLLBACK_RELEASE:rel-42:COMMAND_RESULT:EXECUTED");
        }
    }

    @Test
    void aHeldCommandIsIssuedWhenAnOperatorApprovesNamingTheApprover() throws Exception {
        try (var h = harness()) {
            h.processElement1(new StreamRecord<>(SCALE_OUT));
            assertThat(h.getSideOutput(DecisionTags.HEALING)).isNull();
            Instant approved = Decisions.DECIDED.plusSeconds(60);
            h.processElement2(new StreamRecord<>(CommandSignal.of(approval(SCALE_OUT.commandId(), IncidentEventType.APPROVED,
                    "alice", approved))));
            h.processElement2(new StreamRecord<>(CommandSignal.of(approval(SCALE_OUT.commandId(), IncidentEventType.APPROVED,
                    "bob", approved.plusSeconds(1)))));

            HealingCommand issued = h.getSideOutput(DecisionTags.HEALING).peek().getValue();
            assertThat(h.getSideOutput(DecisionTags.HEALING)).hasSize(1);
            assertThat(issued.parameters()).containsEntry("approvedBy", "alice").containsEntry("replicas", "1");
            assertThat(issued.requiresApproval()).isTrue();
            assertThat(rows(h)).containsExactly("healing SCALE_OUT held null", "healing SCALE_OUT issued approved by alice");
            assertThat(h.extractOutputValues().get(1).updatedAt()).isEqualTo(approved);
            assertThat(events(h)).containsExactly("inc-1:SCALE_OUT:checkout:COMMAND_HELD", "inc-1:SCALE_OUT:checkout:APPROVED",
                    "inc-1:SCALE_OUT:checkout:COMMAND_ISSUED");
        }
    }

    @Test
    void aRejectedCommandIsNeverIssuedAndAnUndecidedOneExpires() throws Exception {
        try (var h = harness()) {
            h.processElement1(new StreamRecord<>(SCALE_OUT));
            h.processElement2(new StreamRecord<>(CommandSignal.of(approval(SCALE_OUT.commandId(), IncidentEventType.REJECTED,
                    "bob", Decisions.DECIDED.plusSeconds(9)))));
            h.setProcessingTime(Decisions.DECIDED.plus(Decisions.EXPIRY).toEpochMilli());
            assertThat(h.getSideOutput(DecisionTags.HEALING)).isNull();
            assertThat(rows(h)).containsExactly("healing SCALE_OUT held null", "healing SCALE_OUT rejected rejected by bob: ok");
        }
        try (var h = harness()) {
            h.processElement1(new StreamRecord<>(SCALE_OUT));
            h.setProcessingTime(Decisions.DECIDED.plus(Decisions.EXPIRY).toEpochMilli());
            h.processElement2(new StreamRecord<>(CommandSignal.of(approval(SCALE_OUT.commandId(), IncidentEventType.APPROVED,
                    "late", Decisions.DECIDED.plus(Decisions.EXPIRY).plusSeconds(1)))));

            assertThat(h.getSideOutput(DecisionTags.HEALING)).isNull();
            assertThat(rows(h)).containsExactly("healing SCALE_OUT held null",
                    "healing SCALE_OUT expired no approval before " + SCALE_OUT.expiresAt());
            assertThat(events(h)).containsExactly("inc-1:SCALE_OUT:checkout:COMMAND_HELD", "inc-1:SCALE_OUT:checkout:EXPIRED");
            h.setProcessingTime(Decisions.DECIDED.plus(Decisions.EXPIRY).plus(RETENTION).toEpochMilli());
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void anAnswerBeforeItsCommandWaitsAndAnUnsupportedOneIsEscalated() throws Exception {
        try (var h = harness()) {
            h.processElement2(new StreamRecord<>(CommandSignal.of(answer(ROLLBACK.commandId(), CommandOutcome.NOT_SUPPORTED,
                    Decisions.DECIDED.plusSeconds(2)))));
            h.processElement1(new StreamRecord<>(ROLLBACK));

            assertThat(rows(h)).containsExactly("healing ROLLBACK_RELEASE issued null",
                    "healing ROLLBACK_RELEASE not_supported NOT_SUPPORTED: NOT_SUPPORTED by the executor");
            IncidentEvent escalation = h.getSideOutput(DecisionTags.EVENTS).stream().map(StreamRecord::getValue)
                    .filter(e -> e.type() == IncidentEventType.ESCALATED).findFirst().orElseThrow();
            assertThat(escalation.eventId()).isEqualTo("inc-1:ROLLBACK_RELEASE:rel-42:ESCALATED");
            assertThat(escalation.attributes()).containsEntry("release", "rel-42").containsEntry("by", "executor");
            h.setProcessingTime(Decisions.DECIDED.plus(RETENTION).plusSeconds(60).toEpochMilli());
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }
}
