package io.nightwatch.jobs.io;

import io.nightwatch.schemas.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a record as its JSON wire format to one topic, keyed by a {@link RecordKey}. */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {

    private final String topic;
    private final RecordKey<T> key;

    public JsonRecordSerializer(String topic, RecordKey<T> key) {
        this.topic = topic;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String k = key.of(element);
        // No record timestamp: the producer stamps the send time. Element timestamps can be far from now (a day
        // rollup carries the end of its day), and brokers refuse records more than an hour ahead by default.
        return new ProducerRecord<>(topic, null, null, k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                Json.toBytes(element));
    }
}
