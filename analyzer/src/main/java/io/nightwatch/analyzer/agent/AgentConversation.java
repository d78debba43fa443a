package io.nightwatch.analyzer.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.nightwatch.analyzer.tools.ToolCall;
import io.nightwatch.analyzer.tools.Toolbox;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStepKind;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import io.nightwatch.schemas.analysis.StepLog;
import io.nightwatch.schemas.analysis.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * One analysis as a conversation with the model: constant system prompt, the incident as data, then turns of tool
 * calls until the model answers, within the step budget (the last turn offers no tools). Every turn, tool call,
 * budget event and the validation of the answer is a step; any failure hands over to the builtin rules.
 */
final class AgentConversation {

    /** The model's confidence is capped here when the incident carries instruction-like text and the rules disagree. */
    static final double INJECTION_CONFIDENCE_CAP = 0.4;

    private final ChatModel model;
    private final String provider;
    private final Toolbox toolbox;
    private final AgentBudgets budgets;
    private final Clock clock;
    private final AnalysisRequest request;
    private final StepLog log;
    private final Instant started;

    AgentConversation(ChatModel model, String provider, Toolbox toolbox, AgentBudgets budgets, Clock clock,
            AnalysisRequest request, StepLog log, Instant started) {
        this.model = model;
        this.provider = provider;
        this.toolbox = toolbox;
        this.budgets = budgets;
        this.clock = clock;
        this.request = request;
        this.log = log;
        this.started = started;
    }

    AnalysisResult run() {
        List<String> suspicious = InjectionScanner.scan(request);
        if (!suspicious.isEmpty()) {
            log.add(AnalysisStepKind.INPUT_SCAN, "instruction-like text", Map.of("fields", String.join(", ", suspicious)),
                    "found in " + String.join(", ", suspicious) + ": kept as data, never followed", true, clock.instant(), 0);
        }
        String user = Prompt.user(request, toolbox.names(), suspicious);
        log.add(AnalysisStepKind.PROMPT, Prompt.VERSION, map("alerts", Integer.toString(request.alerts().size()),
                "anomalies", Integer.toString(request.anomalies().size()), "tools", String.join(",", toolbox.names())),
                "system " + Prompt.SYSTEM.length() + " chars (constant), user " + user.length() + " chars", true,
                clock.instant(), 0);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(Prompt.SYSTEM), UserMessage.from(user)));
        int toolCalls = 0;
        boolean toldToAnswer = false;
        for (int turn = 1; turn <= budgets.maxModelTurns(); turn++) {
            boolean offerTools = !toolbox.isEmpty() && toolCalls < budgets.maxToolCalls() && turn < budgets.maxModelTurns();
            if (!offerTools && !toolbox.isEmpty() && !toldToAnswer) {
                toldToAnswer = true;
                messages.add(UserMessage.from(Prompt.ANSWER_NOW));
                log.add(AnalysisStepKind.BUDGET, "steps", map("toolCalls", Integer.toString(toolCalls),
                        "maxToolCalls", Integer.toString(budgets.maxToolCalls()), "turn", Integer.toString(turn),
                        "maxModelTurns", Integer.toString(budgets.maxModelTurns())),
                        "step budget reached (" + toolCalls + " of " + budgets.maxToolCalls() + " tool calls, turn " + turn
                                + " of " + budgets.maxModelTurns() + "): no more tools, the model must answer", true,
                        clock.instant(), 0);
            }
            ChatRequest.Builder chat = ChatRequest.builder().messages(messages);
            if (offerTools) {
                chat.toolSpecifications(toolbox.specifications());
            }
            Instant at = clock.instant();
            long t0 = System.nanoTime();
            ChatResponse response;
            try {
                response = model.chat(chat.build());
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("time budget used up");
                }
                log.add(AnalysisStepKind.MODEL_CALL, "turn " + turn, Map.of(), "failed: " + describe(e), false, at, ms(t0));
                return fallback("model call failed: " + describe(e));
            }
            AiMessage ai = response.aiMessage();
            if (ai == null) {
                log.add(AnalysisStepKind.MODEL_CALL, "turn " + turn, Map.of(), "no message in the response", false, at, ms(t0));
                return fallback("the model sent no message");
            }
            if (ai.hasToolExecutionRequests()) {
                List<String> names = ai.toolExecutionRequests().stream().map(ToolExecutionRequest::name).toList();
                log.add(AnalysisStepKind.MODEL_CALL, "turn " + turn, Map.of(), "asked for " + names.size()
                        + " tool call(s): " + String.join(", ", names) + tokens(response), true, at, ms(t0));
                if (!offerTools) {
                    return fallback("the model asked for tools after its step budget was used up");
                }
                messages.add(ai);
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("time budget used up");
                    }
                    String text;
                    if (toolCalls >= budgets.maxToolCalls()) {
                        text = "error: refused, the budget of " + budgets.maxToolCalls() + " tool calls is used up";
                        log.add(AnalysisStepKind.TOOL_CALL, String.valueOf(call.name()),
                                Map.of("arguments", Text.cut(String.valueOf(call.arguments()), 300)),
                                "refused: tool-call budget used up", false, clock.instant(), 0);
                    } else {
                        toolCalls++;
                        Instant toolAt = clock.instant();
                        ToolCall done = toolbox.execute(call, request);
                        log.add(AnalysisStepKind.TOOL_CALL, done.name(), done.arguments(), done.summary(), done.ok(),
                                toolAt, done.durationMs());
                        text = done.resultForModel();
                    }
                    messages.add(ToolExecutionResultMessage.from(call, text));
                }
                continue;
            }
            String text = ai.text();
            log.add(AnalysisStepKind.MODEL_CALL, "turn " + turn, Map.of(), "answered (" + (text == null ? 0 : text.length())
                    + " chars)" + tokens(response), true, at, ms(t0));
            return conclude(AnswerParser.parse(text, request), suspicious);
        }
        return fallback("no answer within " + budgets.maxModelTurns() + " model turns");
    }

    private AnalysisResult conclude(ParsedAnswer answer, List<String> suspicious) {
        Instant now = clock.instant();
        if (!answer.valid()) {
            String problems = String.join("; ", answer.problems());
            log.add(AnalysisStepKind.VALIDATION, "answer", Map.of(), "invalid: " + problems, false, now, 0);
            return fallback("the model's answer is invalid: " + problems);
        }
        AnalysisDecision decision = answer.decision();
        log.add(AnalysisStepKind.VALIDATION, "answer", Map.of(), "valid: " + decision.action()
                + (decision.target() == null ? "" : " " + decision.target()), true, now, 0);
        double confidence = answer.confidence();
        List<String> evidence = new ArrayList<>(answer.evidence());
        if (!suspicious.isEmpty()) {
            AnalysisDecision rules = BuiltinAnalyzer.decide(request, new StepLog(), now).decision();
            boolean agrees = rules.action() == decision.action() && Objects.equals(rules.target(), decision.target());
            if (!agrees && confidence > INJECTION_CONFIDENCE_CAP) {
                log.add(AnalysisStepKind.VALIDATION, "confidence-cap", Map.of("from", Text.num(confidence)),
                        "confidence capped at " + Text.num(INJECTION_CONFIDENCE_CAP) + ": the incident carries"
                                + " instruction-like text and the builtin rules decide " + rules.action() + " "
                                + rules.target(), true, now, 0);
                confidence = INJECTION_CONFIDENCE_CAP;
            }
            evidence.add("instruction-like text in " + String.join(", ", suspicious) + " was treated as data");
        }
        return new AnalysisResult(request.requestId(), request.incidentId(), answer.rootCause(), confidence,
                List.copyOf(evidence), decision, provider, false, null, log.snapshot(), started, now,
                Duration.between(started, now).toMillis());
    }

    private AnalysisResult fallback(String reason) {
        return BuiltinAnalyzer.fallback(request, provider + ": " + reason, log, started, clock.instant());
    }

    private static String tokens(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        if (usage == null || usage.inputTokenCount() == null) {
            return "";
        }
        return " (tokens in " + usage.inputTokenCount() + ", out " + usage.outputTokenCount() + ")";
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** A short description of a failure: its type and first message line. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof RuntimeException
                && t.getClass() == RuntimeException.class)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "" : t.getMessage();
        int nl = m.indexOf('\n');
        return t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + Text.cut(nl < 0 ? m : m.substring(0, nl), 200));
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
