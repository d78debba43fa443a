package io.nightwatch.functions.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.functions.ingest.BadRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricPointParserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:40:00Z");
    private static final long NOW_MS = NOW.toEpochMilli();
    private final MetricPointParser parser = new MetricPointParser(ValidationLimits.defaults());

    private SeriesPoint parse(String json) throws BadRecordException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW_MS);
    }

    @Test
    void parsesAPointWithIsoTimestampAndLabels() throws BadRecordException {
        SeriesPoint p = parse("""
                {"ts":"2026-11-22T05:39:58.250Z","service":"checkout","instance":"checkout-1",
                 "metric":"latency_ms","value":118.5,"labels":{"region":"eu","endpoint":"/cart"},"extra":[1,2]}""");
        assertThat(p.series()).isEqualTo("checkout/checkout-1/latency_ms{endpoint=/cart,region=eu}");
        assertThat(p.ts()).isEqualTo(Instant.parse("2026-11-22T05:39:58.250Z").toEpochMilli());
        assertThat(p.value()).isEqualTo(118.5);
        assertThat(p.labels()).isEqualTo(Map.of("region", "eu", "endpoint", "/cart"));
    }

    @Test
    void acceptsEpochMillisAndIntegerValuesWithoutLabels() throws BadRecordException {
        SeriesPoint p = parse("{\"ts\":" + (NOW_MS - 1000) + ",\"service\":\"a\",\"instance\":\"i\",\"metric\":\"qps\",\"value\":7}");
        assertThat(p.ts()).isEqualTo(NOW_MS - 1000);
        assertThat(p.value()).isEqualTo(7.0);
        assertThat(p.series()).isEqualTo("a/i/qps");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON           | {"ts":                                                                   | malformed JSON
            not an object            | [1,2,3]                                                                  | malformed JSON: expected an object
            trailing garbage         | {"ts":1} x                                                               | malformed JSON
            missing service          | {"ts":"2026-11-22T05:39:00Z","instance":"i","metric":"m","value":1}      | missing field 'service'
            missing ts               | {"service":"a","instance":"i","metric":"m","value":1}                    | missing field 'ts'
            missing value            | {"ts":"2026-11-22T05:39:00Z","service":"a","instance":"i","metric":"m"} | missing field 'value'
            value is a string        | {"ts":"2026-11-22T05:39:00Z","service":"a","instance":"i","metric":"m","value":"1"} | field 'value': expected a number
            NaN value                | {"ts":"2026-11-22T05:39:00Z","service":"a","instance":"i","metric":"m","value":NaN} | field 'value' is not finite: NaN
            infinite value           | {"ts":"2026-11-22T05:39:00Z","service":"a","instance":"i","metric":"m","value":1e999} | field 'value' is not finite: Infinity
            bad timestamp            | {"ts":"yesterday","service":"a","instance":"i","metric":"m","value":1}   | field 'ts': not an ISO-8601 instant
            far future               | {"ts":"2026-11-23T05:40:00Z","service":"a","instance":"i","metric":"m","value":1} | is more than 120 s in the future
            far past                 | {"ts":"2026-01-01T00:00:00Z","service":"a","instance":"i","metric":"m","value":1} | is more than 604800 s in the past
            empty service            | {"ts":"2026-11-22T05:39:00Z","service":" ","instance":"i","metric":"m","value":1} | field 'service' is empty
            reserved char            | {"ts":"2026-11-22T05:39:00Z","service":"a/b","instance":"i","metric":"m","value":1} | reserved character '/'
            label not a string       | {"ts":"2026-11-22T05:39:00Z","service":"a","instance":"i","metric":"m","value":1,"labels":{"k":1}} | label 'k': expected a string value
            """)
    void refusesBadRecordsWithAClearReason(String kind, String json, String reason) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining(reason.trim());
    }

    @Test
    void refusesOversizedLabelSets() {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < 33; i++) {
            labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
        }
        labels.append('}');
        assertThatThrownBy(() -> parse("{\"ts\":" + NOW_MS + ",\"service\":\"a\",\"instance\":\"i\",\"metric\":\"m\","
                        + "\"value\":1,\"labels\":" + labels + "}"))
                .hasMessage("oversized label set: more than 32 labels");
    }

    @Test
    void refusesEmptyAndOversizedRecords() {
        assertThatThrownBy(() -> parser.parse(new byte[0], NOW_MS)).hasMessage("empty record");
        assertThatThrownBy(() -> parser.parse(new byte[70_000], NOW_MS)).hasMessageContaining("exceeds the limit");
    }
}
