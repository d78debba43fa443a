package io.nightwatch.jobs.incidents;

import io.nightwatch.jobs.incidents.sql.IncidentEventInsert;
import io.nightwatch.jobs.incidents.sql.IncidentUpsert;
import io.nightwatch.jobs.io.JdbcIo;
import io.nightwatch.jobs.io.KafkaIo;
import io.nightwatch.jobs.io.NoKey;

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
}
