package io.nightwatch.simulator.exposition;

import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.MetricModel;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.util.List;
import java.util.Locale;

/**
 * The simulated instances' current figures in Prometheus' text exposition format (0.0.4): one gauge per metric,
 * {@code nightwatch_sim_<metric>}, with the labels {@code service}, {@code instance}, {@code zone} and
 * {@code version}, plus {@code nightwatch_sim_up}. Values come from {@link MetricModel} at the time asked, so a scrape
 * sees what the Kafka emitter sends for the same instant.
 */
public final class ExpositionFormat {

    static final String PREFIX = "nightwatch_sim_";

    private ExpositionFormat() {}

    /** The text of {@code instances} at {@code tsMillis}. */
    public static String render(List<SimulatedInstance> instances, long tsMillis) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP ").append(PREFIX).append("up Whether the simulated instance is serving (always 1).\n");
        sb.append("# TYPE ").append(PREFIX).append("up gauge\n");
        for (SimulatedInstance i : instances) {
            sample(sb, "up", i, 1);
        }
        for (String metric : Fleet.METRICS) {
            sb.append("# HELP ").append(PREFIX).append(metric).append(' ').append(help(metric)).append('\n');
            sb.append("# TYPE ").append(PREFIX).append(metric).append(" gauge\n");
            for (SimulatedInstance i : instances) {
                sample(sb, metric, i, MetricModel.value(i, metric, tsMillis));
            }
        }
        return sb.toString();
    }

    private static void sample(StringBuilder sb, String metric, SimulatedInstance i, double value) {
        sb.append(PREFIX).append(metric).append("{service=\"").append(escape(i.service().name()))
                .append("\",instance=\"").append(escape(i.name()))
                .append("\",zone=\"").append(escape(i.zone()))
                .append("\",version=\"").append(escape(i.version())).append("\"} ")
                .append(format(value)).append('\n');
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    /** Escapes a label value: backslash, double quote and newline. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String help(String metric) {
        return switch (metric) {
            case "latency_ms" -> "Simulated request latency of the instance, in milliseconds.";
            case "error_rate" -> "Simulated share of requests answered with an error (0..1).";
            case "cpu" -> "Simulated CPU use of the instance, in percent.";
            case "qps" -> "Simulated requests per second served by the instance.";
            case "requests" -> "Requests served in the sample period (" + MetricModel.SAMPLE_SECONDS + " s).";
            case "errors" -> "Error answers in the sample period (" + MetricModel.SAMPLE_SECONDS + " s).";
            default -> "Simulated " + metric + ".";
        };
    }
}
