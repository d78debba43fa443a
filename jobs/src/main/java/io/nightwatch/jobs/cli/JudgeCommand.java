package io.nightwatch.jobs.cli;

import io.nightwatch.functions.canary.Direction;
import io.nightwatch.functions.canary.JudgeMode;
import io.nightwatch.functions.canary.MetricKind;
import io.nightwatch.functions.canary.MetricResult;
import io.nightwatch.functions.canary.MinimumSampleRule;
import io.nightwatch.functions.canary.OfflineJudge;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code nightwatch judge --baseline FILE --canary FILE [--direction increase|decrease|either] [--kind gauge|count]
 * [--json]}: classifies a canary sample against a baseline sample with the canary job's judge
 * ({@link OfflineJudge}, the same code). Exit code: 0 Pass, 1 a failing classification, 2 bad usage or input,
 * 3 no verdict (Nodata, NotEnoughData).
 */
final class JudgeCommand {

    static final String USAGE = """
            nightwatch judge --baseline FILE --canary FILE [--direction increase|decrease|either] [--kind gauge|count]
                             [--json] [--kayenta-only] [--min-samples 10] [--confidence 0.98] [--tolerance 0.25]
              One number per line in each file (# comments and blank lines skipped, NaN = missing); for --kind count
              a line may be "errors requests" (count and exposure of one interval). Prints the classification (Pass,
              High, Low, Nodata, NotEnoughData, ...) and its statistics; --json prints one JSON object.
              Exit code: 0 Pass, 1 High/Low/NodataFailMetric/Error, 2 bad usage, 3 Nodata/NotEnoughData.
            """;

    private JudgeCommand() {}

    static int run(String[] args, PrintStream out) {
        JobArgs a = JobArgs.of(args);
        Path baseline = file(a.required("baseline"), "baseline");
        Path canary = file(a.required("canary"), "canary");
        String direction = a.optional("direction", "either").trim().toLowerCase(Locale.ROOT);
        if (!List.of("increase", "decrease", "either").contains(direction)) {
            throw new ConfigException("--direction: expected increase, decrease or either, got " + direction);
        }
        MetricKind kind;
        try {
            kind = MetricKind.parse(a.optional("kind", "gauge"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--kind: " + e.getMessage());
        }
        boolean json = a.flag("json", false);
        JudgeMode mode = a.flag("kayenta-only", false) ? JudgeMode.KAYENTA : JudgeMode.ENHANCED;
        int minSamples = a.integer("min-samples", MinimumSampleRule.DEFAULT_MIN_SAMPLES, 1, 1_000_000);
        double confidence = open01(a, "confidence", 0.98);
        double tolerance = a.fraction("tolerance", 0.25);
        a.rejectUnknown();
        MetricResult result;
        try {
            result = OfflineJudge.judge(new OfflineJudge.Options(baseline, canary, Direction.parse(direction), kind,
                    json, mode, minSamples, confidence, tolerance));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        out.println(json ? OfflineJudge.toJson(result) : OfflineJudge.toText(result));
        return OfflineJudge.exitCode(result.classification());
    }

    private static Path file(String name, String option) {
        Path p = Path.of(name);
        if (!Files.isReadable(p) || Files.isDirectory(p)) {
            throw new ConfigException("--" + option + ": cannot read file " + name);
        }
        return p;
    }

    private static double open01(JobArgs a, String key, double fallback) {
        double v = a.fraction(key, fallback);
        if (v <= 0 || v >= 1) {
            throw new ConfigException("--" + key + ": " + v + " must be strictly between 0 and 1");
        }
        return v;
    }
}
