package io.nightwatch.functions.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.schemas.MetricPoint;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses and validates one MetricPoint JSON document from raw bytes with Jackson's streaming parser
 * (no data binding), and says precisely why a document is refused.
 */
public final class MetricPointParser {

    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN/Infinity get their own clear reason
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private final ValidationLimits limits;

    public MetricPointParser(ValidationLimits limits) {
        this.limits = limits;
    }

    /** The point in {@code bytes}, validated against the limits relative to {@code nowMillis}. */
    public SeriesPoint parse(byte[] bytes, long nowMillis) throws BadRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new BadRecordException("empty record");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new BadRecordException("record of " + bytes.length + " bytes exceeds the limit of " + limits.maxBytes());
        }
        Fields f = new Fields();
        try (JsonParser p = json.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecordException("malformed JSON: expected an object");
            }
            readObject(p, f);
            if (p.nextToken() != null) {
                throw new BadRecordException("malformed JSON: trailing content after the object");
            }
        } catch (IOException e) {
            throw new BadRecordException("malformed JSON: " + firstLine(e.getMessage()));
        }
        return validate(f, nowMillis);
    }

    private void readObject(JsonParser p, Fields f) throws IOException, BadRecordException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "ts" -> f.ts = readTimestamp(p, v);
                case "service" -> f.service = readString(p, v, "service");
                case "instance" -> f.instance = readString(p, v, "instance");
                case "metric" -> f.metric = readString(p, v, "metric");
                case "value" -> f.value = readValue(p, v);
                case "labels" -> f.labels = readLabels(p, v);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new BadRecordException("malformed JSON: unexpected " + t);
        }
    }

    private static long readTimestamp(JsonParser p, JsonToken v) throws IOException, BadRecordException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (v == JsonToken.VALUE_STRING) {
            String text = p.getText();
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new BadRecordException("field 'ts': not an ISO-8601 instant or epoch milliseconds: " + abbreviate(text));
            }
        }
        throw new BadRecordException("field 'ts': expected an ISO-8601 string or epoch milliseconds, got " + v);
    }

    private static String readString(JsonParser p, JsonToken v, String field) throws IOException, BadRecordException {
        if (v != JsonToken.VALUE_STRING) {
            throw new BadRecordException("field '" + field + "': expected a string, got " + v);
        }
        return p.getText();
    }

    private static double readValue(JsonParser p, JsonToken v) throws IOException, BadRecordException {
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        throw new BadRecordException("field 'value': expected a number, got " + v);
    }

    private Map<String, String> readLabels(JsonParser p, JsonToken v) throws IOException, BadRecordException {
        if (v == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (v != JsonToken.START_OBJECT) {
            throw new BadRecordException("field 'labels': expected an object of strings, got " + v);
        }
        Map<String, String> labels = new HashMap<>(8);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_STRING) {
                throw new BadRecordException("label '" + abbreviate(key) + "': expected a string value, got " + t);
            }
            if (labels.size() == limits.maxLabels()) {
                throw new BadRecordException("oversized label set: more than " + limits.maxLabels() + " labels");
            }
            labels.put(key, p.getText());
        }
        return labels;
    }

    private SeriesPoint validate(Fields f, long nowMillis) throws BadRecordException {
        requireName("service", f.service);
        requireName("instance", f.instance);
        requireName("metric", f.metric);
        if (f.ts == Long.MIN_VALUE) {
            throw new BadRecordException("missing field 'ts'");
        }
        if (f.value == null) {
            throw new BadRecordException("missing field 'value'");
        }
        if (!Double.isFinite(f.value)) {
            throw new BadRecordException("field 'value' is not finite: " + f.value);
        }
        if (f.ts < nowMillis - limits.maxPastMillis()) {
            throw new BadRecordException("timestamp " + Instant.ofEpochMilli(f.ts) + " is more than "
                    + limits.maxPastMillis() / 1000 + " s in the past");
        }
        if (f.ts > nowMillis + limits.maxFutureMillis()) {
            throw new BadRecordException("timestamp " + Instant.ofEpochMilli(f.ts) + " is more than "
                    + limits.maxFutureMillis() / 1000 + " s in the future");
        }
        for (Map.Entry<String, String> e : f.labels.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > limits.maxNameLength()) {
                throw new BadRecordException("label name '" + abbreviate(e.getKey()) + "' is empty or longer than "
                        + limits.maxNameLength());
            }
            if (e.getValue().length() > limits.maxLabelValueLength()) {
                throw new BadRecordException("label '" + e.getKey() + "' value is longer than " + limits.maxLabelValueLength());
            }
        }
        String series = MetricPoint.SeriesIds.of(f.service, f.instance, f.metric, f.labels);
        return new SeriesPoint(series, f.service, f.instance, f.metric, f.labels, f.ts, f.value);
    }

    private void requireName(String field, String value) throws BadRecordException {
        if (value == null) {
            throw new BadRecordException("missing field '" + field + "'");
        }
        if (value.isBlank()) {
            throw new BadRecordException("field '" + field + "' is empty");
        }
        if (value.length() > limits.maxNameLength()) {
            throw new BadRecordException("field '" + field + "' is longer than " + limits.maxNameLength() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '{' || c == '}' || Character.isISOControl(c)) {
                throw new BadRecordException("field '" + field + "' contains the reserved character '"
                        + (Character.isISOControl(c) ? "\\u" + Integer.toHexString(c) : String.valueOf(c)) + "'");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Fields of the document being parsed; absent ones stay at their sentinel. */
    private static final class Fields {
        long ts = Long.MIN_VALUE;
        String service;
        String instance;
        String metric;
        Double value;
        Map<String, String> labels = Map.of();
    }
}
