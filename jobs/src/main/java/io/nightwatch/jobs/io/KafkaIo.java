package io.nightwatch.jobs.io;

import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.jobs.config.KafkaSettings;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The one place that builds Kafka sources and sinks for the jobs. */
public final class KafkaIo {

    private KafkaIo() {}

    /**
     * Raw records of a topic, read_committed, from the group's committed offsets (earliest when none);
     * bounded at the latest offsets when the settings say so (tests, benchmarks).
     */
    @SuppressWarnings("deprecation")
    public static KafkaSource<RawRecord> rawSource(KafkaSettings kafka, String topic) {
        KafkaSourceBuilder<RawRecord> builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId(kafka.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000");
        if (kafka.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * Raw records of a compacted topic read whole from the beginning on a fresh start (rules, silences): after a
     * restore the source resumes from its checkpointed offsets, and the broadcast state holds what was read.
     */
    public static KafkaSource<RawRecord> compactedSource(KafkaSettings kafka, String topic) {
        KafkaSourceBuilder<RawRecord> builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId(kafka.groupId() + "-" + topic)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("isolation.level", "read_committed");
        if (kafka.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * A JSON sink to one topic. Exactly-once (Kafka transactions committed on checkpoints; consumers read
     * read_committed) unless the settings ask for at-least-once.
     */
    public static <T> KafkaSink<T> jsonSink(KafkaSettings kafka, String topic, RecordKey<T> key, String transactionalIdPrefix) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(new JsonRecordSerializer<>(topic, key))
                .setDeliveryGuarantee(kafka.exactlyOnce() ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", "900000")
                .build();
    }
}
