package io.nightwatch.analyzer.tools;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.analysis.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code metric_rollups}: per series (instance × metric) of a service, the rollups before the incident window and
 * during it — mean, max, p99 and the change — most changed first. The drill-down from "the service is slow" to "this
 * instance's latency tripled".
 */
public final class MetricRollupsTool implements DrillDownTool {

    public static final String NAME = "metric_rollups";
    static final Duration LOOKBACK = Duration.ofHours(1);
    static final Duration MAX_RANGE = Duration.ofHours(24);
    static final int MAX_SERIES = 60;
    private static final Set<String> RESOLUTIONS = Set.of("1m", "5m", "15m", "1h", "1d");

    private final DataSource db;

    public MetricRollupsTool(DataSource db) {
        this.db = db;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Rollups of a service's metrics per instance and metric, before and during the incident"
                        + " window: mean, max, p99 and the change, most changed first. Use instance '*' for the whole"
                        + " service. Any service may be queried, e.g. a dependency.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("service", "service name; default: the incident's service")
                        .addStringProperty("instance", "one instance, '*' for service-level series; default: all")
                        .addStringProperty("metric", "one metric, e.g. latency_ms; default: all")
                        .addStringProperty("from", "ISO-8601 start; default: 1 hour before the incident window")
                        .addStringProperty("to", "ISO-8601 end; default: the end of the incident window")
                        .addEnumProperty("resolution", List.of("1m", "5m", "15m", "1h", "1d"), "default 1m")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolArgs args, AnalysisRequest request) throws SQLException {
        String service = args.name("service", request.service());
        String instance = args.name("instance", null);
        String metric = args.name("metric", null);
        Instant windowStart = request.windowStart();
        Instant to = args.instant("to", request.windowEnd().plusSeconds(60));
        Instant from = args.instant("from", windowStart.minus(LOOKBACK));
        String resolution = args.choice("resolution", "1m", RESOLUTIONS);
        String note = "";
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            from = to.minus(MAX_RANGE);
            note = " (range cut to the last 24 h)";
        }
        Instant split = windowStart.isAfter(from) && windowStart.isBefore(to) ? windowStart
                : from.plus(Duration.between(from, to).dividedBy(2));

        List<Series> series = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT instance, metric,
                       count(*)  FILTER (WHERE window_start < ?)  AS n_before,
                       avg(avg)  FILTER (WHERE window_start < ?)  AS avg_before,
                       max(max)  FILTER (WHERE window_start < ?)  AS max_before,
                       count(*)  FILTER (WHERE window_start >= ?) AS n_during,
                       avg(avg)  FILTER (WHERE window_start >= ?) AS avg_during,
                       max(max)  FILTER (WHERE window_start >= ?) AS max_during,
                       max(p99)  FILTER (WHERE window_start >= ?) AS p99_during,
                       (array_agg(avg ORDER BY window_start DESC))[1] AS latest
                FROM metric_rollups
                WHERE service = ? AND resolution = ? AND window_start >= ? AND window_start < ?
                  AND (CAST(? AS text) IS NULL OR instance = ?)
                  AND (CAST(? AS text) IS NULL OR metric = ?)
                GROUP BY instance, metric
                LIMIT 500""")) {
            Timestamp s = Timestamp.from(split);
            for (int i = 1; i <= 7; i++) {
                ps.setTimestamp(i, s);
            }
            ps.setString(8, service);
            ps.setString(9, resolution);
            ps.setTimestamp(10, Timestamp.from(from));
            ps.setTimestamp(11, Timestamp.from(to));
            ps.setString(12, instance);
            ps.setString(13, instance);
            ps.setString(14, metric);
            ps.setString(15, metric);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    series.add(new Series(rs.getString("instance"), rs.getString("metric"),
                            rs.getLong("n_before"), nullable(rs, "avg_before"), nullable(rs, "max_before"),
                            rs.getLong("n_during"), nullable(rs, "avg_during"), nullable(rs, "max_during"),
                            nullable(rs, "p99_during"), nullable(rs, "latest")));
                }
            }
        }
        series.sort(Comparator.comparingDouble(Series::changeMagnitude).reversed()
                .thenComparing(Series::metric).thenComparing(Series::instance));
        StringBuilder out = new StringBuilder();
        out.append(NAME).append(" service=").append(service).append(" resolution=").append(resolution)
                .append(" from=").append(from).append(" to=").append(to).append(" split=").append(split).append(note)
                .append(": ").append(series.size()).append(" series").append(series.size() > MAX_SERIES ? ", first " + MAX_SERIES : "")
                .append('\n');
        for (Series x : series.subList(0, Math.min(MAX_SERIES, series.size()))) {
            out.append(x.line()).append('\n');
        }
        String summary = series.isEmpty() ? "no rollups for " + service + " in " + from + ".." + to
                : series.size() + " series of " + service + "; most changed: " + series.get(0).line();
        return new ToolResult(out.toString(), summary);
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** One series' figures before and during the incident window. */
    private record Series(String instance, String metric, long nBefore, Double avgBefore, Double maxBefore,
            long nDuring, Double avgDuring, Double maxDuring, Double p99During, Double latest) {

        double changeMagnitude() {
            if (avgBefore == null || avgDuring == null) {
                return avgDuring == null ? -1 : 0;
            }
            double ratio = (Math.abs(avgDuring) + 1e-9) / (Math.abs(avgBefore) + 1e-9);
            return Math.abs(Math.log(ratio));
        }

        String line() {
            StringBuilder b = new StringBuilder(instance).append('/').append(metric).append(": before ");
            b.append(avgBefore == null ? "no data" : "avg " + f(avgBefore) + " max " + f(maxBefore) + " (" + nBefore + " windows)");
            b.append(" | during ");
            b.append(avgDuring == null ? "no data" : "avg " + f(avgDuring) + " max " + f(maxDuring)
                    + (p99During == null ? "" : " p99 " + f(p99During)) + " (" + nDuring + " windows)");
            if (latest != null) {
                b.append(" | latest ").append(f(latest));
            }
            if (avgBefore != null && avgDuring != null && Math.abs(avgBefore) > 1e-9) {
                b.append(" | change x").append(String.format(Locale.ROOT, "%.2f", avgDuring / avgBefore));
            }
            return b.toString();
        }

        private static String f(Double v) {
            return v == null ? "-" : Text.num(v);
        }
    }
}
