package io.nightwatch.jobs.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.jobs.JobMain;
import io.nightwatch.schemas.CanaryOutcome;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import io.nightwatch.simulator.Simulator;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.ServiceProfile;
import io.nightwatch.simulator.release.FaultKind;
import io.nightwatch.simulator.release.FaultProfile;
import io.nightwatch.simulator.release.ReleaseKafkaLoop;
import io.nightwatch.simulator.release.ReleaseRequest;
import io.nightwatch.simulator.release.ReleaseState;
import io.nightwatch.simulator.release.ReleaseSystem;
import io.nightwatch.simulator.release.Risk;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The canary job on a Flink MiniCluster against a real Kafka broker and real PostgreSQL, driving the simulator's
 * release system over a simulated fleet emitting every second: a regressing canary is rolled back automatically, a
 * healthy release reaches 100%, and a fault on an instance of the completed release ends as "rollback not
 * supported", recorded and escalated. The healthy release is judged on live random samples: the judge's false
 * positive rate on a critical metric (about 1.6% per stage, see README-canary.md) is this test's chance to fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CanaryJobIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final ReleaseKafkaLoop.Topics TOPICS = new ReleaseKafkaLoop.Topics("it.releases",
            "it.commands.healing", "it.commands.results", "it.canary.verdicts", "it.alerts");
    private static final String METRICS = "it.metrics";
    private static final String INCIDENTS = "it.incidents";
    private static final String DEAD = "it.deadletter";
    private static final Duration WINDOW = Duration.ofSeconds(15);

    private static TestKafka kafka;
    private static TestPostgres db;
    private static Simulator simulator;
    private static ReleaseSystem releases;
    private static JobClient job;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopics(2, METRICS, TOPICS.releases(), TOPICS.commands(), TOPICS.results(), TOPICS.verdicts(),
                TOPICS.alerts(), INCIDENTS, DEAD);
        db = TestPostgres.create("canary_job");
        Fleet fleet = new Fleet(List.of(new ServiceProfile("checkout", 4, "1.4.2", 120, 220, 0.004, 45),
                new ServiceProfile("search", 4, "5.1.3", 60, 480, 0.001, 60)));
        releases = new ReleaseSystem(ReleaseSystem.Config.of(kafka.bootstrapServers(), "127.0.0.1", 0)
                .withTopics(TOPICS).withVerdictTimeout(Duration.ofSeconds(90)), fleet, Clock.systemUTC()).start();
        simulator = new Simulator(new Simulator.Config(kafka.bootstrapServers(), METRICS, Duration.ofSeconds(1),
                Duration.ZERO, null), fleet);
        simulator.start();
        kafka.produce(TOPICS.releases(), List.of(Map.entry("x", "{\"release\": oops".getBytes(StandardCharsets.UTF_8))));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobMain.define(env, CanaryJob.NAME,
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--jdbc-url", db.jdbcUrl(),
                "--group-id", "canary-it",
                "--metrics-topic", METRICS,
                "--releases-topic", TOPICS.releases(),
                "--alerts-topic", TOPICS.alerts(),
                "--results-topic", TOPICS.results(),
                "--commands-topic", TOPICS.commands(),
                "--verdicts-topic", TOPICS.verdicts(),
                "--incidents-topic", INCIDENTS,
                "--deadletter-topic", DEAD,
                "--out-of-orderness", "1s",
                "--idleness", "5s",
                "--analysis-delay", "2s",
                "--suspect-within", "5min",
                "--checkpoint-interval", "2s");
        job = env.executeAsync("canary-it");
    }

    @AfterAll
    static void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
        simulator.close();
        releases.close();
        db.close();
        kafka.close();
    }

    private static ReleaseRequest release(String id, String service, String version, FaultProfile fault) {
        return new ReleaseRequest(id, service, version, Risk.MEDIUM, null, WINDOW.toSeconds(), 5L, null, null, null,
                fault, null);
    }

    @Test
    @Order(1)
    void rollsBackCanaryWhenLatencyRegresses() throws Exception {
        releases.engine().create(release("rel-bad", "checkout", "1.5.0", new FaultProfile(FaultKind.LATENCY, 80)));
        await("rel-bad rolled back", Duration.ofMinutes(3),
                () -> releases.engine().get("rel-bad").orElseThrow().state() == ReleaseState.ROLLED_BACK);

        assertThat(releases.engine().get("rel-bad").orElseThrow().stage()).isEqualTo(1);
        assertThat(releases.engine().instances("checkout")).allSatisfy(i -> assertThat(i.version()).isEqualTo("1.4.2"));
        // every sink flushes on its own: wait until each table shows the end
        await("the projection of rel-bad", Duration.ofSeconds(30), () -> "ROLLED_BACK".equals(
                one("SELECT status FROM releases WHERE id = 'rel-bad'"))
                && "ROLLED_BACK".equals(one("SELECT status FROM release_stages WHERE release_id = 'rel-bad'"))
                && "executed".equals(one("SELECT status FROM commands WHERE command_id = 'canary:rel-bad:1:ROLLBACK_RELEASE'"))
                && "1.4.2".equals(one("SELECT string_agg(DISTINCT version, ',') FROM instances WHERE service = 'checkout'")));

        assertThat(rows("SELECT stage, status, verdict, score, canary_instances::text, baseline_instances::text "
                + "FROM release_stages WHERE release_id = 'rel-bad'"))
                .containsExactly("1|ROLLED_BACK|FAIL|0.0|{checkout-1}|{checkout-2,checkout-3,checkout-4}");
        assertThat(rows("SELECT metric, classification, critical, decided_by, statistics->'mannWhitney' IS NOT NULL "
                + "FROM canary_verdicts WHERE release_id = 'rel-bad' AND metric = 'latency_ms'"))
                .containsExactly("latency_ms|High|true|mann-whitney|true");
        assertThat(one("SELECT result FROM commands WHERE command_id = 'canary:rel-bad:1:ROLLBACK_RELEASE'"))
                .isEqualTo("EXECUTED: rolled back release rel-bad from stage 1 to 1.4.2");
        assertThat(rows("SELECT status FROM release_events WHERE release_id = 'rel-bad' ORDER BY at, event_id"))
                .containsExactlyInAnyOrder("SCHEDULED", "STAGE_STARTED", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(rows("SELECT DISTINCT version FROM instances WHERE service = 'checkout'")).containsExactly("1.4.2");

        List<CanaryVerdict> verdicts = read(TOPICS.verdicts(), CanaryVerdict.class);
        assertThat(verdicts).filteredOn(v -> v.release().equals("rel-bad")).extracting(CanaryVerdict::outcome)
                .containsExactly(CanaryOutcome.FAIL);
        List<HealingCommand> commands = read(TOPICS.commands(), HealingCommand.class);
        assertThat(commands).filteredOn(c -> "rel-bad".equals(c.release())).extracting(HealingCommand::commandId)
                .containsExactly("canary:rel-bad:1:ROLLBACK_RELEASE"); // exactly once, read_committed
        assertThat(read(DEAD, DeadLetter.class)).extracting(DeadLetter::error)
                .anySatisfy(e -> assertThat(e).startsWith("malformed ReleaseEvent: Unrecognized token 'oops'"));
    }

    @Test
    @Order(2)
    void aHealthyReleaseReachesEveryInstance() throws Exception {
        releases.engine().create(release("rel-good", "search", "5.2.0", FaultProfile.HEALTHY));
        await("rel-good completed", Duration.ofMinutes(4),
                () -> releases.engine().get("rel-good").orElseThrow().state() == ReleaseState.COMPLETED);

        await("the projection of rel-good", Duration.ofSeconds(30),
                () -> "COMPLETED".equals(one("SELECT status FROM releases WHERE id = 'rel-good'"))
                        && "PASSED".equals(one("SELECT status FROM release_stages WHERE release_id = 'rel-good' AND stage = 3"))
                        && "5.2.0".equals(one("SELECT string_agg(DISTINCT version, ',') FROM instances WHERE service = 'search'")));
        assertThat(rows("SELECT stage, status, verdict FROM release_stages WHERE release_id = 'rel-good' ORDER BY stage"))
                .containsExactly("1|PASSED|PASS", "2|PASSED|PASS", "3|PASSED|null");
        assertThat(rows("SELECT DISTINCT version FROM instances WHERE service = 'search'")).containsExactly("5.2.0");
        assertThat(rows("SELECT count(*) FROM canary_verdicts WHERE release_id = 'rel-good'")).containsExactly("8");
        // the critical metrics passed (a non-critical one may be a rare false positive that leaves the score at 80)
        assertThat(rows("SELECT stage, metric, classification FROM canary_verdicts WHERE release_id = 'rel-good' "
                + "AND critical ORDER BY stage, metric"))
                .containsExactly("1|errors|Pass", "1|latency_ms|Pass", "2|errors|Pass", "2|latency_ms|Pass");
        assertThat(rows("SELECT count(*) FROM commands WHERE release_id = 'rel-good'")).containsExactly("0");
    }

    @Test
    @Order(3)
    void aFaultOnAnInstanceOfTheCompletedReleaseIsRecordedAsNotSupportedAndEscalated() throws Exception {
        releases.engine().injectFault("search-2", new FaultProfile(FaultKind.LATENCY, 200), true);
        String id = "canary:rel-good:suspect:search-2:ROLLBACK_RELEASE";
        await("the escalation", Duration.ofMinutes(2),
                () -> "not_supported".equals(one("SELECT status FROM commands WHERE command_id = '" + id + "'"))
                        && one("SELECT type FROM incident_events WHERE event_id = '" + id + ":ESCALATED'") != null);

        assertThat(one("SELECT result FROM commands WHERE command_id = '" + id + "'"))
                .isEqualTo("NOT_SUPPORTED: rollback not supported for a completed release");
        assertThat(rows("SELECT instance, alert_name, severity FROM release_suspicions WHERE release_id = 'rel-good'"))
                .containsExactly("search-2|InstanceDegraded|critical");
        assertThat(rows("SELECT incident_id, type, attributes->>'release' FROM incident_events WHERE event_id = '"
                + id + ":ESCALATED'")).containsExactly("canary:rel-good|ESCALATED|rel-good");
        assertThat(read(TOPICS.results(), CommandResult.class)).filteredOn(r -> r.commandId().equals(id))
                .extracting(CommandResult::message).containsExactly("rollback not supported for a completed release");
        // Kafka sees the escalation when the checkpoint that wrote it completes (the database may see it first)
        await("the escalation on " + INCIDENTS, Duration.ofSeconds(30), () -> !read(INCIDENTS, IncidentEvent.class).isEmpty());
        List<IncidentEvent> incidents = read(INCIDENTS, IncidentEvent.class);
        assertThat(incidents).extracting(IncidentEvent::eventId, IncidentEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id + ":ESCALATED", IncidentEventType.ESCALATED));
        assertThat(releases.engine().instances("search")).extracting(i -> i.version()).containsOnly("5.2.0");
    }

    private static <T> List<T> read(String topic, Class<T> type) {
        List<T> out = new ArrayList<>();
        kafka.readAll(topic).forEach(r -> {
            try {
                out.add(Json.fromBytes(r.value(), type));
            } catch (RuntimeException e) {
                // a record that is not of this type (the test's own bad input)
            }
        });
        return out;
    }

    private static String one(String sql) throws SQLException {
        List<String> r = rows(sql);
        return r.isEmpty() ? null : r.get(0);
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cols));
            }
        }
        return out;
    }

    private static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; releases: " + releases.engine().list());
            }
            Thread.sleep(500);
        }
    }
}
