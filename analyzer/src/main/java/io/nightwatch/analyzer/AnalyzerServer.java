package io.nightwatch.analyzer;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.nightwatch.schemas.Json;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the analyzer's Javalin app: routes (declared here), bearer auth on {@code /v1/*}, error answers. */
public final class AnalyzerServer {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerServer.class);
    /** Largest request body accepted (bytes). */
    public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

    private AnalyzerServer() {}

    /** The app, not started. */
    public static Javalin create(Analyzer analyzer, BearerAuth auth) {
        AnalyzeController controller = new AnalyzeController(analyzer);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.newMapper(), false));
            config.http.defaultContentType = "application/json";
            config.http.maxRequestSize = MAX_BODY_BYTES;
        });

        app.before("/v1/*", auth::check);

        app.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "provider", analyzer.provider())));
        app.post("/v1/analyze", controller::analyze);

        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new ErrorBody(e.getMessage(), e.problems())));
        app.exception(AnalyzerBusy.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            ctx.status(503).json(ErrorBody.of(e.getMessage()));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(ErrorBody.of(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ErrorBody.of("internal error; see the analyzer log"));
        });
        return app;
    }
}
