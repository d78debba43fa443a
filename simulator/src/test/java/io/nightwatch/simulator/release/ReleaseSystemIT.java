package io.nightwatch.simulator.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.CanaryOutcome;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingAction;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.simulator.fleet.Fleet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The release system against a real Kafka broker: verdicts move it, commands are answered once, transactionally. */
class ReleaseSystemIT {

    private static final ReleaseKafkaLoop.Topics TOPICS = new ReleaseKafkaLoop.Topics("it.releases", "it.commands",
            "it.results", "it.verdicts", "it.alerts");

    private static TestKafka kafka;
    private static ReleaseSystem system;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopics(2, TOPICS.releases(), TOPICS.commands(), TOPICS.results(), TOPICS.verdicts(),
                TOPICS.alerts());
        system = new ReleaseSystem(ReleaseSystem.Config.of(kafka.bootstrapServers(), "127.0.0.1", 0)
                .withTopics(TOPICS), Fleet.demo(), Clock.systemUTC()).start();
    }

    @AfterAll
    static void stop() {
        system.close();
        kafka.close();
    }

    private static <T> List<T> read(String topic, Class<T> type) {
        return kafka.readAll(topic).stream().map(r -> Json.fromBytes(r.value(), type)).toList();
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static void produce(String topic, String key, Object value) {
        kafka.produce(topic, List.of(Map.entry(key, Json.toBytes(value))));
    }

    @Test
    void aPassVerdictOnTheTopicMovesTheReleaseAndARollbackCommandIsAnsweredOnce() throws Exception {
        system.engine().create(new ReleaseRequest("rel-it", "payments", "2.8.0", Risk.MEDIUM, null, 1L, 600L, null,
                null, null, null, null));
        Thread.sleep(1100); // the one-second window is over
        produce(TOPICS.verdicts(), "rel-it", new CanaryVerdict("rel-it:1", "rel-it", "payments", "2.8.0", 1,
                CanaryOutcome.PASS, 100, 75, 50, null, Instant.now(), Instant.now(), List.of(), List.of(), List.of(),
                Instant.now()));
        await("stage 2", () -> system.engine().get("rel-it").orElseThrow().stage() == 2);

        HealingCommand rollback = new HealingCommand("canary:rel-it:2:ROLLBACK_RELEASE", HealingAction.ROLLBACK_RELEASE,
                "payments", "rel-it", "rel-it", "latency High", null, false, Instant.now(), null, "canary-judge",
                Map.of("stage", "2"));
        produce(TOPICS.commands(), "rel-it", rollback);
        produce(TOPICS.commands(), "rel-it", rollback); // redelivered: executed once
        await("two answers", () -> read(TOPICS.results(), CommandResult.class).size() == 2);

        List<CommandResult> results = read(TOPICS.results(), CommandResult.class);
        assertThat(results).extracting(CommandResult::outcome)
                .containsExactly(CommandOutcome.EXECUTED, CommandOutcome.DUPLICATE);
        assertThat(results.get(0).message()).isEqualTo("rolled back release rel-it from stage 2 to 2.7.0");
        assertThat(kafka.readAll(TOPICS.results()).get(0).key()).isEqualTo(
                "canary:rel-it:2:ROLLBACK_RELEASE".getBytes(StandardCharsets.UTF_8));
        assertThat(read(TOPICS.releases(), ReleaseEvent.class)).extracting(e -> e.status() + " " + e.stage())
                .containsExactly("SCHEDULED 0", "STAGE_STARTED 1", "STAGE_PASSED 1", "STAGE_STARTED 2",
                        "ROLLING_BACK 2", "ROLLED_BACK 2");
        assertThat(system.engine().instances("payments")).extracting(InstanceView::version).containsOnly("2.7.0");
    }

    @Test
    void unreadableCommandsAreSkippedWithoutStoppingTheLoop() throws Exception {
        long before = system.engine().list().size();
        long refused = system.refusedRecords();
        kafka.produce(TOPICS.commands(), List.of(Map.entry("x", "{not json".getBytes(StandardCharsets.UTF_8))));
        await("the bad record to be refused", () -> system.refusedRecords() == refused + 1);
        system.engine().create(ReleaseRequest.of("gateway", "3.1.0"));
        await("the loop to go on", () -> read(TOPICS.releases(), ReleaseEvent.class).stream()
                .anyMatch(e -> e.service().equals("gateway")));
        assertThat(system.engine().list()).hasSize((int) before + 1);
    }
}
