package io.nightwatch.functions.incidents.model;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One version of an alert as the incidents job holds it: its fingerprint and labels, when it started and ends
 * (epoch ms; {@code timeout} when the end was not given and was set to the ingest time plus
 * {@code resolve_timeout}), and {@code receivedAt}, the ingest time (Kafka record timestamp) that orders versions
 * and drives every timer of the job. Immutable (its maps are never changed after it is built); Flink serializes it with
 * {@link AlertInstanceSerializer}.
 */
@TypeInfo(AlertInstanceTypeInfo.Factory.class)
public record AlertInstance(
        String fingerprint,
        Map<String, String> labels,
        Map<String, String> annotations,
        long startsAt,
        long endsAt,
        boolean timeout,
        long receivedAt,
        String source,
        String generatorUrl) {

    public AlertInstance {
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
    }

    /** Whether the alert is resolved at {@code t}: it has an end and the end is not after {@code t} (Alertmanager). */
    public boolean resolvedAt(long t) {
        return endsAt != 0 && endsAt <= t;
    }

    /** The same alert with other start and end times. */
    public AlertInstance withTimes(long newStartsAt, long newEndsAt) {
        return new AlertInstance(fingerprint, labels, annotations, newStartsAt, newEndsAt, timeout, receivedAt, source,
                generatorUrl);
    }
}
