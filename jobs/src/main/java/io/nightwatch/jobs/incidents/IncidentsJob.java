package io.nightwatch.jobs.incidents;

import io.nightwatch.functions.decisions.DecisionFunctions;
import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.enrich.ServiceCatalog;
import io.nightwatch.functions.incidents.flink.AwaitApproval;
import io.nightwatch.functions.incidents.flink.ConvergeIncidents;
import io.nightwatch.functions.incidents.flink.EnrichIncidents;
import io.nightwatch.functions.incidents.flink.GroupAlerts;
import io.nightwatch.functions.incidents.flink.IncidentTags;
import io.nightwatch.functions.incidents.flink.IngestTime;
import io.nightwatch.functions.incidents.flink.Keys;
import io.nightwatch.functions.incidents.flink.MuteStates;
import io.nightwatch.functions.incidents.flink.ParseAlertRecords;
import io.nightwatch.functions.incidents.flink.ParseAnomalyRecords;
import io.nightwatch.functions.incidents.flink.ParseApprovalRecords;
import io.nightwatch.functions.incidents.flink.ParseReleaseRecords;
import io.nightwatch.functions.incidents.flink.ParseSilenceRecords;
import io.nightwatch.functions.incidents.flink.PrioritizeIncidents;
import io.nightwatch.functions.incidents.flink.RouteAlerts;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.MuteSignal;
import io.nightwatch.functions.incidents.model.RoutedAlert;
import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.ReleaseEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The incidents job: alerts ∪ anomalies → parse (refused → dead letters) → route (Alertmanager's routing tree) →
 * aggregation groups (group_wait / group_interval / repeat_interval, silences and inhibition as broadcast state) →
 * priority → enrichment (release context, service catalog) → convergence (collect / skip / hold for approval) →
 * the incident event log on {@code nw.incidents} (exactly-once) and in PostgreSQL, and the {@code incidents} rows.
 * Time is ingest time: the Kafka timestamp the intake gave each record. It receives its sources and sinks;
 * {@code JobMain} passes the real ones.
 */
public final class IncidentsJob {

    public static final String NAME = "incidents";

    /** The job's inputs. {@code catalog} is the service catalog enrichment reads. */
    public record Sources(
            Source<RawRecord, ?, ?> alerts,
            Source<RawRecord, ?, ?> anomalies,
            Source<RawRecord, ?, ?> silences,
            Source<RawRecord, ?, ?> releases,
            Source<RawRecord, ?, ?> approvals,
            ServiceCatalog catalog) {}

    /** The job's outputs: dead letters, the event log (Kafka and PostgreSQL) and the incident rows. */
    public record Sinks(
            Sink<DeadLetter> deadLetters,
            Sink<IncidentEvent> events,
            Sink<IncidentEvent> eventLog,
            Sink<IncidentRow> incidents) {}

    /**
     * What the job hands to the decision step ({@link IncidentDecisions}): the incidents whose analysis is requested
     * (handled incidents, summaries, approved holds, most urgent first), every parsed alert version (alerts and
     * anomalies: the history an analysis sees), and the operators' decisions on held commands from the approvals topic.
     */
    public record HandOff(DataStream<IncidentUpdate> analysisRequests, DataStream<AlertInstance> alerts,
            DataStream<IncidentEvent> commandApprovals) {}

    private final IncidentsJobConfig config;

    public IncidentsJob(IncidentsJobConfig config) {
        this.config = config;
    }

    /**
     * Wires the job between the given sources and sinks. Returns what the decision step needs ({@link HandOff}); the
     * analyzer's Async I/O step, the guard and the commands attach there ({@link IncidentDecisions}).
     */
    public HandOff defineWorkflow(StreamExecutionEnvironment env, Sources sources, Sinks sinks) {
        IncidentsConfig rules = config.incidents();
        env.getConfig().enableObjectReuse(); // every record the operators pass on is immutable; chained operators share it
        WatermarkStrategy<RawRecord> time = new IngestTime<>(config.outOfOrderness(), config.idleAfter(),
                io.nightwatch.functions.incidents.flink.WallClock.SYSTEM);

        SingleOutputStreamOperator<AlertInstance> alerts = read(env, sources.alerts(), time, "alerts")
                .process(new ParseAlertRecords(config.limits(), rules.resolveTimeout(), NAME))
                .name("parse-alerts").uid("parse-alerts");
        SingleOutputStreamOperator<AlertInstance> anomalies = read(env, sources.anomalies(), time, "anomalies")
                .process(new ParseAnomalyRecords(config.limits(), rules.resolveTimeout(), NAME))
                .name("parse-anomalies").uid("parse-anomalies");
        SingleOutputStreamOperator<MuteSignal> silences = read(env, sources.silences(), time, "silences")
                .process(new ParseSilenceRecords(NAME)).name("parse-silences").uid("parse-silences");
        SingleOutputStreamOperator<ReleaseEvent> releases = read(env, sources.releases(), time, "releases")
                .process(new ParseReleaseRecords(NAME)).name("parse-releases").uid("parse-releases");
        SingleOutputStreamOperator<IncidentEvent> approvals = read(env, sources.approvals(), time, "approvals")
                .process(new ParseApprovalRecords(NAME)).name("parse-approvals").uid("parse-approvals");
        alerts.getSideOutput(DeadLetters.TAG)
                .union(anomalies.getSideOutput(DeadLetters.TAG), silences.getSideOutput(DeadLetters.TAG),
                        releases.getSideOutput(DeadLetters.TAG), approvals.getSideOutput(DeadLetters.TAG))
                .sinkTo(sinks.deadLetters()).name("dead-letters").uid("dead-letters-sink");

        // routing is chained to each parser (one network hop per alert, into its group)
        SingleOutputStreamOperator<RoutedAlert> routedAlerts = alerts
                .process(new RouteAlerts(rules)).name("route-alerts").uid("route-alerts");
        SingleOutputStreamOperator<RoutedAlert> routedAnomalies = anomalies
                .process(new RouteAlerts(rules)).name("route-anomalies").uid("route-anomalies");
        BroadcastStream<MuteSignal> mutes = routedAlerts.getSideOutput(IncidentTags.INHIBITION_SOURCES)
                .union(routedAnomalies.getSideOutput(IncidentTags.INHIBITION_SOURCES), silences)
                .broadcast(MuteStates.SILENCES, MuteStates.SOURCES);

        SingleOutputStreamOperator<IncidentUpdate> notified = routedAlerts.union(routedAnomalies)
                .keyBy(new Keys.GroupId()).connect(mutes)
                .process(new GroupAlerts(rules)).name("group-alerts").uid("group-alerts");
        SingleOutputStreamOperator<IncidentUpdate> prioritized = notified.transform("prioritize-incidents",
                        TypeInformation.of(IncidentUpdate.class),
                        new PrioritizeIncidents(rules.priority().batchSize(), rules.priority().batchDelay()))
                .uid("prioritize-incidents");
        SingleOutputStreamOperator<IncidentUpdate> enriched = prioritized.keyBy(new Keys.IncidentService())
                .connect(releases.keyBy(new Keys.ReleaseService()))
                .process(new EnrichIncidents(sources.catalog(), config.catalogRefresh(), config.releaseRetention()))
                .name("enrich-incidents").uid("enrich-incidents");
        SingleOutputStreamOperator<IncidentRow> converged = enriched.keyBy(new Keys.ConvergenceKey())
                .process(new ConvergeIncidents(rules)).name("converge-incidents").uid("converge-incidents");
        SingleOutputStreamOperator<IncidentRow> decided = converged.getSideOutput(IncidentTags.HELD)
                .keyBy(new Keys.IncidentId()).connect(approvals.filter(new DecisionFunctions.IncidentApprovals())
                        .name("incident-approvals").uid("incident-approvals").keyBy(new Keys.ApprovedIncident()))
                .process(new AwaitApproval(rules)).name("await-approval").uid("await-approval");

        DataStream<IncidentEvent> events = notified.getSideOutput(IncidentTags.EVENTS)
                .union(enriched.getSideOutput(IncidentTags.EVENTS), converged.getSideOutput(IncidentTags.EVENTS),
                        decided.getSideOutput(IncidentTags.EVENTS));
        events.sinkTo(sinks.events()).name("incident-events-kafka").uid("incident-events-kafka");
        events.sinkTo(sinks.eventLog()).name("incident-events-postgres").uid("incident-events-postgres");
        converged.union(decided).keyBy(new Keys.RowId())
                .sinkTo(sinks.incidents()).name("incidents-postgres").uid("incidents-postgres");

        return new HandOff(converged.getSideOutput(IncidentTags.ANALYSIS_REQUESTS)
                        .union(decided.getSideOutput(IncidentTags.ANALYSIS_REQUESTS)),
                alerts.union(anomalies),
                approvals.filter(new DecisionFunctions.CommandApprovals()).name("command-approvals").uid("command-approvals"));
    }

    private static DataStream<RawRecord> read(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source,
            WatermarkStrategy<RawRecord> time, String name) {
        return env.fromSource(source, time, name + "-source").uid(name + "-source");
    }
}
