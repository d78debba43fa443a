package io.nightwatch.api.alerts;

import io.nightwatch.api.approvals.ApprovalLog;
import io.nightwatch.api.commands.CommandRepository;
import io.nightwatch.api.incidents.IncidentRepository;
import io.nightwatch.api.rules.RuleRepository;
import io.nightwatch.api.silences.SilenceRepository;
import org.jdbi.v3.core.Jdbi;

/**
 * What the alert intake, silences, incidents, rules and commands routes need: their repositories and the Kafka
 * publisher.
 */
public record Alerting(IncidentRepository incidents, SilenceRepository silences, RecordPublisher publisher,
        RuleRepository rules, CommandRepository commands, ApprovalLog approvals) {

    /** Repositories on {@code jdbi}; writes refused until a publisher is set ({@link #withPublisher}). */
    public static Alerting of(Jdbi jdbi) {
        return new Alerting(new IncidentRepository(jdbi), new SilenceRepository(jdbi), new UnconfiguredPublisher(),
                new RuleRepository(jdbi), new CommandRepository(jdbi), new ApprovalLog(jdbi));
    }

    public Alerting withPublisher(RecordPublisher newPublisher) {
        return new Alerting(incidents, silences, newPublisher, rules, commands, approvals);
    }
}
