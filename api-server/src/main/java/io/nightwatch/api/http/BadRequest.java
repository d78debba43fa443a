package io.nightwatch.api.http;

/** A request the caller must fix: answered 400 with the message. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
