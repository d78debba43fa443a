package io.nightwatch.analyzer.agent;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AnalysisRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds instruction-like text in an incident (title, alert names, labels, annotations): phrases that try to talk to
 * the model. Findings change nothing by themselves; they are recorded as a step, named (by location only) in the
 * prompt, and cap the model's confidence unless the builtin rules reach the same decision.
 */
public final class InjectionScanner {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(ignore|disregard|forget|override)\\W+(all\\W+|any\\W+|the\\W+)?(previous|prior|above|earlier|your|system)\\W+(instructions?|prompts?|rules?|messages?)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\byou\\s+are\\s+now\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(new|updated)\\s+instructions?\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bsystem\\s*(prompt|message)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("</?\\s*(incident-data|system|assistant|user|tool)\\s*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(scale|shrink)\\b.{0,40}\\bto\\s+(zero|0(?![.\\d]))", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(action|decision)\\s*[:=]\\s*\"?(ROLLBACK_RELEASE|RESTART_INSTANCE|SCALE_OUT|ADJUST_RULE|SILENCE)", Pattern.CASE_INSENSITIVE));

    private InjectionScanner() {}

    /** The locations (e.g. {@code alerts[0].annotations.description}) holding instruction-like text. */
    public static List<String> scan(AnalysisRequest request) {
        List<String> found = new ArrayList<>();
        check(found, "title", request.title());
        for (int i = 0; i < request.alerts().size(); i++) {
            Alert a = request.alerts().get(i);
            if (a == null) {
                continue;
            }
            String at = "alerts[" + i + "]";
            check(found, at + ".name", a.name());
            scanMap(found, at + ".labels", a.labels());
            scanMap(found, at + ".annotations", a.annotations());
        }
        return found;
    }

    /** True when the text looks like it addresses the model. */
    public static boolean suspicious(String text) {
        return text != null && PATTERNS.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static void scanMap(List<String> found, String at, Map<String, String> values) {
        values.forEach((k, v) -> {
            if (suspicious(k) || suspicious(v)) {
                found.add(at + "." + (k.matches("[A-Za-z0-9_.-]{1,64}") ? k : "(key)"));
            }
        });
    }

    private static void check(List<String> found, String at, String text) {
        if (suspicious(text)) {
            found.add(at);
        }
    }
}
