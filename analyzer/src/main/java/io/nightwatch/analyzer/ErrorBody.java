package io.nightwatch.analyzer;

import java.util.List;

/** The JSON body of every error answer: {@code {"error": "...", "problems": [...]}}. */
public record ErrorBody(String error, List<String> problems) {

    public static ErrorBody of(String error) {
        return new ErrorBody(error, List.of(error));
    }
}
