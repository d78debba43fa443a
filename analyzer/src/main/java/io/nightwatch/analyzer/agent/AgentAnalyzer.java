package io.nightwatch.analyzer.agent;

import dev.langchain4j.model.chat.ChatModel;
import io.nightwatch.analyzer.Analyzer;
import io.nightwatch.analyzer.AnalyzerBusy;
import io.nightwatch.analyzer.tools.Toolbox;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStepKind;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import io.nightwatch.schemas.analysis.StepLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM provider: a tool-calling agent ({@link AgentConversation}) run on a bounded pool under a total time budget.
 * Whatever goes wrong — the model is down or slow, answers nonsense, runs out of budget — the builtin rules decide,
 * after the steps taken so far, and the result says why ({@code fallback=true}). A full pool answers 503.
 */
public final class AgentAnalyzer implements Analyzer {

    private static final Logger LOG = LoggerFactory.getLogger(AgentAnalyzer.class);

    private final ChatModel model;
    private final String provider;
    private final Toolbox toolbox;
    private final AgentBudgets budgets;
    private final ThreadPoolExecutor workers;
    private final Clock clock;

    /** An agent allowing {@code concurrency} analyses at once and as many again waiting. */
    public AgentAnalyzer(ChatModel model, String provider, Toolbox toolbox, AgentBudgets budgets, int concurrency, Clock clock) {
        this.model = model;
        this.provider = provider;
        this.toolbox = toolbox;
        this.budgets = budgets;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(concurrency), r -> {
                    Thread t = new Thread(r, "analyzer-agent-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public AnalysisResult analyze(AnalysisRequest request) {
        Instant started = clock.instant();
        StepLog log = new StepLog();
        Future<AnalysisResult> run;
        try {
            run = workers.submit(() -> new AgentConversation(model, provider, toolbox, budgets, clock, request, log, started).run());
        } catch (RejectedExecutionException e) {
            throw new AnalyzerBusy("analyzer busy: " + workers.getActiveCount() + " analyses running and "
                    + workers.getQueue().size() + " waiting; retry later");
        }
        long budgetMs = budgets.total().toMillis();
        try {
            return run.get(budgetMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            StepLog rest = StepLog.continuing(log.seal());
            Instant now = clock.instant();
            String why = "total time budget of " + seconds(budgets.total()) + " used up";
            rest.add(AnalysisStepKind.BUDGET, "time", Map.of("budget", seconds(budgets.total())), why, false, now,
                    Duration.between(started, now).toMillis());
            return BuiltinAnalyzer.fallback(request, provider + ": " + why, rest, started, now);
        } catch (ExecutionException e) {
            LOG.warn("analysis of {} failed", request.incidentId(), e.getCause());
            StepLog rest = StepLog.continuing(log.seal());
            return BuiltinAnalyzer.fallback(request, provider + " failed: " + AgentConversation.describe(e.getCause()),
                    rest, started, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel(true);
            StepLog rest = StepLog.continuing(log.seal());
            return BuiltinAnalyzer.fallback(request, provider + ": interrupted", rest, started, clock.instant());
        }
    }

    /** Analyses waiting for a worker (for tests and diagnostics). */
    int waiting() {
        return workers.getQueue().size();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
