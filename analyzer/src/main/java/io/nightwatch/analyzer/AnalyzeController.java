package io.nightwatch.analyzer;

import io.javalin.http.Context;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;

/** {@code POST /v1/analyze}: HTTP only — read and check the body, ask the analyzer, answer its result. */
public final class AnalyzeController {

    private final Analyzer analyzer;

    public AnalyzeController(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public void analyze(Context ctx) {
        AnalysisRequest request = RequestValidator.parse(ctx.bodyAsBytes());
        AnalysisResult result = analyzer.analyze(request);
        ctx.json(result);
    }
}
