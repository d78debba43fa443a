package io.nightwatch.jobs.incidents;

import io.nightwatch.jobs.incidents.sql.IncidentEventInsert;
import io.nightwatch.jobs.incidents.sql.IncidentUpsert;
import io.nightwatch.jobs.io.JdbcIo;
import io.nightwatch.jobs.io.KafkaIo;
import io.nightwatch.jobs.io.NoKey;
import io.nightwatch.jobs.canary.CanaryKeys;
import io.nightwatch.jobs.canary.sql.CommandUpsert;

/** The incidents job's real sources and sinks, built through {@link KafkaIo} and {@link JdbcIo} (for JobMain). */
public final class IncidentsIo {

    private IncidentsIo() {}

    public static IncidentsJob.Sources sources(IncidentsJobConfig c) {
        return new IncidentsJob.Sources(
                KafkaIo.rawSource(c.kafka(), c.alertsTopic()),
                KafkaIo.rawSource(c.kafka(), c.anomaliesTopic()),
                KafkaIo.compactedSource(c.kafka(), c.silencesTopic()),
                KafkaIo.compactedSource(c.kafka(), c.releasesTopic()),
                KafkaIo.rawSource(c.kafka(), c.approvalsTopic()),
                new JdbcServiceCatalog(c.jdbc()));
    }

    public static IncidentsJob.Sinks sinks(IncidentsJobConfig c) {
        return new IncidentsJob.Sinks(
                KafkaIo.jsonSink(c.kafka(), c.deadLetterTopic(), new NoKey<>(), "nw-incidents-dlq"),
                KafkaIo.jsonSink(c.kafka(), c.incidentsTopic(), new IncidentEventKey(), "nw-incidents-events"),
                JdbcIo.mergingUpserts(c.jdbc(), new IncidentEventInsert()),
                JdbcIo.mergingUpserts(c.jdbc(), new IncidentUpsert()));
    }

    /** The decision step's inputs (given {@code --analyzer-url}). */
    public static IncidentDecisions.Sources decisionSources(IncidentsJobConfig c) {
        DecisionConfig d = c.decisions();
        return new IncidentDecisions.Sources(
                KafkaIo.compactedSource(c.kafka(), d.rulesTopic()),
                KafkaIo.rawSource(c.kafka(), d.resultsTopic()));
    }

    /** The decision step's outputs: commands exactly once, events, {@code commands} rows, dead letters. */
    public static IncidentDecisions.Sinks decisionSinks(IncidentsJobConfig c) {
        DecisionConfig d = c.decisions();
        return new IncidentDecisions.Sinks(
                KafkaIo.jsonSink(c.kafka(), d.healingTopic(), new CanaryKeys.CommandKey(), "nw-incidents-healing"),
                KafkaIo.jsonSink(c.kafka(), d.ruleCommandsTopic(), new RuleChangeKey(), "nw-incidents-rule-changes"),
                KafkaIo.jsonSink(c.kafka(), c.incidentsTopic(), new IncidentEventKey(), "nw-incidents-decisions"),
                JdbcIo.mergingUpserts(c.jdbc(), new IncidentEventInsert()),
                JdbcIo.upserts(c.jdbc(), CommandUpsert.SQL, new CommandUpsert()),
                KafkaIo.jsonSink(c.kafka(), c.deadLetterTopic(), new NoKey<>(), "nw-incidents-decisions-dlq"));
    }
}
