package io.nightwatch.functions.analysis;

import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Asks the analyzer service ({@code POST /v1/analyze}) about each incident, without blocking the task: a JDK HTTP
 * client created in {@code open()}, an explicit request timeout, and on timeout or error the builtin rules decide
 * and the result says so ({@code fallback=true}, counted as {@code nightwatch.analyzerFallbacks}; timeouts also as
 * {@code nightwatch.analyzerTimeouts}). Call site:
 * {@code AsyncDataStream.unorderedWait(requests, new AnalyzeIncident(settings), timeout, MILLISECONDS, capacity)}
 * with the Async I/O timeout above the settings' request timeout.
 */
public final class AnalyzeIncident extends RichAsyncFunction<AnalysisRequest, AnalyzedIncident> {

    /** Counter of calls that did not answer in time (HTTP timeout or Flink's async timeout). */
    public static final String TIMEOUTS = "analyzerTimeouts";
    /** Counter of results decided by the job's builtin rules (timeouts, errors, unusable answers). */
    public static final String FALLBACKS = "analyzerFallbacks";
    /** Counter of results where the analyzer itself fell back to its builtin rules (its model failed). */
    public static final String SERVICE_FALLBACKS = "analyzerServiceFallbacks";

    private final AnalyzerClientSettings settings;
    private final Clock clock;

    private transient HttpClient http;
    private transient String token;
    private transient Map<ResultFuture<AnalyzedIncident>, CompletableFuture<?>> inFlight;
    private transient Counter timeouts;
    private transient Counter fallbacks;
    private transient Counter serviceFallbacks;

    public AnalyzeIncident(AnalyzerClientSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that stamps fallback results (tests use a fixed one). */
    public AnalyzeIncident(AnalyzerClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        token = settings.resolveToken();
        inFlight = new ConcurrentHashMap<>();
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("nightwatch");
        timeouts = group.counter(TIMEOUTS);
        fallbacks = group.counter(FALLBACKS);
        serviceFallbacks = group.counter(SERVICE_FALLBACKS);
    }

    @Override
    public void asyncInvoke(AnalysisRequest request, ResultFuture<AnalyzedIncident> resultFuture) {
        CompletableFuture<HttpResponse<byte[]>> call;
        try {
            call = http.sendAsync(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            finish(resultFuture, AnalyzerReply.of(request, 0, null, e, settings.requestTimeout(), clock.instant()));
            return;
        }
        inFlight.put(resultFuture, call);
        call.whenComplete((response, error) -> {
            if (inFlight.remove(resultFuture) == null) {
                return; // Flink's timeout already answered
            }
            finish(resultFuture, AnalyzerReply.of(request, response == null ? 0 : response.statusCode(),
                    response == null ? null : response.body(), error, settings.requestTimeout(), clock.instant()));
        });
    }

    @Override
    public void timeout(AnalysisRequest request, ResultFuture<AnalyzedIncident> resultFuture) {
        CompletableFuture<?> call = inFlight.remove(resultFuture);
        if (call != null) {
            call.cancel(true);
        }
        finish(resultFuture, AnalyzerReply.timedOut(request,
                "analyzer did not answer within the job's async timeout", clock.instant()));
    }

    @Override
    public void close() {
        if (inFlight != null) {
            inFlight.values().forEach(call -> call.cancel(true));
            inFlight.clear();
        }
        http = null; // the JDK client releases its threads when unreachable
    }

    private HttpRequest httpRequest(AnalysisRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(request)));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private void finish(ResultFuture<AnalyzedIncident> resultFuture, AnalyzerReply reply) {
        if (reply.timeout()) {
            timeouts.inc();
        }
        if (reply.fallback()) {
            fallbacks.inc();
        } else if (reply.incident().result().fallback()) {
            serviceFallbacks.inc();
        }
        resultFuture.complete(List.of(reply.incident()));
    }
}
