package io.nightwatch.analyzer.tools;

/** What a tool found: the text for the model (cut later to the output budget) and a one-line summary for the step. */
public record ToolResult(String text, String summary) {}
