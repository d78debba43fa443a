package io.nightwatch.analyzer;

/** Every worker is busy and the queue is full: the caller should retry later (answered 503). */
public final class AnalyzerBusy extends RuntimeException {
    public AnalyzerBusy(String message) {
        super(message);
    }
}
