package io.nightwatch.functions.decisions;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.rules.RuleUpdate;
import org.apache.flink.api.java.functions.KeySelector;

/** The key selectors of the decision operators, one named class each. */
public final class DecisionKeys {

    private DecisionKeys() {}

    /** The service an alert is about ("" for none): the analysis context is kept per service. */
    public static final class AlertService implements KeySelector<AlertInstance, String> {
        @Override
        public String getKey(AlertInstance a) {
            String s = a.labels().get("service");
            return s == null ? "" : s;
        }
    }

    /** The service of an analysed incident ("" for none): the guard's rate limits are per service. */
    public static final class AnalyzedService implements KeySelector<AnalyzedIncident, String> {
        @Override
        public String getKey(AnalyzedIncident a) {
            String s = a.request().service();
            return s == null ? "" : s;
        }
    }

    /** The rule a proposal is about. */
    public static final class ProposalRule implements KeySelector<RuleProposal, String> {
        @Override
        public String getKey(RuleProposal p) {
            return p.ruleId();
        }
    }

    /** The rule of an update of {@code nw.rules}. */
    public static final class UpdateRule implements KeySelector<RuleUpdate, String> {
        @Override
        public String getKey(RuleUpdate u) {
            return u.ruleId();
        }
    }

    /** A command's id. */
    public static final class CommandId implements KeySelector<IncidentCommand, String> {
        @Override
        public String getKey(IncidentCommand c) {
            return c.commandId();
        }
    }

    /** The command a signal is about. */
    public static final class SignalCommand implements KeySelector<CommandSignal, String> {
        @Override
        public String getKey(CommandSignal s) {
            return s.commandId();
        }
    }
}
