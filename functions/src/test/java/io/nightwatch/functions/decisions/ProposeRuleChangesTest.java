package io.nightwatch.functions.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.rules.RuleUpdate;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.RuleSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Rule proposals against the rule's current version from nw.rules; unknown rules escalated after a wait. */
class ProposeRuleChangesTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final RuleProposal PROPOSAL = new RuleProposal("inc-5:ADJUST_RULE:lat", "lat", "inc-5", "ledger",
            "LedgerLatency on ledger", "warning", Map.of("forSeconds", "300"), "lat flaps", Map.of(), false,
            Decisions.DECIDED, Decisions.DECIDED.plus(Decisions.EXPIRY), IncidentCommands.ISSUER);

    private static AlertRule rule(int version, long forSeconds) {
        return Json.fromString("""
                {"id":"lat","version":%d,"name":"LedgerLatency","metric":"latency_ms","resolution":"1m",
                 "condition":{"kind":"THRESHOLD","field":"avg","comparison":"GT","threshold":300.0,"periodSeconds":0},
                 "forSeconds":%d,"severity":"warning","enabled":true}""".formatted(version, forSeconds), AlertRule.class);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, RuleProposal, RuleUpdate, IncidentCommand> harness()
            throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new ProposeRuleChanges(WAIT),
                new DecisionKeys.ProposalRule(), new DecisionKeys.UpdateRule(), Types.STRING);
        h.setProcessingTime(Decisions.DECIDED.toEpochMilli());
        return h;
    }

    @Test
    void proposesAgainstTheNewestVersionEvenWhenTheRuleArrivesAfterTheProposal() throws Exception {
        try (var h = harness()) {
            h.processElement1(new StreamRecord<>(PROPOSAL));
            assertThat(h.extractOutputValues()).isEmpty();
            h.processElement2(new StreamRecord<>(new RuleUpdate("lat", rule(3, 0))));
            h.processElement2(new StreamRecord<>(new RuleUpdate("lat", rule(2, 60))));

            assertThat(h.extractOutputValues()).singleElement().satisfies(c -> {
                assertThat(c.rule().fromVersion()).isEqualTo(3);
                assertThat(c.rule().from()).isEqualTo(new RuleSettings(300, 0, true));
                assertThat(c.rule().to()).isEqualTo(new RuleSettings(300, 300, true));
            });
            h.setProcessingTime(Decisions.DECIDED.plus(WAIT).toEpochMilli());
            assertThat(h.getSideOutput(DecisionTags.EVENTS)).isNull();
        }
    }

    @Test
    void aProposalForAnUnknownOrDeletedRuleIsEscalatedToAHuman() throws Exception {
        try (var h = harness()) {
            h.processElement2(new StreamRecord<>(new RuleUpdate("lat", rule(1, 0))));
            h.processElement2(new StreamRecord<>(new RuleUpdate("lat", null)));
            h.processElement1(new StreamRecord<>(PROPOSAL));
            h.setProcessingTime(Decisions.DECIDED.plus(WAIT).toEpochMilli());

            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(DecisionTags.EVENTS)).singleElement().satisfies(r -> {
                assertThat(r.getValue().type()).isEqualTo(IncidentEventType.ESCALATED);
                assertThat(r.getValue().eventId()).isEqualTo("inc-5:ADJUST_RULE:lat:ESCALATED");
                assertThat(r.getValue().attributes().get("reason")).startsWith("rule lat is not in the rule store");
            });
        }
    }
}
