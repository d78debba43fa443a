package io.nightwatch.api.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.alerts.IntakeTopics;
import io.nightwatch.api.alerts.KafkaPublisher;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incidents pages in a real browser ({@code ui/e2e/incidents.e2e.mjs}: playwright-core driving Debian's
 * chromium) against the real api-server with the built UI, real PostgreSQL holding incidents and event logs as the
 * incidents job writes them, and a real Kafka topic receiving the operator's approval.
 */
class IncidentsPageIT {

    private static final Path HOME = Path.of(System.getProperty("user.dir")).getParent();
    private static final String APPROVALS = "page.approvals";

    private static TestPostgres db;
    private static TestKafka kafka;
    private static KafkaPublisher publisher;
    private static Javalin api;
    private static String viewer;
    private static String operator;

    @BeforeAll
    static void start() throws SQLException {
        db = TestPostgres.create("incidents_page");
        kafka = TestKafka.start();
        kafka.createTopics(1, APPROVALS);
        publisher = new KafkaPublisher(kafka.bootstrapServers(), new IntakeTopics("page.alerts", "page.silences", APPROVALS),
                Duration.ofSeconds(10));
        seed();
        ApiServer.Components components = ApiServer.Components.of(db.dataSource()).withPublisher(publisher);
        viewer = components.tokens().create("e2e-viewer", Role.VIEWER).token();
        operator = components.tokens().create("e2e-operator", Role.OPERATOR).token();
        api = ApiServer.create(components).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        api.stop();
        publisher.close();
        kafka.close();
        db.close();
    }

    /**
     * A checkout incident with its whole life (opened with two alerts, enriched with the release in progress,
     * handled by convergence, analysis requested, notified again with one alert resolved and one silenced, resolved),
     * a summary that collected two incidents, and an incident held for approval.
     */
    static void seed() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO incidents (id, kind, service, title, severity, priority, status, group_key, route, release_id,
                        alert_count, firing_count, labels, instances, summary, convergence, converged_into, convergence_key,
                        notification_count, opened_at, updated_at, resolved_at, last_notified_at) VALUES
                    ('inc-checkout', 'group', 'checkout', 'HighLatency on checkout', 'critical', 0, 'resolved',
                     '{}:{alertname="HighLatency", service="checkout"}', 'ops', 'rel-7', 2, 0,
                     '{"alertname":"HighLatency","service":"checkout"}', '{checkout-1,checkout-2}', 'p99 above 800 ms',
                     'handled', NULL, 'latency|service=checkout', 3,
                     now() - interval '20 minutes', now() - interval '5 minutes', now() - interval '5 minutes', now() - interval '5 minutes'),
                    ('inc-payments', 'group', 'payments', 'DatabaseErrors on payments', 'warning', 4, 'open',
                     '{}:{alertname="DatabaseErrors", service="payments"}', 'ops', NULL, 1, 1,
                     '{"alertname":"DatabaseErrors","dependency":"orders-db","service":"payments"}', '{payments-1}', NULL,
                     'collected', 'sum-db', 'dependency-storm|dependency=orders-db', 1,
                     now() - interval '15 minutes', now() - interval '15 minutes', NULL, now() - interval '15 minutes'),
                    ('inc-search', 'group', 'search', 'DatabaseErrors on search', 'warning', 4, 'open',
                     '{}:{alertname="DatabaseErrors", service="search"}', 'ops', NULL, 1, 1,
                     '{"alertname":"DatabaseErrors","dependency":"orders-db","service":"search"}', '{search-2}', NULL,
                     'collected', 'sum-db', 'dependency-storm|dependency=orders-db', 1,
                     now() - interval '15 minutes', now() - interval '15 minutes', NULL, now() - interval '15 minutes'),
                    ('sum-db', 'summary', NULL, 'Converged: dependency-storm dependency=orders-db', 'warning', 4, 'open',
                     NULL, NULL, NULL, 2, 2, '{"dependency":"orders-db"}', '{}',
                     '2 incident(s) collected by convergence rule ''dependency-storm''', 'summary', NULL,
                     'dependency-storm|dependency=orders-db', 1,
                     now() - interval '15 minutes', now() - interval '10 minutes', NULL, now() - interval '10 minutes'),
                    ('inc-gateway', 'group', 'gateway', 'HighErrorRate on gateway', 'warning', 4, 'open',
                     '{}:{alertname="HighErrorRate", service="gateway"}', 'ops', NULL, 1, 1,
                     '{"alertname":"HighErrorRate","service":"gateway"}', '{gateway-3}', '3% of requests fail', 'held', NULL,
                     'errors|service=gateway', 1,
                     now() - interval '3 minutes', now() - interval '3 minutes', NULL, now() - interval '3 minutes')
                    """);
            s.execute("""
                    INSERT INTO incident_events (event_id, incident_id, type, at, service, title, severity, group_key,
                        alert_fingerprints, attributes, detail) VALUES
                    ('inc-checkout:OPENED:1', 'inc-checkout', 'OPENED', now() - interval '20 minutes', 'checkout',
                     'HighLatency on checkout', 'critical', 'g', '{fa1,fa2}',
                     '{"receiver":"ops","sequence":"1","firing":"2","resolved":"0","muted":"0"}',
                     '{"firing":["fa1","fa2"],"resolved":[],"alerts":{
                        "fa1":{"labels":{"instance":"checkout-1","severity":"critical"},"summary":"p99 above 800 ms","startsAt":"2026-11-22T05:40:00Z","generatorUrl":"http://prometheus/graph?g0.expr=x"},
                        "fa2":{"labels":{"instance":"checkout-2","severity":"critical"},"summary":"p99 above 900 ms","startsAt":"2026-11-22T05:40:05Z"}}}'),
                    ('inc-checkout:ENRICHED:1', 'inc-checkout', 'ENRICHED', now() - interval '20 minutes', 'checkout',
                     'HighLatency on checkout', 'critical', 'g', '{fa1,fa2}',
                     '{"release":"rel-7","version":"1.5.0","fromVersion":"1.4.2","stage":"1/3","releaseStatus":"STAGE_STARTED","activeRelease":"true","canaryInstances":"checkout-1","team":"shop","tier":"tier-1"}', NULL),
                    ('inc-checkout:CONVERGED:1', 'inc-checkout', 'CONVERGED', now() - interval '20 minutes', 'checkout',
                     'HighLatency on checkout', 'critical', 'g', '{fa1,fa2}',
                     '{"rule":"latency","function":"collect","key":"latency|service=checkout","peersInWindow":"1","decision":"handled"}', NULL),
                    ('inc-checkout:ANALYSIS_REQUESTED:1', 'inc-checkout', 'ANALYSIS_REQUESTED', now() - interval '20 minutes',
                     'checkout', 'HighLatency on checkout', 'critical', 'g', '{fa1,fa2}', '{"convergence":"handled"}', NULL),
                    ('inc-checkout:NOTIFIED:2', 'inc-checkout', 'NOTIFIED', now() - interval '15 minutes', 'checkout',
                     'HighLatency on checkout', 'critical', 'g', '{fa1,fa2}',
                     '{"receiver":"ops","sequence":"2","firing":"1","resolved":"1","muted":"1"}',
                     '{"firing":["fa1"],"resolved":["fa2"],"muted":{"fa3":"silenced by sil-42"},"alerts":{
                        "fa3":{"labels":{"instance":"checkout-3","severity":"critical"},"startsAt":"2026-11-22T05:44:00Z"}}}'),
                    ('inc-checkout:RESOLVED:3', 'inc-checkout', 'RESOLVED', now() - interval '5 minutes', 'checkout',
                     'HighLatency on checkout', 'critical', 'g', '{fa1,fa2}',
                     '{"receiver":"ops","sequence":"3","firing":"0","resolved":"2","muted":"0"}',
                     '{"firing":[],"resolved":["fa1","fa2"]}'),
                    ('inc-payments:OPENED:1', 'inc-payments', 'OPENED', now() - interval '15 minutes', 'payments',
                     'DatabaseErrors on payments', 'warning', 'g', '{fp1}', '{"receiver":"ops","sequence":"1","firing":"1"}',
                     '{"firing":["fp1"],"resolved":[],"alerts":{"fp1":{"labels":{"instance":"payments-1"},"startsAt":"2026-11-22T05:45:00Z"}}}'),
                    ('inc-payments:CONVERGED:1', 'inc-payments', 'CONVERGED', now() - interval '15 minutes', 'payments',
                     'DatabaseErrors on payments', 'warning', 'g', '{fp1}',
                     '{"rule":"dependency-storm","decision":"collected","into":"sum-db","peersInWindow":"3"}', NULL),
                    ('inc-gateway:OPENED:1', 'inc-gateway', 'OPENED', now() - interval '3 minutes', 'gateway',
                     'HighErrorRate on gateway', 'warning', 'g', '{fg1}', '{"receiver":"ops","sequence":"1","firing":"1"}',
                     '{"firing":["fg1"],"resolved":[]}'),
                    ('inc-gateway:CONVERGED:1', 'inc-gateway', 'CONVERGED', now() - interval '3 minutes', 'gateway',
                     'HighErrorRate on gateway', 'warning', 'g', '{fg1}',
                     '{"rule":"errors","function":"defense","decision":"held","expiresAt":"2099-01-01T00:00:00Z","approvalTimeout":"30m"}', NULL)
                    """);
        }
    }

    @Test
    void viewersFollowAnIncidentsLifeAndOperatorsApproveAHeldOne() throws Exception {
        Process p = new ProcessBuilder(List.of("node", HOME.resolve("ui/e2e/incidents.e2e.mjs").toString(),
                "--url", "http://127.0.0.1:" + api.port(), "--viewer", viewer, "--operator", operator,
                "--expect", "inc-checkout,sum-db,inc-gateway", "--collected", "inc-payments",
                "--incident", "inc-checkout", "--release", "rel-7", "--summary", "sum-db", "--held", "inc-gateway",
                "--timeout-ms", "120000",
                "--screenshot", HOME.resolve("api-server/target/e2e-incidents.png").toString()))
                .directory(HOME.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the browser test finished").isTrue();
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("E2E OK incidents=4 events=6");

        var records = kafka.readAll(APPROVALS);
        assertThat(records).hasSize(1);
        IncidentEvent approval = Json.fromBytes(records.get(0).value(), IncidentEvent.class);
        assertThat(approval.type()).isEqualTo(IncidentEventType.APPROVED);
        assertThat(approval.incidentId()).isEqualTo("inc-gateway");
        assertThat(approval.attributes()).containsEntry("by", "e2e-operator").containsEntry("comment", "e2e go ahead");
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "cannot read the browser test's output: " + e;
        }
    }
}
