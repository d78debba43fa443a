package io.nightwatch.analyzer.tools;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightwatch.schemas.AnalysisRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code releases}: the releases of a service changed since a point in time (newest first), with each stage's canary
 * and baseline instances, status and canary verdict. Answers "did a release touch the abnormal instances?".
 */
public final class ReleasesTool implements DrillDownTool {

    public static final String NAME = "releases";
    static final Duration LOOKBACK = Duration.ofHours(24);
    static final int MAX_RELEASES = 5;

    private final DataSource db;

    public ReleasesTool(DataSource db) {
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
                .description("Releases of a service updated since a time, newest first (at most 5), with their stages:"
                        + " canary and baseline instances, stage status, canary verdict and score.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("service", "service name; default: the incident's service")
                        .addStringProperty("since", "ISO-8601 instant; default: 24 hours before the incident window")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolArgs args, AnalysisRequest request) throws SQLException {
        String service = args.name("service", request.service());
        Instant since = args.instant("since", request.windowStart().minus(LOOKBACK));
        Map<String, StringBuilder> releases = new LinkedHashMap<>();
        List<String> headlines = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT r.id, r.version, r.from_version, r.status, r.stage AS current_stage, r.stage_count, r.suspect,
                       r.suspect_reason, r.reason, r.updated_at,
                       s.stage, s.canary_instances, s.baseline_instances, s.status AS stage_status, s.verdict, s.score,
                       s.started_at, s.ended_at
                FROM (SELECT * FROM releases WHERE service = ? AND updated_at >= ? ORDER BY updated_at DESC LIMIT ?) r
                LEFT JOIN release_stages s ON s.release_id = r.id
                ORDER BY r.updated_at DESC, r.id, s.stage""")) {
            ps.setString(1, service);
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setInt(3, MAX_RELEASES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    StringBuilder b = releases.get(id);
                    if (b == null) {
                        b = new StringBuilder();
                        b.append("release ").append(id).append(": ").append(rs.getString("from_version")).append(" -> ")
                                .append(rs.getString("version")).append(", status ").append(rs.getString("status"))
                                .append(", stage ").append(rs.getInt("current_stage")).append('/').append(rs.getInt("stage_count"))
                                .append(", suspect ").append(rs.getBoolean("suspect"));
                        if (rs.getString("suspect_reason") != null) {
                            b.append(" (").append(SqlText.quoted(rs, "suspect_reason", 200)).append(')');
                        }
                        b.append(", updated ").append(SqlText.instant(rs, "updated_at")).append('\n');
                        releases.put(id, b);
                        headlines.add(id + " " + rs.getString("status") + " (" + rs.getString("version") + ")");
                    }
                    if (rs.getObject("stage") != null) {
                        b.append("  stage ").append(rs.getInt("stage")).append(": canary ").append(SqlText.list(rs, "canary_instances"))
                                .append(" baseline ").append(SqlText.list(rs, "baseline_instances"))
                                .append(", status ").append(rs.getString("stage_status"))
                                .append(", verdict ").append(rs.getString("verdict") == null ? "-" : rs.getString("verdict"))
                                .append(rs.getObject("score") == null ? "" : " score " + rs.getDouble("score"))
                                .append(", started ").append(SqlText.instant(rs, "started_at"))
                                .append(", ended ").append(SqlText.instant(rs, "ended_at")).append('\n');
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(NAME + " service=" + service + " since=" + since + ": "
                + releases.size() + " release(s)\n");
        releases.values().forEach(out::append);
        String summary = releases.isEmpty() ? "no release of " + service + " since " + since
                : releases.size() + " release(s): " + String.join(", ", headlines);
        return new ToolResult(out.toString(), summary);
    }
}
