package io.nightwatch.jobs.io;

import java.io.Serializable;

/** The Kafka key of an outgoing record (null: no key). */
public interface RecordKey<T> extends Serializable {
    String of(T value);
}
