package io.nightwatch.api;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.nightwatch.api.auth.AccessControl;
import io.nightwatch.api.auth.Role;
import io.nightwatch.api.auth.TokenRepository;
import io.nightwatch.api.auth.TokenService;
import io.nightwatch.api.auth.TokensController;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.ErrorBody;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.api.services.ServiceRepository;
import io.nightwatch.api.services.ServicesController;
import io.nightwatch.schemas.Json;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the api-server's Javalin app: routes (declared here, each with its role), auth, errors, metrics, UI. */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String UI_DIRECTORY = "/nightwatch-ui";

    private ApiServer() {}

    /** Everything the app needs, built from one DataSource. */
    public record Components(
            TokenService tokens, TokenRepository tokenRepository, ServiceRepository services, HttpMetrics metrics, Clock clock) {

        public static Components of(DataSource dataSource) {
            Jdbi jdbi = Jdbi.create(dataSource);
            TokenRepository tokenRepository = new TokenRepository(jdbi);
            return new Components(new TokenService(tokenRepository), tokenRepository, new ServiceRepository(jdbi),
                    new HttpMetrics(), Clock.systemUTC());
        }
    }

    /** The app, not started. */
    public static Javalin create(Components c) {
        AccessControl access = new AccessControl(c.tokens());
        ServicesController services = new ServicesController(c.services(), c.clock());
        TokensController tokens = new TokensController(c.tokens(), c.tokenRepository());
        HttpMetrics metrics = c.metrics();

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.newMapper(), false));
            config.http.defaultContentType = "application/json";
            if (ApiServer.class.getResource(UI_DIRECTORY + "/index.html") != null) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = UI_DIRECTORY;
                    sf.location = Location.CLASSPATH;
                });
            } else {
                LOG.warn("UI not found on the classpath ({}); serving the API only", UI_DIRECTORY);
            }
        });

        app.before(metrics::start);
        app.beforeMatched(access::check);
        app.after(metrics::record);

        // Routes: every one under /api and /metrics requires a role.
        app.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        app.get("/metrics", metrics::scrape, Role.VIEWER);
        app.get("/api/me", ctx -> ctx.json(Map.of(
                "name", AccessControl.caller(ctx).name(), "role", AccessControl.caller(ctx).role().label())), Role.VIEWER);
        app.get("/api/services", services::list, Role.VIEWER);
        app.get("/api/services/{name}/metrics", services::metrics, Role.VIEWER);
        app.get("/api/tokens", tokens::list, Role.ADMIN);
        app.post("/api/tokens", tokens::create, Role.ADMIN);
        app.delete("/api/tokens/{name}", tokens::revoke, Role.ADMIN);

        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new ErrorBody(e.getMessage())));
        app.exception(NotFound.class, (e, ctx) -> ctx.status(404).json(new ErrorBody(e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(new ErrorBody(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ErrorBody("internal error; see the api-server log"));
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                ctx.json(new ErrorBody("no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        return app;
    }
}
