package io.nightwatch.functions.incidents.intake;

import io.nightwatch.functions.ingest.BadRecordException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads RFC 3339 / ISO-8601 instants; the usual UTC form {@code 2026-11-22T05:40:00.123Z} without a formatter. */
final class Times {

    private Times() {}

    /** Epoch milliseconds of {@code text}; refused with the field's name when it is not an instant. */
    static long epochMillis(String text, String field) throws BadRecordException {
        long fast = fastUtc(text);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadRecordException("field '" + field + "': not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z): " + text);
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, or Long.MIN_VALUE for any other form. */
    static long fastUtc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        int millis = 0;
        if (n > 20) {
            if (s.charAt(19) != '.') {
                return Long.MIN_VALUE;
            }
            int scale = 100;
            for (int i = 20; i < n - 1; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return Long.MIN_VALUE;
                }
                millis += (c - '0') * scale;
                scale /= 10;
            }
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
