package io.nightwatch.analyzer.tools;

import java.util.Map;

/** One executed tool call: the text returned to the model, the arguments used, a summary, success and duration. */
public record ToolCall(String name, String resultForModel, Map<String, String> arguments, String summary, boolean ok,
        long durationMs) {}
