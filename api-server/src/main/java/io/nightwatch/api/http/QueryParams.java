package io.nightwatch.api.http;

import io.javalin.http.Context;
import io.nightwatch.schemas.Resolution;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads and validates query parameters, answering 400 with the parameter's name when one is wrong. */
public final class QueryParams {

    private QueryParams() {}

    public static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new BadRequest("missing query parameter '" + name + "'");
        }
        return v;
    }

    public static Instant instant(Context ctx, String name, Instant fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest("query parameter '" + name + "' is not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z): " + v);
        }
    }

    public static Resolution resolution(Context ctx, String name, Resolution fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Resolution.parse(v);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("query parameter '" + name + "': " + e.getMessage());
        }
    }

    /** An integer parameter in [{@code min}, {@code max}]; {@code fallback} when absent. */
    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("query parameter '" + name + "' is not a number: " + v);
        }
        if (n < min || n > max) {
            throw new BadRequest("query parameter '" + name + "' must be in [" + min + ", " + max + "], got " + n);
        }
        return n;
    }
}
