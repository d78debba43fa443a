package io.nightwatch.jobs.io;

/** Records written without a key (spread over partitions). */
public final class NoKey<T> implements RecordKey<T> {
    @Override
    public String of(T value) {
        return null;
    }
}
