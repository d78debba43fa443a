package io.nightwatch.functions.ingest;

/** A Kafka record as read, before parsing: where it came from and its raw key and value bytes. */
public record RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {}
