package io.nightwatch.functions.ingest;

import io.nightwatch.schemas.DeadLetter;
import java.time.Instant;
import java.util.Base64;
import org.apache.flink.util.OutputTag;

/** Builds dead-letter records and holds the side-output tag every job routes them through. */
public final class DeadLetters {

    /** The side output of refused records. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    /** Name of the Flink counter of refused records, in each job's {@code nightwatch} metric group. */
    public static final String COUNTER = "deadLetters";

    private DeadLetters() {}

    /** A dead letter for a raw record refused by {@code job} for {@code reason}. */
    public static DeadLetter of(RawRecord raw, String reason, String job, Instant at) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new DeadLetter(
                raw.topic(),
                raw.partition(),
                raw.offset(),
                raw.key() == null ? null : b64.encodeToString(raw.key()),
                raw.value() == null ? null : b64.encodeToString(raw.value()),
                reason,
                job,
                at);
    }
}
