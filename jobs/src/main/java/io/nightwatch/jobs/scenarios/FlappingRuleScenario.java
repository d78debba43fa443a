package io.nightwatch.jobs.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.MetricPoint;
import io.nightwatch.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code flapping-rule}: an operator adds an alert rule to the rule store (policy {@code auto}) whose threshold sits
 * right between the two levels of a service that alternates every minute. The metrics job (which reads the rule from
 * {@code nw.rules}) fires and resolves it minute after minute; each firing opens an incident. By the third episode the
 * analysis request carries the rule's two earlier, short episodes, the analyzer's {@code flapping-alert} rule proposes
 * to hold the rule longer ({@code ADJUST_RULE forSeconds=300}), the guard allows it, the incidents job sends a
 * {@code RuleChangeCommand} (exactly once) and the rule store applies it as version 2 — visible as a change record.
 */
public final class FlappingRuleScenario implements Scenario {

    static final String SERVICE = "ledger";
    static final String INSTANCE = "ledger-1";
    static final double HIGH = 450;
    static final double LOW = 150;

    @Override
    public String name() {
        return "flapping-rule";
    }

    @Override
    public String description() {
        return "a threshold that fires and resolves every minute leads to a rule change, applied as a new rule version";
    }

    @Override
    public String run(ScenarioContext ctx) throws Exception {
        ScenarioHttp http = new ScenarioHttp();
        String ruleId = "ledger-latency-" + IncidentScenarios.runId();
        http.post(ctx.apiUrl() + "/api/rules", """
                {"id":"%s","name":"LedgerLatencyHigh","metric":"latency_ms","resolution":"1m",
                 "filters":[{"label":"service","op":"EQUAL","values":["%s"]},{"label":"instance","op":"EQUAL","values":["%s"]}],
                 "condition":{"kind":"THRESHOLD","field":"avg","comparison":"GT","threshold":300,"periodSeconds":0},
                 "forSeconds":0,"severity":"warning","policy":"auto",
                 "annotations":{"summary":"ledger latency above 300 ms"},"reason":"scenario flapping-rule"}"""
                .formatted(ruleId, SERVICE, INSTANCE), ctx.operatorToken(), 201);
        System.out.println("  rule " + ruleId + " v1 (avg latency_ms > 300, for 0s) in the rule store; " + SERVICE
                + " alternates " + (int) HIGH + " / " + (int) LOW + " ms every minute ...");
        long startMinute = Instant.now().getEpochSecond() / 60;
        AtomicInteger points = new AtomicInteger();
        ScheduledExecutorService emitter = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "flapping-emitter"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(ctx.kafkaBootstrap()))) {
            emitter.scheduleAtFixedRate(() -> {
                Instant now = Instant.now();
                boolean high = (now.getEpochSecond() / 60 - startMinute) % 2 == 0;
                MetricPoint p = new MetricPoint(now, SERVICE, INSTANCE, "latency_ms", high ? HIGH : LOW, Map.of());
                producer.send(new ProducerRecord<>(Topics.METRICS, p.seriesId().getBytes(StandardCharsets.UTF_8),
                        Json.toBytes(p)));
                points.incrementAndGet();
            }, 0, 5, TimeUnit.SECONDS);
            JsonNode change = ScenarioHttp.await("a rule change of " + ruleId + " applied", Duration.ofMinutes(9),
                    () -> applied(http, ctx, ruleId), () -> {
                        JsonNode d = http.get(ctx.apiUrl() + "/api/rules/" + ruleId, ctx.viewerToken());
                        return "versions " + d.path("versions").size() + ", changes " + d.path("changes") + "; incidents "
                                + incidents(http, ctx);
                    });
            String incident = change.path("incidentId").asText();
            String commandId = change.path("commandId").asText();
            JsonNode command = ScenarioHttp.await("command " + commandId + " recorded as executed", Duration.ofSeconds(60),
                    () -> {
                        JsonNode c = http.get(ctx.apiUrl() + "/api/commands/" + commandId, ctx.viewerToken());
                        return "executed".equals(c.path("command").path("status").asText()) ? c : null;
                    }, () -> http.get(ctx.apiUrl() + "/api/commands/" + commandId, ctx.viewerToken()).toString());
            var events = IncidentScenarios.events(http, ctx, incident);
            JsonNode analyzed = IncidentScenarios.first(events, "ANALYZED");
            if (analyzed == null || IncidentScenarios.first(events, "GUARD_VERDICT") == null
                    || !"ADJUST_RULE".equals(analyzed.path("attributes").path("action").asText())) {
                throw new ScenarioFailed("incident " + incident + " has no ADJUST_RULE analysis and verdict: "
                        + IncidentScenarios.types(events));
            }
            int episodes = 0;
            for (JsonNode a : analyzed.path("detail").path("evidence")) {
                String text = a.asText();
                if (text.contains(" episodes in ")) {
                    episodes = Integer.parseInt(text.replaceAll(".* flaps: (\\d+) episodes.*", "$1"));
                }
            }
            return "rule=" + ruleId + " v" + change.path("fromVersion").asInt() + "->v" + change.path("toVersion").asInt()
                    + " forSeconds " + change.path("oldForSeconds").asLong() + "->" + change.path("newForSeconds").asLong()
                    + " episodes=" + episodes + " incident=" + incident + " command=" + command.path("command").path("status")
                    .asText() + " by=" + change.path("requestedBy").asText() + " points=" + points.get();
        } finally {
            emitter.shutdownNow();
        }
    }

    /** The rule's first change made by a command, once applied. */
    private static JsonNode applied(ScenarioHttp http, ScenarioContext ctx, String ruleId) throws Exception {
        for (JsonNode ch : http.get(ctx.apiUrl() + "/api/rules/" + ruleId, ctx.viewerToken()).path("changes")) {
            if ("command".equals(ch.path("kind").asText())) {
                if ("applied".equals(ch.path("status").asText())) {
                    return ch;
                }
                throw new ScenarioFailed("the rule change " + ch.path("commandId").asText() + " is " + ch.path("status")
                        .asText() + ": " + ch.path("decisionNote").asText());
            }
        }
        return null;
    }

    private static String incidents(ScenarioHttp http, ScenarioContext ctx) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (JsonNode i : http.get(ctx.apiUrl() + "/api/incidents?all=true&limit=20&service=" + SERVICE, ctx.viewerToken())) {
            sb.append(i.path("title").asText()).append(' ').append(i.path("status").asText()).append(' ')
                    .append(i.path("openedAt").asText()).append("; ");
        }
        return sb.toString();
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }
}
