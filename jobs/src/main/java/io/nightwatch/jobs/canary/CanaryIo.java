package io.nightwatch.jobs.canary;

import io.nightwatch.jobs.canary.sql.CommandUpsert;
import io.nightwatch.jobs.canary.sql.IncidentEventInsert;
import io.nightwatch.jobs.canary.sql.InstanceVersionUpsert;
import io.nightwatch.jobs.canary.sql.MetricVerdictUpsert;
import io.nightwatch.jobs.canary.sql.ReleaseEventInsert;
import io.nightwatch.jobs.canary.sql.ReleaseStageUpsert;
import io.nightwatch.jobs.canary.sql.ReleaseUpsert;
import io.nightwatch.jobs.canary.sql.StageVerdictUpsert;
import io.nightwatch.jobs.canary.sql.SuspicionInsert;
import io.nightwatch.jobs.io.JdbcIo;
import io.nightwatch.jobs.io.KafkaIo;
import io.nightwatch.jobs.io.NoKey;

/** The canary job's real sources and sinks, built through {@link KafkaIo} and {@link JdbcIo} (for JobMain). */
public final class CanaryIo {

    private CanaryIo() {}

    public static CanaryJob.Sources sources(CanaryJobConfig c) {
        return new CanaryJob.Sources(
                KafkaIo.rawSource(c.kafka(), c.metricsTopic()),
                KafkaIo.rawSource(c.kafka(), c.releasesTopic()),
                KafkaIo.rawSource(c.kafka(), c.alertsTopic()),
                KafkaIo.rawSource(c.kafka(), c.resultsTopic()));
    }

    public static CanaryJob.Sinks sinks(CanaryJobConfig c) {
        return new CanaryJob.Sinks(
                KafkaIo.jsonSink(c.kafka(), c.deadLetterTopic(), new NoKey<>(), "nw-canary-dlq"),
                KafkaIo.jsonSink(c.kafka(), c.verdictsTopic(), new CanaryKeys.VerdictKey(), "nw-canary-verdicts"),
                KafkaIo.jsonSink(c.kafka(), c.commandsTopic(), new CanaryKeys.CommandKey(), "nw-canary-commands"),
                KafkaIo.jsonSink(c.kafka(), c.incidentsTopic(), new CanaryKeys.IncidentKey(), "nw-canary-incidents"),
                JdbcIo.upserts(c.jdbc(), ReleaseUpsert.SQL, new ReleaseUpsert()),
                JdbcIo.upserts(c.jdbc(), ReleaseStageUpsert.SQL, new ReleaseStageUpsert()),
                JdbcIo.upserts(c.jdbc(), ReleaseEventInsert.SQL, new ReleaseEventInsert()),
                JdbcIo.upserts(c.jdbc(), InstanceVersionUpsert.SQL, new InstanceVersionUpsert()),
                JdbcIo.upserts(c.jdbc(), StageVerdictUpsert.SQL, new StageVerdictUpsert()),
                JdbcIo.upserts(c.jdbc(), MetricVerdictUpsert.SQL, new MetricVerdictUpsert()),
                JdbcIo.upserts(c.jdbc(), CommandUpsert.SQL, new CommandUpsert()),
                JdbcIo.upserts(c.jdbc(), IncidentEventInsert.SQL, new IncidentEventInsert()),
                JdbcIo.upserts(c.jdbc(), SuspicionInsert.SQL, new SuspicionInsert()));
    }
}
