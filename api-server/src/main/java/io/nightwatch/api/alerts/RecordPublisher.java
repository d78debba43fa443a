package io.nightwatch.api.alerts;

import java.util.List;

/** Publishes records to Kafka and returns once every one is acknowledged (or throws {@link PublishFailed}). */
public interface RecordPublisher extends AutoCloseable {

    /** One record: topic, key, value, and its timestamp (the ingest time the incidents job runs on). */
    record Outgoing(String topic, String key, byte[] value, long timestamp) {}

    /** Sends all records and waits for the broker to acknowledge each. */
    void publishAll(List<Outgoing> records) throws PublishFailed;

    /** The topics the api-server writes. */
    IntakeTopics topics();

    @Override
    default void close() {}
}
