package io.nightwatch.analyzer.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.DecisionValidator;
import io.nightwatch.schemas.analysis.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the model's final answer: one JSON object (a surrounding code fence or sentence is tolerated), with the
 * fields the system prompt asks for, an action from the allow-list, a target inside the incident's scope and
 * parameters within bounds ({@link DecisionValidator}). Anything else is a problem, and the builtin rules decide.
 */
public final class AnswerParser {

    public static final int MAX_EVIDENCE = 20;
    public static final int MAX_FIELD = 1000;

    private AnswerParser() {}

    /** The answer in {@code text}, with its problems. */
    public static ParsedAnswer parse(String text, AnalysisRequest request) {
        List<String> problems = new ArrayList<>();
        if (Text.blank(text)) {
            return invalid("the answer is empty");
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            return invalid("the answer holds no JSON object: " + Text.cut(text.strip(), 120));
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            return invalid("the answer is not valid JSON: " + Text.cut(String.valueOf(e.getOriginalMessage()), 160));
        }
        if (!root.isObject()) {
            return invalid("the answer is not a JSON object");
        }

        String rootCause = string(root, "rootCause", true, problems);
        double confidence = Double.NaN;
        JsonNode c = root.get("confidence");
        if (c == null || !c.isNumber()) {
            problems.add("confidence must be a number from 0 to 1");
        } else {
            confidence = c.asDouble();
            if (!(confidence >= 0 && confidence <= 1)) {
                problems.add("confidence " + c.asText() + " is outside [0, 1]");
            }
        }
        List<String> evidence = new ArrayList<>();
        JsonNode ev = root.get("evidence");
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray()) {
                problems.add("evidence must be a list of strings");
            } else {
                for (JsonNode item : ev) {
                    if (evidence.size() < MAX_EVIDENCE) {
                        evidence.add(Text.cut(item.isTextual() ? item.asText() : item.toString(), MAX_FIELD));
                    }
                }
            }
        }
        AnalysisAction action = null;
        String actionName = string(root, "action", true, problems);
        if (actionName != null) {
            try {
                action = AnalysisAction.valueOf(actionName.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add("action '" + Text.cut(actionName, 40) + "' is not allowed (allowed: "
                        + Arrays.toString(AnalysisAction.values()) + ")");
            }
        }
        String target = string(root, "target", false, problems);
        Map<String, String> parameters = parameters(root.get("parameters"), problems);
        String reason = string(root, "reason", true, problems);

        AnalysisDecision decision = new AnalysisDecision(action, target == null ? null : target.strip(), parameters, reason);
        if (action != null) {
            problems.addAll(DecisionValidator.problems(request, decision).stream()
                    .filter(p -> !p.startsWith("no reason")).toList());
        }
        return new ParsedAnswer(rootCause, confidence, List.copyOf(evidence), decision, List.copyOf(problems));
    }

    private static ParsedAnswer invalid(String problem) {
        return new ParsedAnswer(null, Double.NaN, List.of(), null, List.of(problem));
    }

    private static String string(JsonNode root, String field, boolean required, List<String> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(field + " is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(field + " must be a string");
            return null;
        }
        if (required && node.asText().isBlank()) {
            problems.add(field + " is empty");
            return null;
        }
        return Text.cut(node.asText(), MAX_FIELD);
    }

    private static Map<String, String> parameters(JsonNode node, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add("parameters must be an object of strings");
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (v.isValueNode() && !v.isNull()) {
                out.put(f.getKey(), v.asText());
            } else {
                problems.add("parameter " + Text.cut(f.getKey(), 40) + " must be a string or a number");
            }
        }
        return out;
    }
}
