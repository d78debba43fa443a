package io.nightwatch.analyzer.tools;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.analysis.Text;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools offered to the model and how a call is run: unknown tools, bad arguments and failing queries become an
 * error text for the model (the agent goes on), and every output is cut to the output budget.
 */
public final class Toolbox {

    private static final Logger LOG = LoggerFactory.getLogger(Toolbox.class);

    private final Map<String, DrillDownTool> tools = new LinkedHashMap<>();
    private final int maxOutputChars;

    public Toolbox(List<DrillDownTool> tools, int maxOutputChars) {
        tools.forEach(t -> this.tools.put(t.name(), t));
        this.maxOutputChars = maxOutputChars;
    }

    /** The five drill-down tools over PostgreSQL. */
    public static Toolbox standard(javax.sql.DataSource db, IncidentEmbeddings embeddings, int similarCandidates,
            int maxOutputChars) {
        return new Toolbox(List.of(
                new MetricRollupsTool(db),
                new ReleasesTool(db),
                new InstanceVersionsTool(db),
                new RecentIncidentsTool(db),
                new SimilarIncidentsTool(db, embeddings, similarCandidates)), maxOutputChars);
    }

    /** No tools (no database configured): the model decides from the incident alone. */
    public static Toolbox none() {
        return new Toolbox(List.of(), 0);
    }

    public List<ToolSpecification> specifications() {
        return tools.values().stream().map(DrillDownTool::specification).toList();
    }

    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }

    /** Runs one call the model asked for. */
    public ToolCall execute(ToolExecutionRequest call, AnalysisRequest request) {
        long t0 = System.nanoTime();
        DrillDownTool tool = tools.get(call.name());
        Map<String, String> shown = Map.of("arguments", Text.cut(String.valueOf(call.arguments()), 300));
        if (tool == null) {
            return failed(call.name(), shown, "unknown tool '" + Text.cut(call.name(), 40) + "' (available: "
                    + String.join(", ", tools.keySet()) + ")", t0);
        }
        ToolArgs args;
        try {
            args = ToolArgs.parse(call.arguments(), argumentNames(tool));
        } catch (IllegalArgumentException e) {
            return failed(call.name(), shown, e.getMessage(), t0);
        }
        try {
            ToolResult result = tool.run(args, request);
            String text = result.text();
            String summary = result.summary();
            if (text.length() > maxOutputChars) {
                text = Text.cut(text, maxOutputChars);
                summary = summary + " (output cut to " + maxOutputChars + " chars)";
            }
            return new ToolCall(call.name(), text, args.used(), summary, true, millisSince(t0));
        } catch (IllegalArgumentException e) {
            return failed(call.name(), args.given(), e.getMessage(), t0);
        } catch (SQLException e) {
            LOG.warn("tool {} failed", call.name(), e);
            return failed(call.name(), args.given(), "the query failed (" + e.getSQLState() + "): "
                    + Text.cut(String.valueOf(e.getMessage()), 200), t0);
        } catch (RuntimeException e) {
            LOG.warn("tool {} failed", call.name(), e);
            return failed(call.name(), args.given(), "the tool failed: " + e.getClass().getSimpleName(), t0);
        }
    }

    private static Set<String> argumentNames(DrillDownTool tool) {
        return tool.specification().parameters() == null ? Set.of()
                : tool.specification().parameters().properties().keySet();
    }

    private static ToolCall failed(String name, Map<String, String> args, String error, long t0) {
        return new ToolCall(name, "error: " + error, args, "error: " + error, false, millisSince(t0));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
