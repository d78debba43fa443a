package io.nightwatch.functions.canary.ingest;

import java.io.Serializable;

/** Validates a parsed record: null when it can be accepted, else the reason it is refused. */
@FunctionalInterface
public interface RecordCheck<T> extends Serializable {
    String problem(T record);
}
