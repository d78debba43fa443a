package io.nightwatch.api.http;

/** A resource that does not exist: answered 404 with the message. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
