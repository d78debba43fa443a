package io.nightwatch.api.alerts;

import java.util.List;

/** The publisher of an api-server started without Kafka: writes are refused with the reason (503). */
public final class UnconfiguredPublisher implements RecordPublisher {

    @Override
    public void publishAll(List<Outgoing> records) throws PublishFailed {
        throw new PublishFailed("no Kafka broker is configured (start the api-server with --bootstrap-servers)", null);
    }

    @Override
    public IntakeTopics topics() {
        return IntakeTopics.DEFAULTS;
    }
}
