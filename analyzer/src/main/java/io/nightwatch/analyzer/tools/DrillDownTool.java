package io.nightwatch.analyzer.tools;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.nightwatch.schemas.AnalysisRequest;
import java.sql.SQLException;

/** One read-only drill-down tool the model may call: its specification and what running it returns. */
public interface DrillDownTool {

    /** The name the model calls it by. */
    String name();

    /** Name, description and JSON Schema of the arguments, as sent to the model. */
    ToolSpecification specification();

    /** Runs the tool; defaults for missing arguments come from the incident. Bad arguments: IllegalArgumentException. */
    ToolResult run(ToolArgs args, AnalysisRequest request) throws SQLException;
}
