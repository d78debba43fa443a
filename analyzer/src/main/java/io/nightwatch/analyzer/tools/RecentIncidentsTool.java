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
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** {@code recent_incidents}: a service's latest incidents (not this one), with their root cause and commands. */
public final class RecentIncidentsTool implements DrillDownTool {

    public static final String NAME = "recent_incidents";

    private final DataSource db;

    public RecentIncidentsTool(DataSource db) {
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
                .description("A service's most recent incidents (excluding this one): title, severity, status, times,"
                        + " release, the analyzer's root cause and the commands that followed.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("service", "service name; default: the incident's service")
                        .addIntegerProperty("days", "how far back, 1 to 90; default 7")
                        .addIntegerProperty("limit", "how many, 1 to 20; default 5")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolArgs args, AnalysisRequest request) throws SQLException {
        String service = args.name("service", request.service());
        int days = args.integer("days", 7, 1, 90);
        int limit = args.integer("limit", 5, 1, 20);
        StringBuilder out = new StringBuilder();
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT i.id, i.title, i.severity, i.status, i.opened_at, i.resolved_at, i.release_id, i.summary,
                """ + IncidentHistory.ROOT_CAUSE + ",\n" + IncidentHistory.COMMANDS + """

                FROM incidents i
                WHERE i.service = ? AND i.id <> ? AND i.opened_at >= ?
                ORDER BY i.opened_at DESC, i.id LIMIT ?""")) {
            ps.setString(1, service);
            ps.setString(2, request.incidentId());
            ps.setTimestamp(3, Timestamp.from(request.windowStart().minus(Duration.ofDays(days))));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString("id") + " (" + rs.getString("status") + ")");
                    out.append(IncidentLine.of(rs)).append('\n');
                }
            }
        }
        String summary = ids.isEmpty() ? "no other incident of " + service + " in " + days + " days"
                : ids.size() + " incident(s) of " + service + " in " + days + " days: " + String.join(", ", ids);
        return new ToolResult(NAME + " service=" + service + " days=" + days + ": " + ids.size() + " incident(s)\n" + out, summary);
    }
}
