package io.nightwatch.functions.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges one metric from two files, for {@code nightwatch judge --baseline FILE --canary FILE [--direction
 * increase|decrease|either] [--kind gauge|count] [--json]}. A file holds one number per line (blank lines and
 * lines starting with # are skipped, "NaN" is a missing sample); for counts a line may also be
 * "count exposure" or "count,exposure" (e.g. errors and requests of one interval).
 */
public final class OfflineJudge {

    /** Exit code: the canary passed. */
    public static final int EXIT_PASS = 0;
    /** Exit code: the canary failed (High, Low, NodataFailMetric, Error). */
    public static final int EXIT_FAIL = 1;
    /** Exit code: bad arguments or unreadable input. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: no verdict (Nodata, NotEnoughData). */
    public static final int EXIT_NO_VERDICT = 3;

    public static final String USAGE = "usage: nightwatch judge --baseline FILE --canary FILE"
            + " [--direction increase|decrease|either] [--kind gauge|count] [--json]"
            + " [--kayenta-only] [--min-samples N] [--confidence LEVEL] [--tolerance T]";

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private OfflineJudge() {}

    /**
     * The CLI's options.
     *
     * @param mode ENHANCED unless --kayenta-only
     */
    public record Options(Path baseline, Path canary, Direction direction, MetricKind kind, boolean json,
            JudgeMode mode, int minSamples, double confidenceLevel, double tolerance) {

        /** Options with the defaults: direction either, gauge, text output, enhanced judge. */
        public static Options of(Path baseline, Path canary) {
            return new Options(baseline, canary, Direction.EITHER, MetricKind.GAUGE, false, JudgeMode.ENHANCED,
                    MinimumSampleRule.DEFAULT_MIN_SAMPLES, 0.98, 0.25);
        }

        /** Parses the CLI arguments (after "judge"). */
        public static Options parse(String[] args) {
            Path baseline = null;
            Path canary = null;
            Direction direction = Direction.EITHER;
            MetricKind kind = MetricKind.GAUGE;
            boolean json = false;
            JudgeMode mode = JudgeMode.ENHANCED;
            int minSamples = MinimumSampleRule.DEFAULT_MIN_SAMPLES;
            double confidence = 0.98;
            double tolerance = 0.25;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--baseline" -> baseline = Path.of(value(args, ++i, a));
                    case "--canary" -> canary = Path.of(value(args, ++i, a));
                    case "--direction" -> {
                        String d = value(args, ++i, a).toLowerCase(Locale.ROOT);
                        if (!List.of("increase", "decrease", "either").contains(d)) {
                            throw new IllegalArgumentException("--direction must be increase, decrease or either");
                        }
                        direction = Direction.parse(d);
                    }
                    case "--kind" -> kind = MetricKind.parse(value(args, ++i, a));
                    case "--json" -> json = true;
                    case "--kayenta-only" -> mode = JudgeMode.KAYENTA;
                    case "--min-samples" -> minSamples = Integer.parseInt(value(args, ++i, a));
                    case "--confidence" -> confidence = Double.parseDouble(value(args, ++i, a));
                    case "--tolerance" -> tolerance = Double.parseDouble(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (baseline == null || canary == null) {
                throw new IllegalArgumentException("--baseline and --canary are required");
            }
            return new Options(baseline, canary, direction, kind, json, mode, minSamples, confidence, tolerance);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    /** Judges canary against baseline with the default settings of the given direction and kind. */
    public static MetricResult judge(Path baseline, Path canary, Direction direction, MetricKind kind) {
        Options o = Options.of(baseline, canary);
        return judge(new Options(baseline, canary, direction, kind, false, o.mode(), o.minSamples(),
                o.confidenceLevel(), o.tolerance()));
    }

    /** Judges canary against baseline as the options say. */
    public static MetricResult judge(Options options) {
        double[][] baseline = read(options.baseline(), options.kind());
        double[][] canary = read(options.canary(), options.kind());
        MetricConfig config = MetricConfig.of(fileName(options.canary())).withDirection(options.direction())
                .withKind(options.kind());
        JudgeSettings base = options.mode() == JudgeMode.KAYENTA ? JudgeSettings.kayenta() : JudgeSettings.enhanced();
        JudgeSettings settings = base.withConfidenceLevel(options.confidenceLevel())
                .withTolerance(options.tolerance());
        if (options.mode() == JudgeMode.ENHANCED) {
            settings = settings.withMinSamples(options.minSamples());
        }
        MetricSamples samples = new MetricSamples(config.name(), canary[0], baseline[0], canary[1], baseline[1]);
        if (options.kind() == MetricKind.GAUGE && canary[0].length == baseline[0].length) {
            // Same number of lines: line i of each file is the same interval, in time order (the trend test).
            samples = samples.withSeries(canary[0], baseline[0]);
        }
        return new CanaryJudge(settings).judgeMetric(config, samples);
    }

    /** Runs the CLI: prints the result to {@code out} and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        MetricResult result;
        try {
            result = judge(options);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        }
        out.println(options.json() ? toJson(result) : toText(result));
        return exitCode(result.classification());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The exit code of a classification. */
    public static int exitCode(Classification c) {
        return switch (c) {
            case PASS -> EXIT_PASS;
            case NODATA, NOT_ENOUGH_DATA -> EXIT_NO_VERDICT;
            default -> EXIT_FAIL;
        };
    }

    /**
     * Reads a samples file: [values, exposures]; exposures is null unless every line of a count file gives one.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException on a line that is not a number
     */
    public static double[][] read(Path file, MetricKind kind) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Double> values = new ArrayList<>();
        List<Double> exposures = new ArrayList<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[,;\\s]+");
            try {
                values.add(Double.parseDouble(parts[0]));
                if (parts.length > 1) {
                    if (kind != MetricKind.COUNT) {
                        throw new IllegalArgumentException(file + ":" + lineNo
                                + ": one number per line expected for a gauge (exposures only with --kind count)");
                    }
                    exposures.add(Double.parseDouble(parts[1]));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": not a number: " + line);
            }
        }
        if (!exposures.isEmpty() && exposures.size() != values.size()) {
            throw new IllegalArgumentException(file + ": either every line or no line must give an exposure");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] e = exposures.isEmpty() ? null : exposures.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[][] {v, e};
    }

    /** The result as one JSON object with at least "classification" plus the statistics (NaN as null). */
    public static String toJson(MetricResult r) {
        try {
            return MAPPER.writeValueAsString(toMap(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result as single-line JSON. */
    public static String toCompactJson(MetricResult r) {
        try {
            return COMPACT.writeValueAsString(toMap(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result as an ordered map of plain values, ready for any JSON serializer. */
    public static Map<String, Object> toMap(MetricResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classification", r.classification().label());
        m.put("reason", r.reason());
        m.put("metric", r.name());
        m.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        m.put("direction", r.direction().name().toLowerCase(Locale.ROOT));
        m.put("critical", r.critical());
        m.put("decidedBy", r.decidedBy());
        m.put("effectSize", num(r.effectSize()));
        m.put("canarySamples", r.canarySamples());
        m.put("baselineSamples", r.baselineSamples());
        m.put("canaryMean", num(r.canaryMean()));
        m.put("baselineMean", num(r.baselineMean()));
        MannWhitneyStatistics mw = r.mannWhitney();
        if (mw != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("u", num(mw.u()));
            t.put("pValue", num(mw.pValue()));
            t.put("hlEstimate", num(mw.estimate()));
            t.put("ciLower", num(mw.ciLower()));
            t.put("ciUpper", num(mw.ciUpper()));
            t.put("lowerBound", num(mw.lowerBound()));
            t.put("upperBound", num(mw.upperBound()));
            t.put("effectSize", num(mw.effectSize()));
            t.put("effectSizeMeasure", mw.effectSizeMeasure() == EffectSizeMeasure.CLES ? "cles" : "meanRatio");
            t.put("exactShift", mw.exactShift());
            m.put("mannWhitney", t);
        }
        SparseCountRateTest.Result rate = r.rate();
        if (rate != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("canaryCount", num(rate.canaryCount()));
            t.put("baselineCount", num(rate.baselineCount()));
            t.put("canaryExposure", num(rate.canaryExposure()));
            t.put("baselineExposure", num(rate.baselineExposure()));
            t.put("canaryRate", num(rate.canaryRate()));
            t.put("baselineRate", num(rate.baselineRate()));
            t.put("rateRatio", num(rate.rateRatio()));
            t.put("ratioLower", num(rate.ratioLower()));
            t.put("ratioUpper", num(rate.ratioUpper()));
            t.put("pValueHigher", num(rate.pValueHigher()));
            t.put("pValueLower", num(rate.pValueLower()));
            t.put("dispersion", num(rate.dispersion()));
            m.put("rateTest", t);
        }
        DispersionTest.Result d = r.dispersion();
        if (d != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("canarySpread", num(d.canarySpread()));
            t.put("baselineSpread", num(d.baselineSpread()));
            t.put("spreadRatio", num(d.spreadRatio()));
            t.put("f", num(d.f()));
            t.put("pValueWider", num(d.pValueWider()));
            t.put("wider", d.wider());
            m.put("spreadTest", t);
        }
        TrendTest.Result trend = r.trend();
        if (trend != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("intervals", trend.n());
            t.put("slope", num(trend.slope()));
            t.put("drift", num(trend.drift()));
            t.put("relativeDrift", num(trend.relativeDrift()));
            t.put("s", num(trend.s()));
            t.put("z", num(trend.z()));
            t.put("pValueRising", num(trend.pValueRising()));
            t.put("pValueFalling", num(trend.pValueFalling()));
            t.put("rising", trend.rising());
            t.put("falling", trend.falling());
            m.put("trendTest", t);
        }
        return m;
    }

    /** The result as a few human-readable lines. */
    public static String toText(MetricResult r) {
        StringBuilder s = new StringBuilder();
        s.append(r.classification().label());
        if (r.critical()) {
            s.append(" (critical)");
        }
        s.append('\n');
        if (r.reason() != null) {
            s.append("  reason:   ").append(r.reason()).append('\n');
        }
        s.append(String.format(Locale.ROOT, "  samples:  canary %d (mean %s), baseline %d (mean %s)%n",
                r.canarySamples(), fmt(r.canaryMean()), r.baselineSamples(), fmt(r.baselineMean())));
        MannWhitneyStatistics mw = r.mannWhitney();
        if (mw != null) {
            s.append(String.format(Locale.ROOT,
                    "  rank test: U=%s p=%s  shift %s, CI [%s, %s] vs bounds ±%s  effect %s %s%n", fmt(mw.u()),
                    fmt(mw.pValue()), fmt(mw.estimate()), fmt(mw.ciLower()), fmt(mw.ciUpper()),
                    fmt(mw.upperBound()), mw.effectSizeMeasure() == EffectSizeMeasure.CLES ? "CLES" : "mean ratio",
                    fmt(mw.effectSize())));
        }
        SparseCountRateTest.Result rate = r.rate();
        if (rate != null) {
            s.append(String.format(Locale.ROOT,
                    "  rate test: %s/%s vs %s/%s  ratio %s [%s, %s]  p(higher)=%s p(lower)=%s  dispersion %s%n",
                    fmt(rate.canaryCount()), fmt(rate.canaryExposure()), fmt(rate.baselineCount()),
                    fmt(rate.baselineExposure()), fmt(rate.rateRatio()), fmt(rate.ratioLower()),
                    fmt(rate.ratioUpper()), fmt(rate.pValueHigher()), fmt(rate.pValueLower()),
                    fmt(rate.dispersion())));
        }
        DispersionTest.Result d = r.dispersion();
        if (d != null) {
            s.append(String.format(Locale.ROOT, "  spread test: canary %s vs baseline %s (ratio %s) F=%s p=%s%n",
                    fmt(d.canarySpread()), fmt(d.baselineSpread()), fmt(d.spreadRatio()), fmt(d.f()),
                    fmt(d.pValueWider())));
        }
        TrendTest.Result trend = r.trend();
        if (trend != null) {
            s.append(String.format(Locale.ROOT,
                    "  trend test: canary − baseline drifts %s over %d intervals (%s of the baseline) S=%s p(rising)=%s"
                            + " p(falling)=%s%n", fmt(trend.drift()), trend.n(), fmt(trend.relativeDrift()),
                    fmt(trend.s()), fmt(trend.pValueRising()), fmt(trend.pValueFalling())));
        }
        s.append("  decided by: ").append(r.decidedBy());
        return s.toString();
    }

    private static Object num(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return v;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String fileName(Path p) {
        Path f = p.getFileName();
        return f == null ? "metric" : f.toString();
    }
}
