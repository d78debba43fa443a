package io.nightwatch.jobs.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.analyzer.AnalyzerMain;
import io.nightwatch.analyzer.AnalyzerOptions;
import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.RuleChangeCommand;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The incidents job's decision step on a Flink MiniCluster with a real Kafka broker, real PostgreSQL and the real
 * analyzer service (builtin provider, over HTTP): incidents → analysis → guard → commands exactly once across an
 * injected failure (read_committed), held commands approved, rejected and expired, executors' answers and
 * escalations recorded, the analyzer unreachable (the job's builtin rules decide) — every step in the event log.
 */
class IncidentDecisionsIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final String TOKEN = "decisions-it-token-0123456789";
    private static TestKafka kafka;
    private static TestPostgres db;
    private static AnalyzerMain.Running analyzer;
    private static Path configFile;
    private static Path tokenFile;
    private static volatile JobClient running;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        db = TestPostgres.create("decisions");
        analyzer = AnalyzerMain.start(AnalyzerOptions.parse(new String[] {"--port", "0", "--host", "127.0.0.1"},
                Map.of(AnalyzerOptions.TOKEN_ENV, TOKEN)));
        configFile = Files.createTempFile("decisions", ".yml");
        Files.writeString(configFile, """
                route:
                  receiver: ops
                  group_by: [alertname, service]
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 1h
                receivers: [{name: ops}]
                """);
        tokenFile = Files.createTempFile("analyzer", ".token");
        Files.writeString(tokenFile, TOKEN);
    }

    @AfterAll
    static void stop() {
        analyzer.close();
        db.close();
        kafka.close();
    }

    /** The topics of one test (its own names, so the tests do not see each other's records). */
    private record Topics(String prefix) {
        String alerts() { return prefix + ".alerts"; }
        String anomalies() { return prefix + ".anomalies"; }
        String silences() { return prefix + ".silences"; }
        String releases() { return prefix + ".releases"; }
        String approvals() { return prefix + ".approvals"; }
        String incidents() { return prefix + ".incidents"; }
        String dead() { return prefix + ".deadletter"; }
        String rules() { return prefix + ".rules"; }
        String results() { return prefix + ".results"; }
        String healing() { return prefix + ".healing"; }
        String ruleCommands() { return prefix + ".rule-commands"; }

        void create(TestKafka kafka) {
            kafka.createTopics(1, alerts(), anomalies(), silences(), releases(), approvals(), incidents(), dead(),
                    rules(), results(), healing(), ruleCommands());
        }
    }

    @Test
    void everyCommandArrivesOnceAndOnlyOnceAcrossAFailureAfterACheckpoint() throws Exception {
        Topics t = new Topics("eo");
        t.create(kafka);
        FailOnceAfterCheckpoint.reset();
        long now = System.currentTimeMillis();
        try (TimedProducer p = new TimedProducer(kafka.bootstrapServers())) {
            p.send(t.rules(), "flappy-rule", Json.toString(rule("flappy-rule", 3)), now);
            // the flapping rule: two short episodes, then it fires a third time
            Instant e1 = Instant.ofEpochMilli(now).minusSeconds(600);
            Instant e2 = Instant.ofEpochMilli(now).minusSeconds(300);
            Instant e3 = Instant.ofEpochMilli(now).minusSeconds(30);
            p.send(t.alerts(), null, alert("FlappyLatency", "ledger", "ledger-1", Map.of("rule_id", "flappy-rule"), e1, e1.plusSeconds(60)), now);
            p.send(t.alerts(), null, alert("FlappyLatency", "ledger", "ledger-1", Map.of("rule_id", "flappy-rule"), e2, e2.plusSeconds(90)), now);
            p.send(t.alerts(), null, alert("FlappyLatency", "ledger", "ledger-1", Map.of("rule_id", "flappy-rule"), e3, null), now);
            for (int i = 1; i <= 3; i++) {
                p.send(t.alerts(), null, alert("InstanceDown", "svc" + i, "svc" + i + "-1", Map.of(), Instant.ofEpochMilli(now), null), now);
            }
            p.flush();
        }
        StreamExecutionEnvironment env = environment();
        IncidentsJobConfig config = config(t, "http://127.0.0.1:" + analyzer.port(), "30min");
        IncidentsJob.HandOff handOff = new IncidentsJob(config).defineWorkflow(env, IncidentsIo.sources(config),
                IncidentsIo.sinks(config));
        IncidentDecisions decisions = new IncidentDecisions(config.decisions());
        DataStream<AnalyzedIncident> analyzed = decisions.analyze(handOff)
                .map(new FailOnceAfterCheckpoint()).returns(TypeInformation.of(AnalyzedIncident.class))
                .name("fail-once-after-a-checkpoint").uid("fail-once-after-a-checkpoint");
        decisions.decide(env, analyzed, handOff, IncidentsIo.decisionSources(config), IncidentsIo.decisionSinks(config));
        JobClient job = env.executeAsync("decisions-exactly-once");
        running = job;
        try {
            await("the first three restarts committed", Duration.ofSeconds(60),
                    () -> read(t.healing(), HealingCommand.class, true).size() == 3);
            await("the rule change committed", Duration.ofSeconds(30),
                    () -> read(t.ruleCommands(), RuleChangeCommand.class, true).size() == 1);
            FailOnceAfterCheckpoint.ARMED.set(true);
            long later = System.currentTimeMillis();
            try (TimedProducer p = new TimedProducer(kafka.bootstrapServers())) {
                for (int i = 4; i <= 6; i++) {
                    p.send(t.alerts(), null, alert("InstanceDown", "svc" + i, "svc" + i + "-1", Map.of(), Instant.ofEpochMilli(later), null), later);
                }
                p.flush();
            }
            await("six restarts committed", Duration.ofSeconds(90),
                    () -> read(t.healing(), HealingCommand.class, true).size() >= 6);
            Thread.sleep(4000); // a few more checkpoints: anything duplicated would be committed by now
        } finally {
            job.cancel().get();
        }

        assertThat(FailOnceAfterCheckpoint.FAILED).as("the injected failure happened").isTrue();
        assertThat(FailOnceAfterCheckpoint.SEEN_AFTER_ARMING.get()).as("analyses replayed after the restart").isGreaterThan(3);
        List<HealingCommand> committed = read(t.healing(), HealingCommand.class, true);
        assertThat(committed).extracting(c -> c.action() + " " + c.target()).containsExactlyInAnyOrder(
                "RESTART_INSTANCE svc1-1", "RESTART_INSTANCE svc2-1", "RESTART_INSTANCE svc3-1",
                "RESTART_INSTANCE svc4-1", "RESTART_INSTANCE svc5-1", "RESTART_INSTANCE svc6-1");
        assertThat(committed).extracting(HealingCommand::commandId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("inc-[0-9a-f]{16}:RESTART_INSTANCE:svc[1-6]-1"));
        int uncommitted = read(t.healing(), HealingCommand.class, false).size();
        System.out.println("exactly-once: read_committed " + committed.size() + " commands, read_uncommitted " + uncommitted
                + " (records of the aborted transaction included)");
        assertThat(uncommitted).isGreaterThanOrEqualTo(committed.size());

        RuleChangeCommand change = read(t.ruleCommands(), RuleChangeCommand.class, true).get(0);
        assertThat(change.ruleId()).isEqualTo("flappy-rule");
        assertThat(change.fromVersion()).isEqualTo(3);
        assertThat(change.from().forSeconds()).isZero();
        assertThat(change.to().forSeconds()).isEqualTo(300);
        assertThat(change.to().threshold()).isEqualTo(change.from().threshold());
        assertThat(change.commandId()).matches("inc-[0-9a-f]{16}:ADJUST_RULE:flappy-rule");
        assertThat(change.reason()).contains("flaps: 3 episodes");

        assertThat(rows("SELECT kind || ' ' || action || ' ' || target || ' ' || status FROM commands "
                + "WHERE service IN ('svc1', 'svc2', 'svc3', 'svc4', 'svc5', 'svc6', 'ledger')"))
                .containsExactlyInAnyOrder("healing RESTART_INSTANCE svc1-1 issued", "healing RESTART_INSTANCE svc2-1 issued",
                        "healing RESTART_INSTANCE svc3-1 issued", "healing RESTART_INSTANCE svc4-1 issued",
                        "healing RESTART_INSTANCE svc5-1 issued", "healing RESTART_INSTANCE svc6-1 issued",
                        "rule ADJUST_RULE flappy-rule issued");
        assertThat(log("ledger")).containsSubsequence("OPENED", "ANALYSIS_REQUESTED", "ANALYZER_STEP", "ANALYZED",
                "GUARD_VERDICT", "COMMAND_ISSUED").doesNotContain("ANALYZER_FALLBACK");
        assertThat(rows("SELECT (attributes->>'verdict') || ' ' || (attributes->>'action') FROM incident_events "
                + "WHERE type = 'GUARD_VERDICT' AND service = 'ledger'")).containsExactly("ALLOW ADJUST_RULE");
        assertThat(rows("SELECT count(*)::text FROM incident_events WHERE type = 'COMMAND_ISSUED' "
                + "AND service IN ('svc1', 'svc2', 'svc3', 'svc4', 'svc5', 'svc6', 'ledger')")).containsExactly("7");
        List<IncidentEvent> topic = read(t.incidents(), IncidentEvent.class, true);
        assertThat(topic.stream().filter(e -> e.type() == IncidentEventType.COMMAND_ISSUED)).hasSize(7);
        assertThat(topic).extracting(IncidentEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void heldCommandsWaitForOperatorsAndAnswersAndEscalationsAreRecordedWhenTheAnalyzerIsDown() throws Exception {
        Topics t = new Topics("hold");
        t.create(kafka);
        long now = System.currentTimeMillis();
        Instant at = Instant.ofEpochMilli(now);
        try (TimedProducer p = new TimedProducer(kafka.bootstrapServers())) {
            p.send(t.releases(), "rel-shop", """
                    {"eventId":"rel-shop-done","release":"rel-shop","service":"shop","version":"2.0.0","fromVersion":"1.9.0",
                     "stage":2,"stageCount":2,"status":"COMPLETED","canaryInstances":[],"baselineInstances":[],
                     "doneInstances":["shop-1","shop-2"],"analysisWindowSeconds":60,"passThreshold":75,"marginalThreshold":50,
                     "reason":"completed","at":"%s"}""".formatted(at.minusSeconds(300)), now - 300_000);
            for (String service : List.of("pay", "srch", "cart")) {
                p.send(t.alerts(), null, alert("HighLatency", service, null, Map.of("metric", "latency_ms"), at, null), now);
            }
            p.send(t.alerts(), null, alert("InstanceDown", "web", "web-1", Map.of(), at, null), now);
            p.send(t.alerts(), null, alert("InstanceDown", "api", "api-1", Map.of(), at, null), now);
            p.send(t.alerts(), null, alert("ErrorRate", "shop", "shop-1", Map.of(), at, null), now);
            p.flush();
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens there: the analyzer is down
        }
        StreamExecutionEnvironment env = environment();
        IncidentsJobConfig config = config(t, "http://127.0.0.1:" + closedPort, "12s");
        IncidentsJob.HandOff handOff = new IncidentsJob(config).defineWorkflow(env, IncidentsIo.sources(config),
                IncidentsIo.sinks(config));
        new IncidentDecisions(config.decisions()).define(env, handOff, IncidentsIo.decisionSources(config),
                IncidentsIo.decisionSinks(config));
        JobClient job = env.executeAsync("decisions-held");
        running = job;
        try {
            await("three scale-outs held", Duration.ofSeconds(60), () -> rows(
                    "SELECT command_id FROM commands WHERE status = 'held' AND action = 'SCALE_OUT'").size() == 3);
            String pay = commandOf("pay");
            String srch = commandOf("srch");
            try (TimedProducer p = new TimedProducer(kafka.bootstrapServers())) {
                long t1 = System.currentTimeMillis();
                p.send(t.approvals(), pay, Json.toString(approval(pay, IncidentEventType.APPROVED, "alice", "go", t1)), t1);
                p.send(t.approvals(), srch, Json.toString(approval(srch, IncidentEventType.REJECTED, "bob", "not now", t1)), t1);
                p.flush();
            }
            await("the restarts issued", Duration.ofSeconds(30), () -> rows(
                    "SELECT command_id FROM commands WHERE status = 'issued' AND service IN ('web', 'api')").size() == 2);
            try (TimedProducer p = new TimedProducer(kafka.bootstrapServers())) {
                long t2 = System.currentTimeMillis();
                p.send(t.results(), commandOf("web"), Json.toString(new CommandResult(commandOf("web"),
                        CommandOutcome.EXECUTED, "runbook", "web", "web-1", "restarted web-1", Instant.ofEpochMilli(t2))), t2);
                p.send(t.results(), commandOf("api"), Json.toString(new CommandResult(commandOf("api"),
                        CommandOutcome.NOT_SUPPORTED, "runbook", "api", "api-1", "api-1 is a managed instance",
                        Instant.ofEpochMilli(t2))), t2);
                p.send(t.results(), "canary:rel-x:1:ROLLBACK_RELEASE", Json.toString(new CommandResult(
                        "canary:rel-x:1:ROLLBACK_RELEASE", CommandOutcome.EXECUTED, "release-system", "x", "rel-x", "not ours",
                        Instant.ofEpochMilli(t2))), t2);
                p.send(t.results(), "bad", "{\"commandId\": 7", t2);
                p.flush();
            }
            await("every command decided or answered", Duration.ofSeconds(60), () -> statuses().equals(Map.of(
                    "pay", "issued", "srch", "rejected", "cart", "expired", "web", "executed", "api", "not_supported")));
            // the event log and the command topic have sinks of their own: let them catch up before the job stops
            await("the event log and the committed commands complete", Duration.ofSeconds(60), () ->
                    log("cart").contains("EXPIRED") && log("srch").contains("REJECTED")
                            && log("pay").contains("COMMAND_ISSUED") && log("web").contains("COMMAND_RESULT")
                            && log("api").contains("ESCALATED") && log("shop").contains("ESCALATED")
                            && read(t.healing(), HealingCommand.class, true).size() >= 3);
        } finally {
            job.cancel().get();
        }

        List<HealingCommand> issued = read(t.healing(), HealingCommand.class, true);
        assertThat(issued).extracting(c -> c.service() + " " + c.action() + " " + c.target() + " " + c.requiresApproval()
                        + " " + c.parameters().get("approvedBy"))
                .containsExactlyInAnyOrder("pay SCALE_OUT pay true alice", "web RESTART_INSTANCE web-1 false null",
                        "api RESTART_INSTANCE api-1 false null");
        assertThat(log("pay")).containsSubsequence("OPENED", "ANALYSIS_REQUESTED", "ANALYZER_STEP", "ANALYZER_FALLBACK",
                "ANALYZED", "GUARD_VERDICT", "COMMAND_HELD", "APPROVED", "COMMAND_ISSUED");
        assertThat(log("srch")).containsSubsequence("GUARD_VERDICT", "COMMAND_HELD", "REJECTED").doesNotContain("COMMAND_ISSUED");
        assertThat(log("cart")).containsSubsequence("COMMAND_HELD", "EXPIRED").doesNotContain("COMMAND_ISSUED");
        assertThat(log("web")).containsSubsequence("COMMAND_ISSUED", "COMMAND_RESULT");
        assertThat(log("api")).containsSubsequence("COMMAND_ISSUED", "COMMAND_RESULT", "ESCALATED");
        assertThat(log("shop")).containsSubsequence("ENRICHED", "ANALYZED", "GUARD_VERDICT", "ESCALATED")
                .doesNotContain("COMMAND_ISSUED", "COMMAND_HELD");
        assertThat(rows("SELECT (attributes->>'by') || ' | ' || (attributes->>'reason') FROM incident_events "
                + "WHERE type = 'ANALYZER_FALLBACK' AND service = 'pay'"))
                .singleElement().asString().startsWith("job | analyzer unreachable: ConnectException");
        assertThat(rows("SELECT attributes->>'reason' FROM incident_events WHERE type = 'ESCALATED' AND service = 'shop'"))
                .singleElement().asString()
                .isEqualTo("active-release: rollback not supported: release rel-shop is no longer active (COMPLETED)");
        assertThat(rows("SELECT attributes->>'verdict' FROM incident_events WHERE type = 'GUARD_VERDICT' AND service = 'pay'"))
                .containsExactly("HOLD_FOR_APPROVAL");
        assertThat(rows("SELECT result FROM commands WHERE service = 'srch'")).containsExactly("rejected by bob: not now");
        assertThat(read(t.dead(), io.nightwatch.schemas.DeadLetter.class, true)).extracting(d -> d.error())
                .singleElement().asString().startsWith("malformed CommandResult: Unexpected end-of-input");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(1000, CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    private static IncidentsJobConfig config(Topics t, String analyzerUrl, String expiry) {
        return IncidentsJobConfig.fromArgs(JobArgs.of(
                "--bootstrap-servers", kafka.bootstrapServers(), "--jdbc-url", db.jdbcUrl(), "--group-id", t.prefix(),
                "--config", configFile.toString(), "--alerts-topic", t.alerts(), "--anomalies-topic", t.anomalies(),
                "--silences-topic", t.silences(), "--releases-topic", t.releases(), "--approvals-topic", t.approvals(),
                "--incidents-topic", t.incidents(), "--deadletter-topic", t.dead(), "--idle-after", "500ms",
                "--analyzer-url", analyzerUrl, "--analyzer-token-file", tokenFile.toString(), "--analyzer-timeout", "10s",
                "--rules-topic", t.rules(), "--results-topic", t.results(), "--healing-topic", t.healing(),
                "--rule-commands-topic", t.ruleCommands(), "--command-expiry", expiry));
    }

    private static String alert(String name, String service, String instance, Map<String, String> extra, Instant startsAt,
            Instant endsAt) {
        Map<String, String> labels = new TreeMap<>(Map.of("alertname", name, "service", service, "severity", "warning"));
        if (instance != null) {
            labels.put("instance", instance);
        }
        labels.putAll(extra);
        return Json.toString(new Alert(null, "it", name, "warning", endsAt == null ? AlertStatus.FIRING : AlertStatus.RESOLVED,
                labels, Map.of("summary", name + " on " + service), startsAt, endsAt, null));
    }

    private static AlertRule rule(String id, int version) {
        return Json.fromString("""
                {"id":"%s","version":%d,"name":"FlappyLatency","metric":"latency_ms","resolution":"1m",
                 "filters":[{"label":"service","op":"EQUAL","values":["ledger"]}],
                 "condition":{"kind":"THRESHOLD","field":"avg","comparison":"GT","threshold":250.0,"periodSeconds":0},
                 "forSeconds":0,"severity":"warning","enabled":true,"labels":{},"annotations":{},
                 "updatedAt":"2026-11-22T05:00:00Z"}""".formatted(id, version), AlertRule.class);
    }

    private static IncidentEvent approval(String commandId, IncidentEventType type, String by, String comment, long at) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("by", by);
        a.put("comment", comment);
        a.put("commandId", commandId);
        String incident = commandId.substring(0, commandId.indexOf(':'));
        return new IncidentEvent(commandId + ":" + type + ":" + at, incident, type, Instant.ofEpochMilli(at), null, null,
                null, null, List.of(), a, null);
    }

    private static String commandOf(String service) throws SQLException {
        List<String> ids = rows("SELECT command_id FROM commands WHERE service = '" + service + "'");
        assertThat(ids).as("the command of " + service).hasSize(1);
        return ids.get(0);
    }

    private static Map<String, String> statuses() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String row : rows("SELECT service || '=' || status FROM commands "
                + "WHERE service IN ('pay', 'srch', 'cart', 'web', 'api', 'shop')")) {
            out.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        return out;
    }

    /** The event types of the service's incidents, in log order (as the API sorts them). */
    private static List<String> log(String service) throws SQLException {
        return rows("SELECT type FROM incident_events WHERE service = '" + service + "' ORDER BY at, CASE type "
                + "WHEN 'OPENED' THEN 0 WHEN 'NOTIFIED' THEN 1 WHEN 'ENRICHED' THEN 2 WHEN 'CONVERGED' THEN 3 "
                + "WHEN 'APPROVED' THEN 4 WHEN 'REJECTED' THEN 4 WHEN 'EXPIRED' THEN 4 WHEN 'ANALYSIS_REQUESTED' THEN 5 "
                + "WHEN 'ANALYZER_STEP' THEN 6 WHEN 'ANALYZER_FALLBACK' THEN 7 WHEN 'ANALYZED' THEN 8 "
                + "WHEN 'GUARD_VERDICT' THEN 9 WHEN 'COMMAND_HELD' THEN 10 WHEN 'COMMAND_ISSUED' THEN 11 "
                + "WHEN 'COMMAND_RESULT' THEN 12 WHEN 'ESCALATED' THEN 13 WHEN 'RESOLVED' THEN 19 ELSE 14 END, event_id");
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static <T> List<T> read(String topic, Class<T> type, boolean committed) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committed ? "read_committed" : "read_uncommitted");
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(pi -> new TopicPartition(topic, pi.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        out.add(Json.fromBytes(r.value(), type));
                    }
                }
            }
        }
        return out;
    }

    private static String status() {
        try {
            return running == null ? "-" : String.valueOf(running.getJobStatus().get());
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    private static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; job " + status() + "; failed="
                        + FailOnceAfterCheckpoint.FAILED + " seen=" + FailOnceAfterCheckpoint.SEEN_AFTER_ARMING
                        + "; commands: "
                        + rows("SELECT service || ' ' || action || ' ' || target || ' ' || status FROM commands")
                        + "; events: " + rows("SELECT coalesce(service, '-') || ' ' || type || ' ' || attributes::text "
                        + "FROM incident_events ORDER BY at"));
            }
            Thread.sleep(250);
        }
    }
}
