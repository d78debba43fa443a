package io.nightwatch.functions.incidents.intake;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.incidents.config.InvalidConfigException;
import io.nightwatch.functions.incidents.muting.CompiledSilence;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.Matcher;
import io.nightwatch.schemas.Silence;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Reads {@code Silence} records from the compacted {@code nw.silences} topic. A record without a value (a tombstone)
 * deletes the silence named by its key. A silence needs an id, at least one matcher with a valid label name and a
 * valid regex, a start and an end not before the start.
 */
public final class SilenceRecords {

    private SilenceRecords() {}

    /** The silence of a record; a tombstone gives a silence without matchers (meaning: delete it). */
    public static Silence parse(byte[] key, byte[] value) throws BadRecordException {
        if (value == null) {
            if (key == null || key.length == 0) {
                throw new BadRecordException("tombstone without a key");
            }
            return tombstone(new String(key, StandardCharsets.UTF_8));
        }
        Silence s;
        try {
            s = Json.fromBytes(value, Silence.class);
        } catch (UncheckedIOException e) {
            throw new BadRecordException("malformed JSON: " + AlertRecordParser.firstLine(e.getCause().getMessage()));
        } catch (RuntimeException e) {
            throw new BadRecordException("not a silence: " + AlertRecordParser.firstLine(e.getMessage()));
        }
        if (s == null || s.id() == null || s.id().isBlank()) {
            throw new BadRecordException("missing field 'id'");
        }
        if (s.matchers().isEmpty()) {
            throw new BadRecordException("silence " + s.id() + " has no matchers");
        }
        for (Matcher m : s.matchers()) {
            if (m == null || m.name() == null || !AlertRecordParser.LABEL_NAME.matcher(m.name()).matches()) {
                throw new BadRecordException("silence " + s.id() + ": invalid matcher label name");
            }
        }
        if (s.startsAt() == null || s.endsAt() == null) {
            throw new BadRecordException("silence " + s.id() + ": startsAt and endsAt are required");
        }
        if (s.endsAt().isBefore(s.startsAt())) {
            throw new BadRecordException("silence " + s.id() + ": endsAt is before startsAt");
        }
        try {
            CompiledSilence.of(s);
        } catch (InvalidConfigException e) {
            throw new BadRecordException("silence " + s.id() + ": " + e.getMessage());
        }
        return s;
    }

    /** A deletion marker for the silence {@code id}. */
    public static Silence tombstone(String id) {
        return new Silence(id, List.of(), Instant.EPOCH, Instant.EPOCH, null, null, null);
    }

    public static boolean isTombstone(Silence s) {
        return s.matchers().isEmpty();
    }
}
