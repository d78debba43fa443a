package io.nightwatch.functions.canary.stage;

/** One metric sample of one instance kept for a stage's analysis (epoch milliseconds). */
public record StagePoint(String instance, String metric, long ts, double value) {}
