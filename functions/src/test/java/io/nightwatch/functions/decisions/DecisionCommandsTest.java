package io.nightwatch.functions.decisions;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.HealingAction;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseStatus;
import io.nightwatch.schemas.RuleSettings;
import io.nightwatch.schemas.testing.Incidents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a guarded decision becomes: a healing command, a rule change, or nothing. */
class DecisionCommandsTest {

    private final DecisionCommands commands = new DecisionCommands(Decisions.EXPIRY);

    @Test
    void anAllowedRollbackBecomesAHealingCommandKeyedByIncidentActionAndTarget() {
        AnalysisRequest q = canaryIncident();
        IncidentCommand c = commands.healing(Decisions.guarded(q, Decisions.result(q, AnalysisAction.ROLLBACK_RELEASE,
                Incidents.RELEASE, Map.of(), 0.9))).orElseThrow();

        assertThat(c.commandId()).isEqualTo("inc-1:ROLLBACK_RELEASE:rel-42");
        assertThat(c.kind()).isEqualTo(IncidentCommand.HEALING);
        assertThat(c.requiresApproval()).isFalse();
        HealingCommand h = c.healing();
        assertThat(h.action()).isEqualTo(HealingAction.ROLLBACK_RELEASE);
        assertThat(h.target()).isEqualTo("rel-42");
        assertThat(h.release()).isEqualTo("rel-42");
        assertThat(h.incident()).isEqualTo("inc-1");
        assertThat(h.createdAt()).isEqualTo(Decisions.DECIDED);
        assertThat(h.expiresAt()).isEqualTo(Decisions.DECIDED.plus(Decisions.EXPIRY));
        assertThat(h.issuedBy()).isEqualTo(IncidentCommands.ISSUER);
        assertThat(h.parameters()).containsEntry("confidence", "0.90").containsEntry("provider", "openai:m");
        assertThat(h.reason()).isEqualTo("root cause — because (openai:m, confidence 0.90)");
    }

    @Test
    void aHeldScaleOutRequiresApprovalAndRejectedEscalatedOrNoneDecisionsBecomeNothing() {
        AnalysisRequest q = canaryIncident();
        IncidentCommand scale = commands.healing(Decisions.guarded(q, Decisions.result(q, AnalysisAction.SCALE_OUT, "checkout",
                Map.of("replicas", "1"), 0.8))).orElseThrow();
        assertThat(scale.requiresApproval()).isTrue();
        assertThat(scale.healing().requiresApproval()).isTrue();
        assertThat(scale.healing().parameters()).containsEntry("replicas", "1");

        assertThat(commands.healing(Decisions.guarded(q, Decisions.result(q, AnalysisAction.SCALE_OUT, "everything",
                Map.of("replicas", "0"), 0.99)))).isEmpty();
        AnalysisRequest finished = Incidents.request(q.alerts(), q.anomalies(), Incidents.finishedRelease(Incidents.RELEASED));
        assertThat(commands.healing(Decisions.guarded(finished, Decisions.result(finished, AnalysisAction.ROLLBACK_RELEASE,
                Incidents.RELEASE, Map.of(), 0.9)))).isEmpty();
        assertThat(commands.healing(Decisions.guarded(q, Decisions.result(q, AnalysisAction.NONE, "checkout", Map.of(),
                0.9)))).isEmpty();
        assertThat(finished.release().status()).isEqualTo(ReleaseStatus.COMPLETED);
    }

    @Test
    void anAllowedRuleAdjustmentBecomesAProposalCompletedWithTheRulesSettings() {
        AnalysisRequest q = Incidents.request(List.of(Incidents.firing("LedgerLatency", "checkout-2", Incidents.BEGINNING)),
                List.of(), null);
        GuardedDecision d = Decisions.guarded(q, Decisions.result(q, AnalysisAction.ADJUST_RULE, "LedgerLatency",
                Map.of("forSeconds", "300"), 0.7));
        assertThat(commands.healing(d)).isEmpty();
        RuleProposal p = commands.ruleProposal(d).orElseThrow();
        assertThat(p.commandId()).isEqualTo("inc-1:ADJUST_RULE:LedgerLatency");
        assertThat(p.evidence()).containsEntry("rootCause", "root cause").containsEntry("evidence1", "evidence");

        AlertRule rule = Json.fromString("""
                {"id":"LedgerLatency","version":4,"name":"LedgerLatency","metric":"latency_ms","resolution":"1m",
                 "condition":{"kind":"THRESHOLD","field":"avg","comparison":"GT","threshold":300.0,"periodSeconds":0},
                 "forSeconds":60,"severity":"warning","enabled":true}""", AlertRule.class);
        IncidentCommand c = RuleChanges.command(p, rule).orElseThrow();
        assertThat(c.kind()).isEqualTo(IncidentCommand.RULE);
        assertThat(c.rule().fromVersion()).isEqualTo(4);
        assertThat(c.rule().from()).isEqualTo(new RuleSettings(300.0, 60, true));
        assertThat(c.rule().to()).isEqualTo(new RuleSettings(300.0, 300, true));
        assertThat(c.rule().evidence()).containsEntry("incident", "inc-1").containsEntry("ruleName", "LedgerLatency");

        AlertRule already = Json.fromString(Json.toString(rule).replace("\"forSeconds\":60", "\"forSeconds\":300"), AlertRule.class);
        assertThat(RuleChanges.command(p, already)).isEmpty();
        assertThat(RuleChanges.proposed(new RuleSettings(300, 60, true), Map.of("threshold", "350.5")))
                .isEqualTo(new RuleSettings(350.5, 60, true));
    }
}
