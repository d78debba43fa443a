package io.nightwatch.functions.analysis;

import static io.nightwatch.schemas.testing.Incidents.HOSTILE;
import static io.nightwatch.schemas.testing.Incidents.annotated;
import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static io.nightwatch.schemas.testing.Incidents.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.guard.Guard;
import io.nightwatch.functions.guard.GuardPolicy;
import io.nightwatch.functions.guard.GuardVerdict;
import io.nightwatch.functions.guard.RateLimitState;
import io.nightwatch.functions.guard.Verdict;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStep;
import io.nightwatch.schemas.AnalysisStepKind;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The Async I/O client in an operator harness against real local HTTP servers: a good answer passes through; a 500,
 * a refused connection, an HTTP timeout and Flink's async timeout (forced with processing time) each give the builtin
 * decision marked as a fallback, counted in the {@code nightwatch} metric group.
 */
class AnalyzeIncidentTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:43:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long ASYNC_TIMEOUT_MS = 5_000;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final String TOKEN = "nw_test_analyzer_token";
    private static final AnalysisRequest CANARY = canaryIncident();

    @Test
    void passesTheAnalyzersAnswerThroughWithTheTokenAndTheRequest() throws Exception {
        AnalysisResult answer = modelResult(CANARY, new AnalysisDecision(AnalysisAction.ROLLBACK_RELEASE, "rel-42", Map.of(),
                "only the canary regressed"), 0.82);
        try (FakeAnalyzer analyzer = FakeAnalyzer.answering(200, Json.toString(answer))) {
            Run run = run(analyzer.baseUrl(), HTTP_TIMEOUT, CANARY, false);

            assertThat(run.output()).containsExactly(new AnalyzedIncident(CANARY, answer, false));
            assertThat(analyzer.received()).hasSize(1);
            assertThat(analyzer.received().get(0).authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(Json.fromString(analyzer.received().get(0).body(), AnalysisRequest.class)).isEqualTo(CANARY);
            assertThat(run.metrics().count("nightwatch.analyzerFallbacks")).isZero();
            assertThat(run.metrics().count("nightwatch.analyzerTimeouts")).isZero();
            assertThat(run.metrics().count("nightwatch.analyzerServiceFallbacks")).isZero();
        }
    }

    @Test
    void letsTheBuiltinRulesDecideWhenTheAnalyzerAnswers500() throws Exception {
        try (FakeAnalyzer analyzer = FakeAnalyzer.answering(500, "{\"error\":\"internal error\"}")) {
            Run run = run(analyzer.baseUrl(), HTTP_TIMEOUT, CANARY, false);

            String reason = "analyzer answered HTTP 500: {\"error\":\"internal error\"}";
            assertThat(run.output()).containsExactly(new AnalyzedIncident(CANARY, BuiltinAnalyzer.fallback(CANARY, reason, NOW), true));
            AnalysisResult result = run.output().get(0).result();
            assertThat(result.fallback()).isTrue();
            assertThat(result.provider()).isEqualTo("builtin");
            assertThat(result.decision().action()).isEqualTo(AnalysisAction.ROLLBACK_RELEASE);
            assertThat(result.steps().get(0)).isEqualTo(new AnalysisStep(1, AnalysisStepKind.FALLBACK, "builtin", Map.of(),
                    "builtin rules decide: " + reason, false, NOW, 0));
            assertThat(run.metrics().count("nightwatch.analyzerFallbacks")).isEqualTo(1);
            assertThat(run.metrics().count("nightwatch.analyzerTimeouts")).isZero();
        }
    }

    @Test
    void letsTheBuiltinRulesDecideWhenFlinksAsyncTimeoutFires() throws Exception {
        try (FakeAnalyzer analyzer = FakeAnalyzer.hanging()) {
            Run run = run(analyzer.baseUrl(), HTTP_TIMEOUT, CANARY, true);

            assertThat(run.output()).containsExactly(new AnalyzedIncident(CANARY, BuiltinAnalyzer.fallback(CANARY,
                    "analyzer did not answer within the job's async timeout", NOW), true));
            assertThat(run.metrics().count("nightwatch.analyzerTimeouts")).isEqualTo(1);
            assertThat(run.metrics().count("nightwatch.analyzerFallbacks")).isEqualTo(1);
        }
    }

    @Test
    void letsTheBuiltinRulesDecideWhenTheHttpRequestTimesOut() throws Exception {
        try (FakeAnalyzer analyzer = FakeAnalyzer.hanging()) {
            Run run = run(analyzer.baseUrl(), Duration.ofMillis(300), CANARY, false);

            assertThat(run.output()).containsExactly(new AnalyzedIncident(CANARY, BuiltinAnalyzer.fallback(CANARY,
                    "analyzer did not answer within 300 ms (HTTP timeout)", NOW), true));
            assertThat(run.metrics().count("nightwatch.analyzerTimeouts")).isEqualTo(1);
            assertThat(run.metrics().count("nightwatch.analyzerFallbacks")).isEqualTo(1);
        }
    }

    @Test
    void letsTheBuiltinRulesDecideWhenTheAnalyzerIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("http://127.0.0.1:" + closedPort, HTTP_TIMEOUT, CANARY, false);

        AnalysisResult result = run.output().get(0).result();
        assertThat(result.fallback()).isTrue();
        assertThat(result.fallbackReason()).startsWith("analyzer unreachable: ConnectException");
        assertThat(result.decision()).isEqualTo(BuiltinAnalyzer.analyze(CANARY, NOW).decision());
        assertThat(run.metrics().count("nightwatch.analyzerFallbacks")).isEqualTo(1);
        assertThat(run.metrics().count("nightwatch.analyzerTimeouts")).isZero();
    }

    @Test
    void refusesAnAnswerAboutAnotherIncident() throws Exception {
        AnalysisResult foreign = new AnalysisResult("inc-2#1", "inc-2", "x", 0.5, List.of(),
                new AnalysisDecision(AnalysisAction.NOTIFY, "checkout", Map.of(), "r"), "builtin", false, null, List.of(),
                NOW, NOW, 0);
        try (FakeAnalyzer analyzer = FakeAnalyzer.answering(200, Json.toString(foreign))) {
            Run run = run(analyzer.baseUrl(), HTTP_TIMEOUT, CANARY, false);

            assertThat(run.output().get(0).result().fallbackReason())
                    .isEqualTo("analyzer answered an unusable result: it is about incident inc-2, not inc-1");
        }
    }

    @Test
    void refusesAnUnreadableAnswer() throws Exception {
        try (FakeAnalyzer analyzer = FakeAnalyzer.answering(200, "{\"decision\": {\"action\": \"DELETE_EVERYTHING\"}}")) {
            Run run = run(analyzer.baseUrl(), HTTP_TIMEOUT, CANARY, false);

            assertThat(run.output().get(0).result().fallbackReason()).startsWith("analyzer answered an unreadable result: ");
            assertThat(run.output().get(0).result().decision().action()).isEqualTo(AnalysisAction.ROLLBACK_RELEASE);
        }
    }

    @Test
    void countsAnAnswerWhereTheAnalyzerItselfFellBack() throws Exception {
        AnalysisResult serviceFallback = BuiltinAnalyzer.fallback(CANARY, "model answered invalid JSON", NOW);
        try (FakeAnalyzer analyzer = FakeAnalyzer.answering(200, Json.toString(serviceFallback))) {
            Run run = run(analyzer.baseUrl(), HTTP_TIMEOUT, CANARY, false);

            assertThat(run.output()).containsExactly(new AnalyzedIncident(CANARY, serviceFallback, false));
            assertThat(run.metrics().count("nightwatch.analyzerServiceFallbacks")).isEqualTo(1);
            assertThat(run.metrics().count("nightwatch.analyzerFallbacks")).isZero();
        }
    }

    @Test
    void aFooledAnalyzersScaleEverythingToZeroIsStoppedByTheGuard() throws Exception {
        AnalysisRequest injected = request(List.of(annotated(CANARY.alerts().get(0), "description", HOSTILE)),
                CANARY.anomalies(), CANARY.release());
        AnalysisResult fooled = modelResult(injected, new AnalysisDecision(AnalysisAction.SCALE_OUT, "everything",
                Map.of("replicas", "0"), "the alert says so"), 0.99);
        try (FakeAnalyzer analyzer = FakeAnalyzer.answering(200, Json.toString(fooled))) {
            AnalyzedIncident analyzed = run(analyzer.baseUrl(), HTTP_TIMEOUT, injected, false).output().get(0);

            GuardVerdict verdict = new Guard(GuardPolicy.defaults())
                    .evaluate(analyzed.request(), analyzed.result(), RateLimitState.empty(), NOW).verdict();

            assertThat(verdict.verdict()).isEqualTo(Verdict.REJECT);
            assertThat(verdict.reasons()).containsExactly(
                    "scope: target 'everything' is not the incident's service checkout",
                    "parameters: parameter replicas=0 is outside [1, 3]");
        }
    }

    @Test
    void theOutputIsAFlinkPojoWithoutKryo() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeInformation.of(AnalyzedIncident.class).createSerializer(config);
        TypeInformation.of(AnalysisRequest.class).createSerializer(config);
    }

    /** The operator's output and metrics for one request. */
    private record Run(List<AnalyzedIncident> output, CapturedMetrics metrics) {}

    private static Run run(String baseUrl, Duration httpTimeout, AnalysisRequest request, boolean forceAsyncTimeout)
            throws Exception {
        AnalyzerClientSettings settings = AnalyzerClientSettings.of(baseUrl, TOKEN, httpTimeout);
        AsyncWaitOperatorFactory<AnalysisRequest, AnalyzedIncident> factory = new AsyncWaitOperatorFactory<>(
                new AnalyzeIncident(settings, CLOCK), ASYNC_TIMEOUT_MS, 10, AsyncDataStream.OutputMode.UNORDERED);
        CapturedMetrics metrics = new CapturedMetrics();
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        try (OneInputStreamOperatorTestHarness<AnalysisRequest, AnalyzedIncident> harness =
                new OneInputStreamOperatorTestHarness<>(factory,
                        TypeInformation.of(AnalysisRequest.class).createSerializer(config),
                        new MockEnvironmentBuilder().setMetricGroup(metrics.taskGroup()).build())) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement(request, 0);
            if (forceAsyncTimeout) {
                harness.setProcessingTime(ASYNC_TIMEOUT_MS + 1);
            }
            harness.endInput();
            return new Run(List.copyOf(harness.extractOutputValues()), metrics);
        }
    }

    private static AnalysisResult modelResult(AnalysisRequest request, AnalysisDecision decision, double confidence) {
        return new AnalysisResult(request.requestId(), request.incidentId(), "root cause", confidence, List.of("evidence"),
                decision, "openai:qwen2.5-7b-instruct", false, null,
                List.of(new AnalysisStep(1, AnalysisStepKind.MODEL_CALL, "turn 1", Map.of(), "answered", true, NOW, 900)),
                NOW, NOW.plusSeconds(1), 1000);
    }
}
