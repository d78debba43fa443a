package io.nightwatch.analyzer.tools;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightwatch.schemas.AnalysisRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** {@code instance_versions}: the version each instance of a service runs, and since when. */
public final class InstanceVersionsTool implements DrillDownTool {

    public static final String NAME = "instance_versions";
    static final int MAX_INSTANCES = 200;

    private final DataSource db;

    public InstanceVersionsTool(DataSource db) {
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
                .description("The version every instance of a service runs, and since when.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("service", "service name; default: the incident's service")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolArgs args, AnalysisRequest request) throws SQLException {
        String service = args.name("service", request.service());
        StringBuilder out = new StringBuilder();
        Map<String, List<String>> byVersion = new TreeMap<>();
        int n = 0;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT instance, version, updated_at FROM instances WHERE service = ? ORDER BY instance LIMIT ?")) {
            ps.setString(1, service);
            ps.setInt(2, MAX_INSTANCES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    String version = rs.getString("version") == null ? "unknown" : rs.getString("version");
                    out.append(rs.getString("instance")).append(' ').append(version).append(" since ")
                            .append(SqlText.instant(rs, "updated_at")).append('\n');
                    byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(rs.getString("instance"));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        byVersion.forEach((v, instances) -> parts.add(v + " on " + String.join(", ", instances)));
        String summary = n == 0 ? "no instances known for " + service : n + " instance(s): " + String.join("; ", parts);
        return new ToolResult(NAME + " service=" + service + ": " + n + " instance(s)\n" + out, summary);
    }
}
