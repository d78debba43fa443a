package io.nightwatch.simulator.release;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the release engine to Kafka on one thread: reads healing commands and canary verdicts (read_committed),
 * hands them to the engine, ticks it, and publishes what the engine put in its outbox (release events, command
 * results, alerts) in one Kafka transaction together with the consumed offsets, so an answer and the command it
 * answers are committed together.
 */
public final class ReleaseKafkaLoop implements AutoCloseable {

    /** The topics the release system reads and writes. */
    public record Topics(String releases, String commands, String results, String verdicts, String alerts) {

        public static Topics defaults() {
            return new Topics(io.nightwatch.schemas.Topics.RELEASES, io.nightwatch.schemas.Topics.COMMANDS_HEALING,
                    io.nightwatch.schemas.Topics.COMMAND_RESULTS, io.nightwatch.schemas.Topics.CANARY_VERDICTS,
                    io.nightwatch.schemas.Topics.ALERTS);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseKafkaLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final String transactionalId;
    private final Topics topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConcurrentLinkedDeque<ProducerRecord<byte[], byte[]>> queue = new ConcurrentLinkedDeque<>();
    private final Map<TopicPartition, OffsetAndMetadata> pendingOffsets = new HashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final AtomicLong refused = new AtomicLong();
    private KafkaProducer<byte[], byte[]> producer;
    private Thread thread;
    private volatile boolean running;

    public ReleaseKafkaLoop(String bootstrapServers, String groupId, String transactionalId, Topics topics) {
        this.bootstrapServers = bootstrapServers;
        this.transactionalId = transactionalId;
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(consumerProps(bootstrapServers, groupId));
    }

    /** The outbox the engine writes to: records queued here are published by the loop's next transaction. */
    public Outbox outbox() {
        return new Outbox() {
            @Override
            public void release(ReleaseEvent event) {
                queue.add(record(topics.releases(), event.release(), event));
            }

            @Override
            public void result(CommandResult result) {
                queue.add(record(topics.results(), result.commandId(), result));
            }

            @Override
            public void alert(Alert alert) {
                queue.add(record(topics.alerts(), alert.fingerprint(), alert));
            }
        };
    }

    /** Starts the loop and waits (up to 30 s) until it is assigned its partitions, so no command is missed. */
    public void start(ReleaseEngine engine) throws InterruptedException {
        producer = newProducer();
        running = true;
        thread = new Thread(() -> run(engine), "release-system-kafka");
        thread.setDaemon(true);
        thread.start();
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            LOG.warn("release system: no partitions of {} / {} assigned after 30 s", topics.commands(), topics.verdicts());
        }
    }

    /** Records on the input topics that could not be read (logged and skipped). */
    public long refused() {
        return refused.get();
    }

    private void run(ReleaseEngine engine) {
        consumer.subscribe(List.of(topics.commands(), topics.verdicts()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assigned.countDown();
            }
        });
        while (running) {
            try {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    handle(engine, r);
                    pendingOffsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                engine.tick();
                publish();
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                LOG.warn("release system: loop iteration failed; retrying", e);
                sleepQuietly();
            }
        }
        publish();
    }

    private void handle(ReleaseEngine engine, ConsumerRecord<byte[], byte[]> r) {
        try {
            if (r.topic().equals(topics.commands())) {
                HealingCommand command = Json.fromBytes(r.value(), HealingCommand.class);
                CommandResult result = engine.onCommand(command);
                if (result != null) {
                    LOG.info("release system: command {} {} -> {} ({})", command.commandId(), command.action(),
                            result.outcome(), result.message());
                }
            } else {
                engine.onVerdict(Json.fromBytes(r.value(), CanaryVerdict.class));
            }
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            LOG.warn("release system: skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    /** Publishes the queued records and the consumed offsets in one transaction; requeues them if it aborts. */
    private void publish() {
        List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> r; (r = queue.poll()) != null; ) {
            batch.add(r);
        }
        if (batch.isEmpty() && pendingOffsets.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            for (ProducerRecord<byte[], byte[]> r : batch) {
                producer.send(r);
            }
            if (!pendingOffsets.isEmpty()) {
                producer.sendOffsetsToTransaction(new HashMap<>(pendingOffsets), consumer.groupMetadata());
            }
            producer.commitTransaction();
            pendingOffsets.clear();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            LOG.warn("release system: producer cannot go on ({}); starting a new one", e.toString());
            producer.close(Duration.ZERO);
            producer = newProducer();
            requeue(batch);
        } catch (KafkaException e) {
            LOG.warn("release system: transaction aborted ({}); retrying", e.toString());
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                producer.close(Duration.ZERO);
                producer = newProducer();
            }
            requeue(batch);
        }
    }

    private void requeue(List<ProducerRecord<byte[], byte[]>> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            queue.addFirst(batch.get(i));
        }
    }

    private KafkaProducer<byte[], byte[]> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "nightwatch-release-system");
        KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(p);
        created.initTransactions();
        return created;
    }

    private static Properties consumerProps(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A release system that never ran ignores commands issued before it existed; later it resumes where it was.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "nightwatch-release-system");
        return p;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, Object value) {
        return new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), Json.toBytes(value));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer.close(Duration.ofSeconds(5));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
