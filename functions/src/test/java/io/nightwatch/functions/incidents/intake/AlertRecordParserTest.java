package io.nightwatch.functions.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.schemas.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRecordParserTest {

    private static final long RECEIVED = Instant.parse("2026-11-22T05:41:00Z").toEpochMilli();
    private final AlertRecordParser parser = new AlertRecordParser(AlertLimits.defaults(), Duration.ofMinutes(5));

    private AlertInstance parse(String json) throws BadRecordException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    @Test
    void readsTheStandardAlertAndRecomputesTheFingerprint() throws Exception {
        AlertInstance a = parse("""
                {"fingerprint":"0000000000000000","source":"prometheus","name":"HighLatency","status":"firing",
                 "labels":{"alertname":"HighLatency","service":"checkout","empty":""},"annotations":{"summary":"slow"},
                 "startsAt":"2026-11-22T05:40:00Z","endsAt":"2026-11-22T05:44:00Z","generatorUrl":"http://p/g"}""");
        assertThat(a.labels()).isEqualTo(Map.of("alertname", "HighLatency", "service", "checkout"));
        assertThat(a.fingerprint()).isEqualTo(Alert.fingerprintOf(Map.of("alertname", "HighLatency", "service", "checkout")));
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-11-22T05:40:00Z").toEpochMilli());
        assertThat(a.endsAt()).isEqualTo(Instant.parse("2026-11-22T05:44:00Z").toEpochMilli());
        assertThat(a.timeout()).isFalse();
        assertThat(a.receivedAt()).isEqualTo(RECEIVED);
        assertThat(a.source()).isEqualTo("prometheus");
        assertThat(a.annotations()).containsEntry("summary", "slow");
    }

    @Test
    void readsTimesWithFractionsAndOffsets() throws Exception {
        AlertInstance a = parse("{\"labels\":{\"a\":\"1\"},\"startsAt\":\"2026-11-22T05:40:00.123456789Z\","
                + "\"endsAt\":\"2026-11-22T07:44:00+02:00\"}");
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-11-22T05:40:00.123Z").toEpochMilli());
        assertThat(a.endsAt()).isEqualTo(Instant.parse("2026-11-22T05:44:00Z").toEpochMilli());
    }

    @Test
    void fillsMissingTimesAsAlertmanagerDoes() throws Exception {
        AlertInstance noTimes = parse("{\"labels\":{\"a\":\"1\"}}");
        assertThat(noTimes.startsAt()).isEqualTo(RECEIVED);
        assertThat(noTimes.endsAt()).isEqualTo(RECEIVED + Duration.ofMinutes(5).toMillis());
        assertThat(noTimes.timeout()).isTrue();
        AlertInstance resolved = parse("{\"labels\":{\"a\":\"1\"},\"status\":\"resolved\",\"startsAt\":\"2026-11-22T05:00:00Z\"}");
        assertThat(resolved.endsAt()).isEqualTo(RECEIVED);
        assertThat(resolved.resolvedAt(RECEIVED)).isTrue();
        AlertInstance endOnly = parse("{\"labels\":{\"a\":\"1\"},\"endsAt\":\"2026-11-22T05:30:00Z\"}");
        assertThat(endOnly.startsAt()).isEqualTo(endOnly.endsAt());
    }

    @Test
    void refusesEachKindOfBadRecordWithItsReason() {
        assertBad("", "empty record");
        assertBad("{\"labels\": oops", "malformed JSON: Unrecognized token 'oops'");
        assertBad("{\"labels\":{}}", "at least one label pair required");
        assertBad("{\"labels\":{\"a\":\"\"}}", "at least one label pair required");
        assertBad("{\"labels\":{\"1a\":\"x\"}}", "invalid label name '1a'");
        assertBad("{\"labels\":{\"a\":\"x\"},\"startsAt\":\"2026-11-22T05:40:00Z\",\"endsAt\":\"2026-11-22T05:00:00Z\"}",
                "endsAt 2026-11-22T05:00:00Z is before startsAt 2026-11-22T05:40:00Z");
        assertBad("{\"labels\":{\"a\":\"x\"},\"startsAt\":\"yesterday\"}",
                "field 'startsAt': not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z): yesterday");
        assertBad("{\"labels\":{\"a\":\"x\"},\"status\":\"pending\"}", "field 'status': expected firing or resolved, got 'pending'");
        assertBad("{\"labels\":{\"a\":7}}", "field 'labels.a': expected a string");
        assertBad("[1]", "not an alert: expected a JSON object");
        assertBad("{\"labels\":{\"a\":\"" + "x".repeat(3000) + "\"}}", "label 'a' is longer than 2048 characters");
    }

    private void assertBad(String json, String reason) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(BadRecordException.class).hasMessageStartingWith(reason);
    }
}
