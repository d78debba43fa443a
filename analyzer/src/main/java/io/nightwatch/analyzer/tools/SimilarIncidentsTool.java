package io.nightwatch.analyzer.tools;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.analysis.IncidentSignals;
import io.nightwatch.schemas.analysis.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * {@code similar_incidents}: past incidents of any service most similar to this one by meaning (cosine similarity of
 * all-MiniLM-L6-v2 embeddings of "service: title. summary. root cause"), with what was decided then.
 */
public final class SimilarIncidentsTool implements DrillDownTool {

    public static final String NAME = "similar_incidents";
    /** Past incidents considered (the most recent ones). */
    public static final int DEFAULT_CANDIDATES = 500;
    /** Weakest similarity reported. */
    public static final double MIN_SIMILARITY = 0.4;

    private final DataSource db;
    private final IncidentEmbeddings embeddings;
    private final int candidates;

    public SimilarIncidentsTool(DataSource db, IncidentEmbeddings embeddings, int candidates) {
        this.db = db;
        this.embeddings = embeddings;
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Past incidents (any service) most similar in meaning to a text, by embeddings: their"
                        + " title, root cause and the commands that followed, with the similarity (0 to 1).")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("query", "what to look for; default: this incident's service, title, alerts and metrics")
                        .addIntegerProperty("limit", "how many, 1 to 10; default 5")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolArgs args, AnalysisRequest request) throws SQLException {
        String query = args.text("query", defaultQuery(request), 500);
        int limit = args.integer("limit", 5, 1, 10);
        List<String> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT i.id, i.service, i.title, i.severity, i.status, i.opened_at, i.resolved_at, i.release_id,
                       i.summary, i.updated_at,
                """ + IncidentHistory.ROOT_CAUSE + ",\n" + IncidentHistory.COMMANDS + """

                FROM incidents i WHERE i.id <> ?
                ORDER BY i.opened_at DESC, i.id LIMIT ?""")) {
            ps.setString(1, request.incidentId());
            ps.setInt(2, candidates);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String rootCause = rs.getString("root_cause");
                    keys.add(rs.getString("id") + "@" + rs.getTimestamp("updated_at").toInstant() + "@" + (rootCause == null ? 0 : rootCause.hashCode()));
                    texts.add(rs.getString("service") + ": " + rs.getString("title") + ". "
                            + (rs.getString("summary") == null ? "" : rs.getString("summary") + ". ")
                            + (rootCause == null ? "" : "Root cause: " + rootCause));
                    lines.add("service " + rs.getString("service") + ", " + IncidentLine.of(rs));
                }
            }
        }
        if (keys.isEmpty()) {
            return new ToolResult(NAME + ": no past incidents", "no past incidents to compare with");
        }
        Embedding q = embeddings.embed(query);
        List<Embedding> all = embeddings.embedAll(keys, texts);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            double s = IncidentEmbeddings.similarity(q, all.get(i));
            if (s >= MIN_SIMILARITY) {
                scored.add(new Scored(s, lines.get(i), keys.get(i).substring(0, keys.get(i).indexOf('@'))));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        List<Scored> top = scored.subList(0, Math.min(limit, scored.size()));
        StringBuilder out = new StringBuilder(NAME + " query " + io.nightwatch.analyzer.agent.PromptData.write(query)
                + ": " + top.size() + " of " + keys.size() + " past incidents with similarity >= " + MIN_SIMILARITY + "\n");
        for (Scored s : top) {
            out.append(String.format(Locale.ROOT, "similarity %.2f ", s.score())).append(s.line()).append('\n');
        }
        String summary = top.isEmpty() ? "none of " + keys.size() + " past incidents is similar (>= " + MIN_SIMILARITY + ")"
                : top.size() + " similar of " + keys.size() + ": " + String.join(", ", top.stream()
                        .map(s -> s.id() + String.format(Locale.ROOT, " (%.2f)", s.score())).toList());
        return new ToolResult(out.toString(), summary);
    }

    /** The default query: service, title, alert names and metrics of the incident (no annotation text). */
    static String defaultQuery(AnalysisRequest request) {
        TreeSet<String> names = new TreeSet<>();
        for (Alert a : request.alerts()) {
            if (a != null && !Text.blank(a.name())) {
                names.add(a.name());
            }
        }
        IncidentSignals signals = IncidentSignals.of(request);
        return request.service() + ": " + (request.title() == null ? "" : request.title()) + ". Alerts: "
                + Text.list(names) + ". Metrics: " + Text.list(signals.metrics()) + ".";
    }

    private record Scored(double score, String line, String id) {}
}
