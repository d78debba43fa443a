package io.nightwatch.functions.ingest;

/** A record that cannot be accepted; the message is the reason written to the dead-letter topic. */
public final class BadRecordException extends Exception {

    public BadRecordException(String reason) {
        super(reason, null, false, false);
    }
}
