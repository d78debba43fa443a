package io.nightwatch.analyzer.fakes;

import java.util.List;
import java.util.function.Function;

/** One scripted answer of a fake model: tool calls, a final text, an HTTP error, or a reaction to what it was sent. */
public sealed interface Turn {

    /** A tool call by name with its JSON arguments. */
    record Call(String name, String argumentsJson) {}

    /** The model asks for tools. */
    record ToolCalls(List<Call> calls) implements Turn {}

    /** The model answers with text. */
    record Answer(String text) implements Turn {}

    /** The server fails with this status and body. */
    record Failure(int status, String body) implements Turn {}

    /** The server waits, then plays the next turn. */
    record Slow(long millis, Turn then) implements Turn {}

    /** The turn depends on the last user/tool message the model was sent (a naive model that does what it reads). */
    record Reacting(Function<String, Turn> reaction) implements Turn {}

    static Turn tools(Call... calls) {
        return new ToolCalls(List.of(calls));
    }

    static Call call(String name, String argumentsJson) {
        return new Call(name, argumentsJson);
    }

    static Turn answer(String text) {
        return new Answer(text);
    }
}
