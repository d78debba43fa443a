package io.nightwatch.functions.analysis;

import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import io.nightwatch.schemas.analysis.Text;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * What the job makes of the analyzer's answer: a valid 200 result as it is; anything else (timeout, connection
 * error, non-200 status, an unreadable or foreign body) becomes the builtin rules' decision, marked as a fallback with
 * the reason. Pure: no Flink, no I/O.
 */
public record AnalyzerReply(AnalyzedIncident incident, boolean fallback, boolean timeout) {

    /** The answer to a completed HTTP exchange ({@code error} null) or a failed one. */
    public static AnalyzerReply of(AnalysisRequest request, int status, byte[] body, Throwable error,
            Duration requestTimeout, Instant now) {
        if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof HttpTimeoutException) {
                return timedOut(request, "analyzer did not answer within " + seconds(requestTimeout) + " (HTTP timeout)", now);
            }
            String why = cause instanceof ConnectException ? "analyzer unreachable: " : "analyzer call failed: ";
            return fallback(request, why + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + Text.cut(cause.getMessage(), 200)), now);
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (status != 200) {
            return fallback(request, "analyzer answered HTTP " + status + ": " + Text.cut(text.strip(), 200), now);
        }
        AnalysisResult result;
        try {
            result = Json.fromBytes(body, AnalysisResult.class);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return fallback(request, "analyzer answered an unreadable result: " + Text.cut(firstLine(e), 200), now);
        }
        String problem = problemOf(request, result);
        if (problem != null) {
            return fallback(request, "analyzer answered an unusable result: " + problem, now);
        }
        return new AnalyzerReply(new AnalyzedIncident(request, result, false), false, false);
    }

    /** The builtin rules decide because Flink's async timeout fired first. */
    public static AnalyzerReply timedOut(AnalysisRequest request, String reason, Instant now) {
        return new AnalyzerReply(new AnalyzedIncident(request, BuiltinAnalyzer.fallback(request, reason, now), true), true, true);
    }

    /** The builtin rules decide for the reason given. */
    public static AnalyzerReply fallback(AnalysisRequest request, String reason, Instant now) {
        return new AnalyzerReply(new AnalyzedIncident(request, BuiltinAnalyzer.fallback(request, reason, now), true), true, false);
    }

    private static String problemOf(AnalysisRequest request, AnalysisResult result) {
        if (result == null) {
            return "empty body";
        }
        if (result.decision() == null || result.decision().action() == null) {
            return "no decision";
        }
        if (request.incidentId() != null && !request.incidentId().equals(result.incidentId())) {
            return "it is about incident " + result.incidentId() + ", not " + request.incidentId();
        }
        if (!(result.confidence() >= 0 && result.confidence() <= 1)) {
            return "confidence " + result.confidence() + " is outside [0, 1]";
        }
        return null;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException) {
            return new HttpTimeoutException("cancelled");
        }
        return t;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String firstLine(Exception e) {
        Throwable t = e.getCause() == null ? e : e.getCause();
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
