package io.nightwatch.api.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes through one idempotent Kafka producer ({@code acks=all}): a request's records are sent together and the
 * request is answered only after every one is acknowledged, so an accepted alert is never lost.
 */
public final class KafkaPublisher implements RecordPublisher {

    private final KafkaProducer<byte[], byte[]> producer;
    private final IntakeTopics topics;
    private final Duration timeout;

    public KafkaPublisher(String bootstrapServers, IntakeTopics topics, Duration timeout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout.toMillis(), 1000) + 1000));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout.toMillis(), 1000)));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "nightwatch-api-intake");
        this.producer = new KafkaProducer<>(p);
        this.topics = topics;
        this.timeout = timeout;
    }

    @Override
    public IntakeTopics topics() {
        return topics;
    }

    @Override
    public void publishAll(List<Outgoing> records) throws PublishFailed {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Outgoing r : records) {
                sent.add(producer.send(new ProducerRecord<>(r.topic(), null, r.timestamp(),
                        r.key() == null ? null : r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8), r.value())));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new PublishFailed("Kafka refused the records: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailed("Kafka did not acknowledge within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed("interrupted while publishing", e);
        } catch (RuntimeException e) {
            throw new PublishFailed("cannot publish to Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
