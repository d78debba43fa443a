package io.nightwatch.jobs.incidents;

import io.nightwatch.functions.analysis.AnalyzeIncident;
import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.functions.canary.commands.CommandRow;
import io.nightwatch.functions.canary.ingest.Checks;
import io.nightwatch.functions.canary.ingest.ParseRecords;
import io.nightwatch.functions.decisions.AlertHistory;
import io.nightwatch.functions.decisions.BuildAnalysisRequests;
import io.nightwatch.functions.decisions.CommandSignal;
import io.nightwatch.functions.decisions.DecisionFunctions;
import io.nightwatch.functions.decisions.DecisionKeys;
import io.nightwatch.functions.decisions.DecisionTags;
import io.nightwatch.functions.decisions.DeriveCommands;
import io.nightwatch.functions.decisions.GuardDecisions;
import io.nightwatch.functions.decisions.GuardedDecision;
import io.nightwatch.functions.decisions.IncidentCommand;
import io.nightwatch.functions.decisions.ProposeRuleChanges;
import io.nightwatch.functions.decisions.TrackIncidentCommands;
import io.nightwatch.functions.incidents.flink.Keys;
import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.rules.ParseRuleUpdates;
import io.nightwatch.functions.rules.RuleUpdate;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.RuleChangeCommand;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The incidents job's decision step (issue 7), after {@link IncidentsJob}: each incident whose analysis is requested
 * → an analysis request with its alerts' recent episodes → the analyzer over Async I/O (unordered, with a timeout and
 * a capacity; on timeout or error the builtin rules decide) → the guard (keyed by service, rate limits in keyed state)
 * → commands: healing commands and rule changes (the rule's current version from {@code nw.rules}), held for approval
 * when the guard says so → {@code nw.commands.healing} / {@code nw.commands.rules} exactly once, every step in
 * {@code commands} and in the incident's event log; the executors' answers ({@code nw.commands.results}) and the
 * operators' approvals are recorded. It receives its sources and sinks; {@code JobMain} passes the real ones.
 */
public final class IncidentDecisions {

    /** The step's own inputs (the rest comes from {@link IncidentsJob.HandOff}). */
    public record Sources(Source<RawRecord, ?, ?> rules, Source<RawRecord, ?, ?> results) {}

    /** The step's outputs: the command topics, the event log (Kafka, PostgreSQL), {@code commands}, dead letters. */
    public record Sinks(
            Sink<HealingCommand> healing,
            Sink<RuleChangeCommand> ruleChanges,
            Sink<IncidentEvent> events,
            Sink<IncidentEvent> eventLog,
            Sink<CommandRow> commandRows,
            Sink<DeadLetter> deadLetters) {}

    private final DecisionConfig config;

    public IncidentDecisions(DecisionConfig config) {
        this.config = config;
    }

    /** The whole step: {@link #analyze}, then {@link #decide}. */
    public void define(StreamExecutionEnvironment env, IncidentsJob.HandOff handOff, Sources sources, Sinks sinks) {
        decide(env, analyze(handOff), handOff, sources, sinks);
    }

    /** Incidents → analysis requests (with the alerts' recent episodes) → the analyzer, asynchronously. */
    public DataStream<AnalyzedIncident> analyze(IncidentsJob.HandOff handOff) {
        SingleOutputStreamOperator<AnalysisRequest> requests = handOff.alerts().keyBy(new DecisionKeys.AlertService())
                .connect(handOff.analysisRequests().keyBy(new Keys.IncidentService()))
                .process(new BuildAnalysisRequests(new AlertHistory(20, config.alertHistory())))
                .name("build-analysis-requests").uid("build-analysis-requests");
        return AsyncDataStream.unorderedWait(requests, new AnalyzeIncident(config.analyzer()),
                        config.asyncTimeout().toMillis(), TimeUnit.MILLISECONDS, config.capacity())
                .name("analyze-incident").uid("analyze-incident");
    }

    /** Analyses → the guard → commands (held, approved, issued, answered) → topics, {@code commands}, event log. */
    public void decide(StreamExecutionEnvironment env, DataStream<AnalyzedIncident> analyzed, IncidentsJob.HandOff handOff,
            Sources sources, Sinks sinks) {
        SingleOutputStreamOperator<RuleUpdate> rules = env
                .fromSource(sources.rules(), WatermarkStrategy.noWatermarks(), "rules-source").uid("rules-source")
                .process(new ParseRuleUpdates(IncidentsJob.NAME)).name("parse-rules").uid("parse-rules");
        SingleOutputStreamOperator<CommandResult> results = env
                .fromSource(sources.results(), WatermarkStrategy.noWatermarks(), "results-source").uid("results-source")
                .process(new ParseRecords<>(CommandResult.class, new Checks.CommandResultCheck(), IncidentsJob.NAME))
                .name("parse-command-results").uid("parse-command-results");
        // invalid rules are the metrics job's dead letters (it reads the same topic); answers refused here are ours
        results.getSideOutput(DeadLetters.TAG).sinkTo(sinks.deadLetters()).name("decision-dead-letters")
                .uid("decision-dead-letters-sink");

        SingleOutputStreamOperator<GuardedDecision> guarded = analyzed.keyBy(new DecisionKeys.AnalyzedService())
                .process(new GuardDecisions(config.guard())).name("guard-decisions").uid("guard-decisions");
        SingleOutputStreamOperator<IncidentCommand> healing = guarded
                .process(new DeriveCommands(config.commandExpiry())).name("derive-commands").uid("derive-commands");
        SingleOutputStreamOperator<IncidentCommand> ruleChanges = healing.getSideOutput(DecisionTags.RULE_PROPOSALS)
                .keyBy(new DecisionKeys.ProposalRule()).connect(rules.keyBy(new DecisionKeys.UpdateRule()))
                .process(new ProposeRuleChanges(config.ruleWait())).name("propose-rule-changes").uid("propose-rule-changes");

        DataStream<CommandSignal> signals = handOff.commandApprovals()
                .map(new DecisionFunctions.ApprovalSignal()).name("approval-signals").uid("approval-signals")
                .union(results.filter(new DecisionFunctions.OwnResults()).name("own-command-results")
                        .uid("own-command-results")
                        .map(new DecisionFunctions.ResultSignal()).name("result-signals").uid("result-signals"));
        SingleOutputStreamOperator<CommandRow> tracked = healing.union(ruleChanges)
                .keyBy(new DecisionKeys.CommandId()).connect(signals.keyBy(new DecisionKeys.SignalCommand()))
                .process(new TrackIncidentCommands(config.commandRetention()))
                .name("track-incident-commands").uid("track-incident-commands");

        tracked.getSideOutput(DecisionTags.HEALING).sinkTo(sinks.healing()).name("healing-commands-kafka")
                .uid("healing-commands-kafka");
        tracked.getSideOutput(DecisionTags.RULE_CHANGES).sinkTo(sinks.ruleChanges()).name("rule-commands-kafka")
                .uid("rule-commands-kafka");
        tracked.sinkTo(sinks.commandRows()).name("commands-postgres").uid("commands-postgres");

        DataStream<IncidentEvent> events = guarded.getSideOutput(DecisionTags.EVENTS)
                .union(ruleChanges.getSideOutput(DecisionTags.EVENTS), tracked.getSideOutput(DecisionTags.EVENTS));
        events.sinkTo(sinks.events()).name("decision-events-kafka").uid("decision-events-kafka");
        events.sinkTo(sinks.eventLog()).name("decision-events-postgres").uid("decision-events-postgres");
    }
}
