package io.nightwatch.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.alerts.IntakeTopics;
import io.nightwatch.api.alerts.KafkaPublisher;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.RuleChangeCommand;
import io.nightwatch.schemas.RuleSettings;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule store and the commands API on real PostgreSQL and a real Kafka broker: rules with versions, tombstones and
 * rollbacks on nw.rules; rule-change commands applied by policy (auto / approval), idempotently, answered on
 * nw.commands.results, also through the Kafka consumer; held commands approved through nw.approvals; the seed at start.
 */
class RuleStoreApiTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String RULES = io.nightwatch.schemas.Topics.RULES;
    private static final String RESULTS = io.nightwatch.schemas.Topics.COMMAND_RESULTS;
    private static final String APPROVALS = "store.approvals";
    private static final String COMMANDS = "store.commands";
    private static final String DEAD = "store.dead";
    private static TestPostgres db;
    private static TestKafka kafka;
    private static KafkaPublisher publisher;
    private static ApiServer.Components components;
    private static RuleStore store;
    private static String viewer;
    private static String operator;

    @BeforeAll
    static void start() {
        db = TestPostgres.create("rule_store");
        kafka = TestKafka.start();
        kafka.createTopics(1, RULES, RESULTS, APPROVALS, COMMANDS, DEAD);
        publisher = new KafkaPublisher(kafka.bootstrapServers(), new IntakeTopics("x", "y", APPROVALS), Duration.ofSeconds(10));
        ApiServer.Components c = ApiServer.Components.of(db.dataSource()).withPublisher(publisher);
        components = new ApiServer.Components(c.tokens(), c.tokenRepository(), c.services(), c.metrics(),
                Clock.fixed(NOW, ZoneOffset.UTC), c.releases(), c.releaseSystem(), c.alerting());
        store = new RuleStore(new RuleRepository(Jdbi.create(db.dataSource())), publisher, RULES, RESULTS,
                Clock.fixed(NOW, ZoneOffset.UTC));
        viewer = components.tokens().create("vera", Role.VIEWER).token();
        operator = components.tokens().create("oscar", Role.OPERATOR).token();
    }

    @AfterAll
    static void stop() {
        publisher.close();
        kafka.close();
        db.close();
    }

    private static String rule(String id, double threshold, String extra) {
        return """
                {"id":"%s","name":"Checkout latency","metric":"latency_ms","resolution":"1m",
                 "filters":[{"label":"service","op":"EQUAL","values":["checkout"]}],
                 "condition":{"kind":"THRESHOLD","field":"avg","comparison":"GT","threshold":%s,"periodSeconds":0},
                 "forSeconds":0,"severity":"warning"%s}""".formatted(id, threshold, extra);
    }

    @Test
    void operatorsCreateVersionDeleteAndRollBackRulesAndEveryVersionReachesTheRulesTopic() {
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/rules";
            assertThat(call(client.getOkHttp(), "POST", base, viewer, rule("lat", 300, "")).code()).isEqualTo(403);
            Response created = call(client.getOkHttp(), "POST", base, operator, rule("lat", 300, ",\"reason\":\"new SLO\""));
            assertThat(created.code()).isEqualTo(201);
            assertThat(json(created).path("version").asInt()).isEqualTo(1);
            assertThat(json(call(client.getOkHttp(), "POST", base, operator,
                    rule("lat", 350, ",\"version\":2,\"policy\":\"approval\""))).path("policy").asText()).isEqualTo("approval");
            Response stale = call(client.getOkHttp(), "POST", base, operator, rule("lat", 360, ",\"version\":2"));
            assertThat(stale.code()).isEqualTo(409);
            assertThat(json(stale).path("error").asText()).startsWith("rule lat is at version 2: the new version would be 3, not 2");
            Response bad = call(client.getOkHttp(), "POST", base, operator, """
                    {"id":"bad id","metric":"","resolution":"1m","condition":{"kind":"THRESHOLD","field":"median",
                     "comparison":"GT","threshold":1},"forSeconds":-1,"policy":"maybe"}""");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(json(bad).path("error").asText()).contains("id: required, letters, digits and . _ : - (at most 128), "
                    + "got 'bad id'", "name: required", "metric: required", "condition.field: one of",
                    "got 'median'", "forSeconds: must be within [0, 86400], got -1", "policy: auto or approval, got 'maybe'");
            assertThat(json(call(client.getOkHttp(), "POST", base, operator, "{\"id\":\"x\",\"colour\":\"red\"}"))
                    .path("error").asText()).startsWith("field colour: Unrecognized field \"colour\"");

            assertThat(json(call(client.getOkHttp(), "DELETE", base + "/lat?reason=retired", operator, null))
                    .path("deleted").asBoolean()).isTrue();
            assertThat(json(call(client.getOkHttp(), "GET", base, viewer, null))).extracting(r -> r.path("id").asText())
                    .doesNotContain("lat");
            assertThat(json(call(client.getOkHttp(), "GET", base + "?deleted=true", viewer, null)))
                    .extracting(r -> r.path("id").asText() + " " + r.path("deleted").asBoolean()).contains("lat true");
            assertThat(call(client.getOkHttp(), "DELETE", base + "/lat", operator, null).code()).isEqualTo(404);
            Response back = call(client.getOkHttp(), "POST", base + "/lat/rollback?version=1", operator, "{\"reason\":\"too noisy\"}");
            assertThat(back.code()).isEqualTo(200);
            assertThat(json(back).path("version").asInt()).isEqualTo(4);
            assertThat(json(back).path("rule").path("condition").path("threshold").asDouble()).isEqualTo(300.0);
            assertThat(call(client.getOkHttp(), "POST", base + "/lat/rollback?version=9", operator, null).code()).isEqualTo(404);
            assertThat(call(client.getOkHttp(), "POST", base + "/lat/rollback", operator, null).code()).isEqualTo(400);

            JsonNode detail = json(call(client.getOkHttp(), "GET", base + "/lat", viewer, null));
            assertThat(detail.path("versions")).extracting(v -> v.path("version").asInt()).containsExactly(4, 3, 2, 1);
            assertThat(detail.path("changes")).extracting(ch -> ch.path("kind").asText() + " " + ch.path("fromVersion").asText()
                            + "->" + ch.path("toVersion").asText() + " " + ch.path("oldThreshold").asText() + "->"
                            + ch.path("newThreshold").asText() + " " + ch.path("requestedBy").asText())
                    .containsExactly("rollback 3->4 null->300.0 oscar", "delete 2->3 350.0->null oscar",
                            "edit 1->2 300.0->350.0 oscar", "create null->1 null->300.0 oscar");
            assertThat(call(client.getOkHttp(), "GET", base + "/nope", viewer, null).code()).isEqualTo(404);

            List<ConsumerRecord<byte[], byte[]>> topic = kafka.readAll(RULES).stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("lat")).toList();
            assertThat(topic).extracting(r -> new String(r.key(), StandardCharsets.UTF_8) + " "
                            + (r.value() == null ? "tombstone" : "v" + Json.fromBytes(r.value(), AlertRule.class).version()))
                    .containsExactly("lat v1", "lat v2", "lat tombstone", "lat v4");
        });
    }

    @Test
    void ruleChangeCommandsAreAppliedByPolicyOnceAndAnsweredOnTheResultsTopic() throws Exception {
        seedRule("auto-rule", "auto");
        seedRule("held-rule", "approval");
        RuleChangeCommand auto = command("inc-1:ADJUST_RULE:auto-rule", "auto-rule", new RuleSettings(250, 0, true),
                new RuleSettings(250, 300, true));
        assertThat(store.apply(auto).outcome()).isEqualTo(CommandOutcome.EXECUTED);
        assertThat(store.apply(auto)).extracting(CommandResult::outcome, CommandResult::message)
                .containsExactly(CommandOutcome.EXECUTED, "rule auto-rule v1 -> v2 (already applied)");
        assertThat(store.apply(command("inc-2:ADJUST_RULE:auto-rule", "auto-rule", new RuleSettings(250, 0, true),
                new RuleSettings(250, 600, true)))).extracting(CommandResult::outcome, CommandResult::message)
                .containsExactly(CommandOutcome.FAILED, "rule auto-rule changed since the proposal (proposed against "
                        + "version 1 threshold 250, for 0s, now version 2 threshold 250, for 300s)");
        assertThat(store.apply(command("inc-3:ADJUST_RULE:ghost", "ghost", new RuleSettings(1, 0, true),
                new RuleSettings(1, 300, true))).outcome()).isEqualTo(CommandOutcome.NOT_SUPPORTED);
        assertThat(store.repository().current("auto-rule").orElseThrow().rule().forSeconds()).isEqualTo(300);

        RuleChangeCommand held = command("inc-4:ADJUST_RULE:held-rule", "held-rule", new RuleSettings(250, 0, true),
                new RuleSettings(250, 300, true));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO commands (command_id, kind, action, service, target, incident_id, status, payload, created_at,"
                    + " updated_at) VALUES ('inc-4:ADJUST_RULE:held-rule', 'rule', 'ADJUST_RULE', 'checkout', 'held-rule',"
                    + " 'inc-4', 'pending_approval', '{}', now(), now())");
        }
        // through the consumer, as the incidents job sends it
        try (RuleChangeConsumer consumer = new RuleChangeConsumer(kafka.bootstrapServers(), COMMANDS, store, publisher,
                DEAD).start()) {
            kafka.produce(COMMANDS, List.of(Map.entry("held-rule", Json.toBytes(held)), Map.entry("x", "{oops".getBytes())));
            await(() -> consumer.applied() == 1 && consumer.refused() == 1);
        }
        assertThat(kafka.readAll(DEAD)).singleElement().satisfies(r -> {
            DeadLetter letter = Json.fromBytes(r.value(), DeadLetter.class);
            assertThat(letter.raw()).isEqualTo("{oops");
            assertThat(letter.topic()).isEqualTo(COMMANDS);
            assertThat(letter.error()).startsWith("malformed RuleChangeCommand");
        });
        assertThat(store.repository().current("held-rule").orElseThrow().version()).isEqualTo(1);
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/commands/inc-4:ADJUST_RULE:held-rule";
            assertThat(call(client.getOkHttp(), "POST", base + "/approve", viewer, "{}").code()).isEqualTo(403);
            Response ok = call(client.getOkHttp(), "POST", base + "/approve", operator, "{\"comment\":\"fine\"}");
            assertThat(ok.code()).isEqualTo(200);
            assertThat(json(ok).path("outcome").asText()).isEqualTo("EXECUTED");
            assertThat(json(ok).path("message").asText()).isEqualTo("rule held-rule v1 -> v2: threshold 250, for 0s -> "
                    + "threshold 250, for 300s (approved by oscar)");
            assertThat(call(client.getOkHttp(), "POST", base + "/approve", operator, "{}").code()).isEqualTo(409);
            JsonNode detail = json(call(client.getOkHttp(), "GET", base, viewer, null));
            assertThat(detail.path("ruleChange").path("status").asText()).isEqualTo("applied");
            assertThat(detail.path("ruleChange").path("decidedBy").asText()).isEqualTo("oscar");
            assertThat(detail.path("approvals")).extracting(a -> a.path("decision").asText() + " " + a.path("decidedBy").asText())
                    .containsExactly("approved oscar");
        });
        List<String> answers = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(RESULTS)) {
            CommandResult result = Json.fromBytes(r.value(), CommandResult.class);
            if (result.commandId().matches("inc-[1-4]:.*")) {
                answers.add(result.commandId() + " " + result.outcome());
            }
        }
        assertThat(answers).containsExactly("inc-1:ADJUST_RULE:auto-rule EXECUTED", "inc-1:ADJUST_RULE:auto-rule EXECUTED",
                "inc-2:ADJUST_RULE:auto-rule FAILED", "inc-3:ADJUST_RULE:ghost NOT_SUPPORTED",
                "inc-4:ADJUST_RULE:held-rule PENDING_APPROVAL", "inc-4:ADJUST_RULE:held-rule EXECUTED");
        assertThat(rows("SELECT rule_id || ' ' || kind || ' ' || status || ' ' || coalesce(decided_by, '-') FROM rule_changes "
                + "WHERE command_id IS NOT NULL ORDER BY id")).containsExactly("auto-rule command applied policy:auto",
                "auto-rule command refused rule-store", "ghost command refused rule-store", "held-rule command applied oscar");
        assertThat(store.seed()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void heldCommandsAreApprovedOrRejectedThroughTheApprovalsTopicAndListedByIncident() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO commands (command_id, kind, action, service, target, incident_id, reason, requires_approval,
                        status, issued_by, payload, created_at, expires_at, updated_at) VALUES
                    ('inc-9:SCALE_OUT:pay', 'healing', 'SCALE_OUT', 'pay', 'pay', 'inc-9', 'load', true, 'held',
                     'incidents-analyzer', '{"commandId":"inc-9:SCALE_OUT:pay"}', '2026-11-22T05:50:00Z',
                     '2026-11-22T06:20:00Z', '2026-11-22T05:50:00Z'),
                    ('inc-9:RESTART_INSTANCE:pay-1', 'healing', 'RESTART_INSTANCE', 'pay', 'pay-1', 'inc-9', 'stuck', false,
                     'executed', 'incidents-analyzer', '{}', '2026-11-22T05:49:00Z', NULL, '2026-11-22T05:51:00Z')
                    """);
        }
        JavalinTest.test(ApiServer.create(components), (server, client) -> {
            String base = client.getOrigin() + "/api/commands";
            assertThat(json(call(client.getOkHttp(), "GET", base + "?incident=inc-9", viewer, null)))
                    .extracting(n -> n.path("commandId").asText() + " " + n.path("status").asText())
                    .containsExactly("inc-9:SCALE_OUT:pay held", "inc-9:RESTART_INSTANCE:pay-1 executed");
            assertThat(json(call(client.getOkHttp(), "GET", base + "?incident=inc-9&status=held", viewer, null))).hasSize(1);
            assertThat(json(call(client.getOkHttp(), "GET", base + "?status=lost", viewer, null)).path("error").asText())
                    .startsWith("query parameter 'status': one of");
            assertThat(call(client.getOkHttp(), "GET", base + "?kind=other", viewer, null).code()).isEqualTo(400);
            assertThat(call(client.getOkHttp(), "GET", base + "/nope", viewer, null).code()).isEqualTo(404);
            Response notHeld = call(client.getOkHttp(), "POST", base + "/inc-9:RESTART_INSTANCE:pay-1/approve", operator, null);
            assertThat(notHeld.code()).isEqualTo(409);
            assertThat(json(notHeld).path("error").asText())
                    .isEqualTo("command inc-9:RESTART_INSTANCE:pay-1 is not waiting for approval (status: executed)");
            assertThat(call(client.getOkHttp(), "POST", base + "/inc-9:SCALE_OUT:pay/approve", operator, "{\"comment\":7}")
                    .code()).isEqualTo(400);
            Response ok = call(client.getOkHttp(), "POST", base + "/inc-9:SCALE_OUT:pay/reject", operator,
                    "{\"comment\":\"planned load test\"}");
            assertThat(ok.code()).isEqualTo(202);
            assertThat(json(ok).path("heldBy").asText()).isEqualTo("incidents job");
        });
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(APPROVALS);
        assertThat(records).hasSize(1);
        IncidentEvent e = Json.fromBytes(records.get(0).value(), IncidentEvent.class);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("inc-9:SCALE_OUT:pay");
        assertThat(e.type()).isEqualTo(IncidentEventType.REJECTED);
        assertThat(e.incidentId()).isEqualTo("inc-9");
        assertThat(e.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("by", "oscar", "comment", "planned load test",
                "commandId", "inc-9:SCALE_OUT:pay"));
        assertThat(rows("SELECT subject || ' ' || subject_id || ' ' || decision || ' ' || decided_by FROM approvals "
                + "WHERE subject = 'command'")).containsExactly("command inc-9:SCALE_OUT:pay rejected oscar");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static void seedRule(String id, String policy) throws Exception {
        store.save(Json.fromString(rule(id, 250, ",\"policy\":\"" + policy + "\""), RuleBody.class), "setup");
    }

    private static RuleChangeCommand command(String id, String rule, RuleSettings from, RuleSettings to) {
        return new RuleChangeCommand(id, rule, 1, from, to, rule + " flaps", Map.of("confidence", "0.70"),
                id.substring(0, id.indexOf(':')), NOW, "incidents-analyzer");
    }

    private static Response call(okhttp3.OkHttpClient http, String method, String url, String token, String body) throws IOException {
        Request.Builder b = new Request.Builder().url(url).header("Authorization", "Bearer " + token);
        b.method(method, body == null ? (method.equals("POST") ? RequestBody.create(new byte[0]) : null)
                : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
        return http.newCall(b.build()).execute();
    }

    private static JsonNode json(Response r) throws IOException {
        return Json.mapper().readTree(r.peekBody(1 << 20).string());
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

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(100);
        }
    }
}
