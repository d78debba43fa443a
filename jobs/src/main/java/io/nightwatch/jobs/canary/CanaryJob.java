package io.nightwatch.jobs.canary;

import io.nightwatch.functions.canary.commands.CommandFunctions;
import io.nightwatch.functions.canary.commands.CommandRow;
import io.nightwatch.functions.canary.commands.TrackCommands;
import io.nightwatch.functions.canary.ingest.Checks;
import io.nightwatch.functions.canary.ingest.ParseRecords;
import io.nightwatch.functions.canary.release.InstanceVersion;
import io.nightwatch.functions.canary.release.ReleaseKeys;
import io.nightwatch.functions.canary.release.StageEvents;
import io.nightwatch.functions.canary.release.ToInstanceVersions;
import io.nightwatch.functions.canary.stage.JudgeCanaryStages;
import io.nightwatch.functions.canary.stage.JudgedStage;
import io.nightwatch.functions.canary.stage.JudgedStageFunctions;
import io.nightwatch.functions.canary.stage.MetricVerdictRow;
import io.nightwatch.functions.canary.stage.StageJudge;
import io.nightwatch.functions.canary.stage.StageTransitions;
import io.nightwatch.functions.canary.suspect.InstanceAlerts;
import io.nightwatch.functions.canary.suspect.InstanceSignal;
import io.nightwatch.functions.canary.suspect.MarkSuspect;
import io.nightwatch.functions.canary.suspect.SuspectPattern;
import io.nightwatch.functions.canary.suspect.Suspicion;
import io.nightwatch.functions.canary.suspect.VersionChanges;
import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.metrics.ParseMetricPoints;
import io.nightwatch.functions.metrics.PointTimestamp;
import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.functions.metrics.ValidationLimits;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.ReleaseEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The canary job: judges every analysed release stage (canary vs baseline instances, per configured metric, over
 * the stage's window) and publishes the verdict; FAIL rolls the release back and MARGINAL / NOT_ENOUGH_DATA pause
 * it (exactly-once healing commands); a CEP pattern marks a release suspect when one of its instances alerts soon
 * after its version changed; the executor's answers are recorded and refusals escalated; {@code nw.releases} is
 * projected into PostgreSQL. It receives its sources and sinks; {@code JobMain} passes the real ones. See README.md.
 */
public final class CanaryJob {

    public static final String NAME = "canary";

    /** Where the job reads: raw records of each topic. */
    public record Sources(Source<RawRecord, ?, ?> metrics, Source<RawRecord, ?, ?> releases,
            Source<RawRecord, ?, ?> alerts, Source<RawRecord, ?, ?> results) {}

    /** Where the job writes: the Kafka topics, then the PostgreSQL projections. */
    public record Sinks(Sink<DeadLetter> deadLetters, Sink<CanaryVerdict> verdicts, Sink<HealingCommand> commands,
            Sink<IncidentEvent> incidents, Sink<ReleaseEvent> releases, Sink<ReleaseEvent> releaseStages,
            Sink<ReleaseEvent> releaseEvents, Sink<InstanceVersion> instances, Sink<JudgedStage> stageVerdicts,
            Sink<MetricVerdictRow> metricVerdicts, Sink<CommandRow> commandRows, Sink<IncidentEvent> incidentEvents,
            Sink<Suspicion> suspicions) {}

    /** How long a partial suspect match outlives N in processing time (bounds the CEP state). */
    static final Duration SUSPECT_SLACK = Duration.ofMinutes(5);

    private final CanaryJobConfig config;

    public CanaryJob(CanaryJobConfig config) {
        this.config = config;
    }

    /** Wires the job's operators between the given sources and sinks. */
    public void defineWorkflow(StreamExecutionEnvironment env, Sources sources, Sinks sinks) {
        // ---- intake: parse every topic; refused records become dead letters with the reason
        SingleOutputStreamOperator<SeriesPoint> points = env
                .fromSource(sources.metrics(), WatermarkStrategy.noWatermarks(), "canary-metrics-source")
                .uid("canary-metrics-source")
                .process(new ParseMetricPoints(ValidationLimits.defaults(), NAME))
                .name("parse-metric-points").uid("canary-parse-metric-points");
        SingleOutputStreamOperator<ReleaseEvent> releases = env
                .fromSource(sources.releases(), WatermarkStrategy.noWatermarks(), "canary-releases-source")
                .uid("canary-releases-source")
                .process(new ParseRecords<>(ReleaseEvent.class, new Checks.ReleaseEventCheck(), NAME))
                .name("parse-release-events").uid("canary-parse-release-events");
        SingleOutputStreamOperator<Alert> alerts = env
                .fromSource(sources.alerts(), WatermarkStrategy.noWatermarks(), "canary-alerts-source")
                .uid("canary-alerts-source")
                .process(new ParseRecords<>(Alert.class, new Checks.AlertCheck(), NAME))
                .name("parse-alerts").uid("canary-parse-alerts");
        SingleOutputStreamOperator<CommandResult> results = env
                .fromSource(sources.results(), WatermarkStrategy.noWatermarks(), "canary-results-source")
                .uid("canary-results-source")
                .process(new ParseRecords<>(CommandResult.class, new Checks.CommandResultCheck(), NAME))
                .name("parse-command-results").uid("canary-parse-command-results");
        points.getSideOutput(DeadLetters.TAG)
                .union(releases.getSideOutput(DeadLetters.TAG), alerts.getSideOutput(DeadLetters.TAG),
                        results.getSideOutput(DeadLetters.TAG))
                .sinkTo(sinks.deadLetters()).name("dead-letters").uid("canary-dead-letters-sink");

        projectReleases(releases, sinks);
        SingleOutputStreamOperator<JudgedStage> judged = judgeStages(points, releases, sinks);
        SingleOutputStreamOperator<Suspicion> suspicions = markSuspects(releases, alerts, sinks);
        trackCommands(judged, suspicions, results, sinks);
    }

    /** nw.releases → releases, release_stages, release_events, instances (idempotent upserts, one release in order). */
    private void projectReleases(DataStream<ReleaseEvent> releases, Sinks sinks) {
        KeyedStream<ReleaseEvent, String> byRelease = releases.keyBy(new ReleaseKeys.EventRelease());
        byRelease.sinkTo(sinks.releases()).name("releases-postgres").uid("canary-releases-postgres");
        byRelease.filter(new StageEvents()).name("stage-events").uid("canary-stage-events")
                .sinkTo(sinks.releaseStages()).name("release-stages-postgres").uid("canary-release-stages-postgres");
        byRelease.sinkTo(sinks.releaseEvents()).name("release-events-postgres").uid("canary-release-events-postgres");
        byRelease.flatMap(new ToInstanceVersions()).name("instance-versions").uid("canary-instance-versions")
                .sinkTo(sinks.instances()).name("instances-postgres").uid("canary-instances-postgres");
    }

    /** Points and release events of a service, in event time → judged stages → verdicts (Kafka, PostgreSQL). */
    private SingleOutputStreamOperator<JudgedStage> judgeStages(DataStream<SeriesPoint> points,
            DataStream<ReleaseEvent> releases, Sinks sinks) {
        DataStream<SeriesPoint> timedPoints = points
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<SeriesPoint>forBoundedOutOfOrderness(config.outOfOrderness())
                        .withTimestampAssigner(new PointTimestamp())
                        .withIdleness(config.idleness()))
                .name("metric-event-time").uid("canary-metric-event-time");
        DataStream<ReleaseEvent> timedReleases = releases
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<ReleaseEvent>forBoundedOutOfOrderness(Duration.ZERO)
                        .withTimestampAssigner(new ReleaseKeys.EventTime())
                        .withIdleness(config.idleness()))
                .name("release-event-time").uid("canary-release-event-time");
        SingleOutputStreamOperator<JudgedStage> judged = timedPoints.connect(timedReleases)
                .keyBy(new ReleaseKeys.PointService(), new ReleaseKeys.EventService())
                .process(new JudgeCanaryStages(new StageJudge(config.judge(), config.canary()),
                        new StageTransitions(config.analysisDelay())))
                .name("judge-canary-stages").uid("canary-judge-stages");
        judged.map(new JudgedStageFunctions.VerdictOf()).name("verdicts").uid("canary-verdicts")
                .sinkTo(sinks.verdicts()).name("verdicts-kafka").uid("canary-verdicts-kafka");
        judged.sinkTo(sinks.stageVerdicts()).name("stage-verdicts-postgres").uid("canary-stage-verdicts-postgres");
        judged.flatMap(new JudgedStageFunctions.MetricRows()).name("metric-verdicts").uid("canary-metric-verdicts")
                .sinkTo(sinks.metricVerdicts()).name("metric-verdicts-postgres").uid("canary-metric-verdicts-postgres");
        return judged;
    }

    /** Version changes and instance alerts → CEP "alert within N of the change" → suspicions. */
    private SingleOutputStreamOperator<Suspicion> markSuspects(DataStream<ReleaseEvent> releases,
            DataStream<Alert> alerts, Sinks sinks) {
        DataStream<InstanceSignal> signals = releases.flatMap(new VersionChanges())
                .name("version-changes").uid("canary-version-changes")
                .union(alerts.flatMap(new InstanceAlerts(config.suspectSeverities()))
                        .name("instance-alerts").uid("canary-instance-alerts"));
        SingleOutputStreamOperator<Suspicion> suspicions = CEP
                .pattern(signals.keyBy(new SuspectPattern.ByInstance()),
                        SuspectPattern.within(config.suspectWithin(), SUSPECT_SLACK))
                .inProcessingTime()
                .process(new MarkSuspect())
                .name("suspect-pattern").uid("canary-suspect-pattern");
        suspicions.sinkTo(sinks.suspicions()).name("suspicions-postgres").uid("canary-suspicions-postgres");
        return suspicions;
    }

    /** Commands from verdicts and suspicions, issued once; answers recorded; refusals escalated. */
    private void trackCommands(DataStream<JudgedStage> judged, DataStream<Suspicion> suspicions,
            DataStream<CommandResult> results, Sinks sinks) {
        DataStream<HealingCommand> derived = judged
                .flatMap(new CommandFunctions.StageCommands(config.commandExpiry()))
                .name("stage-commands").uid("canary-stage-commands")
                .union(suspicions.flatMap(new CommandFunctions.SuspicionCommands(config.commandExpiry(),
                        config.suspectRollback())).name("suspect-commands").uid("canary-suspect-commands"));
        DataStream<CommandResult> own = results.filter(new CommandFunctions.OwnResults())
                .name("own-command-results").uid("canary-own-command-results");
        SingleOutputStreamOperator<CommandRow> rows = derived.connect(own)
                .keyBy(new CommandFunctions.CommandId(), new CommandFunctions.ResultCommandId())
                .process(new TrackCommands(config.commandRetention()))
                .name("track-commands").uid("canary-track-commands");
        rows.sinkTo(sinks.commandRows()).name("commands-postgres").uid("canary-commands-postgres");
        rows.getSideOutput(TrackCommands.TO_ISSUE)
                .sinkTo(sinks.commands()).name("commands-kafka").uid("canary-commands-kafka");
        DataStream<IncidentEvent> escalations = rows.getSideOutput(TrackCommands.ESCALATIONS);
        escalations.sinkTo(sinks.incidents()).name("escalations-kafka").uid("canary-escalations-kafka");
        escalations.sinkTo(sinks.incidentEvents()).name("escalations-postgres").uid("canary-escalations-postgres");
    }
}
