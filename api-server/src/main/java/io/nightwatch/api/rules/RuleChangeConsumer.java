package io.nightwatch.api.rules;

import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.alerts.RecordPublisher;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.RuleChangeCommand;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule store's consumer of {@code nw.commands.rules} (read_committed, its own group, offsets committed after each
 * batch was applied): every command goes to {@link RuleStore#apply}, which is idempotent per command id, so a batch
 * redelivered after a crash changes nothing twice. A record that is not a rule-change command goes to the dead-letter
 * topic with its reason and is counted, never retried forever; Kafka or PostgreSQL being down stops the batch, which is
 * retried after a pause.
 */
public final class RuleChangeConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleChangeConsumer.class);
    public static final String GROUP = "nightwatch-rule-store";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RuleStore store;
    private final String topic;
    private final RecordPublisher deadLetters;
    private final String deadLetterTopic;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** Reads {@code topic}; refused records go to {@code deadLetterTopic} through {@code deadLetters}. */
    public RuleChangeConsumer(String bootstrapServers, String topic, RuleStore store, RecordPublisher deadLetters,
            String deadLetterTopic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.store = store;
        this.topic = topic;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.thread = new Thread(this::loop, "rule-store-consumer");
        this.thread.setDaemon(true);
    }

    /** Starts consuming on its own thread. */
    public RuleChangeConsumer start() {
        thread.start();
        return this;
    }

    /** Commands applied (or answered again) so far. */
    public long applied() {
        return applied.get();
    }

    /** Records that were not rule-change commands. */
    public long refused() {
        return refused.get();
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        handle(r);
                    }
                    consumer.commitSync();
                } catch (PublishFailed | RuntimeException e) {
                    LOG.warn("rule store: could not apply a batch of {} ({}); retrying from the last commit",
                            topic, e.getMessage(), e);
                    rewind(records);
                    Thread.sleep(2000);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Back to the last committed offsets of the batch's partitions (the start when none was committed). */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(records.partitions());
        for (TopicPartition tp : records.partitions()) {
            OffsetAndMetadata o = committed.get(tp);
            if (o == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, o.offset());
            }
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) throws PublishFailed {
        RuleChangeCommand c = null;
        String problem;
        try {
            c = r.value() == null ? null : Json.fromBytes(r.value(), RuleChangeCommand.class);
            problem = c == null ? "empty record" : c.commandId() == null ? "missing commandId"
                    : c.ruleId() == null ? "missing ruleId" : null;
        } catch (RuntimeException e) {
            problem = "malformed RuleChangeCommand: " + e.getMessage();
        }
        if (problem != null) {
            refuse(r, problem);
            return;
        }
        var result = store.apply(c);
        applied.incrementAndGet();
        LOG.info("rule store: command {} on {}: {} ({})", c.commandId(), c.ruleId(), result.outcome(), result.message());
    }

    private void refuse(ConsumerRecord<byte[], byte[]> r, String problem) throws PublishFailed {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        String raw = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
        DeadLetter letter = new DeadLetter(topic, r.partition(), r.offset(), key, raw, problem, "rule-store", Instant.now());
        deadLetters.publishAll(List.of(new RecordPublisher.Outgoing(deadLetterTopic, key, Json.toBytes(letter),
                System.currentTimeMillis())));
        refused.incrementAndGet();
        LOG.warn("rule store: {}@{}/{} refused ({}); sent to {}", topic, r.partition(), r.offset(), problem,
                deadLetterTopic);
    }

    @Override
    public void close() {
        running.set(false);
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
