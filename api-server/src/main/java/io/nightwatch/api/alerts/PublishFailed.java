package io.nightwatch.api.alerts;

/** Kafka did not acknowledge a record in time (or no broker is configured): answered 503, nothing is accepted. */
public final class PublishFailed extends Exception {

    public PublishFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
