package io.nightwatch.analyzer.fakes;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightwatch.analyzer.tools.DrillDownTool;
import io.nightwatch.analyzer.tools.ToolArgs;
import io.nightwatch.analyzer.tools.ToolResult;
import io.nightwatch.schemas.AnalysisRequest;

/** A drill-down tool with a fixed answer (for provider tests; the real tools run against PostgreSQL elsewhere). */
public record CannedTool(String name, String text) implements DrillDownTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(name)
                .description("canned " + name)
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("service", "service name")
                        .addStringProperty("metric", "metric name")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolArgs args, AnalysisRequest request) {
        args.name("service", request.service());
        args.name("metric", null);
        return new ToolResult(text, name + ": " + text.lines().findFirst().orElse(""));
    }
}
