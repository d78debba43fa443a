package io.nightwatch.analyzer;

import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;

/** Answers one analysis request; never throws for a valid request (a failing model falls back to the builtin rules). */
public interface Analyzer extends AutoCloseable {

    /** The analysis of one incident. May throw {@link AnalyzerBusy} when no capacity is left. */
    AnalysisResult analyze(AnalysisRequest request);

    /** The provider's name as results report it: {@code builtin}, {@code openai:<model>}, {@code ollama:<model>}. */
    String provider();

    @Override
    default void close() {}
}
