package io.nightwatch.api;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.nightwatch.api.alerts.Alerting;
import io.nightwatch.api.alerts.AlertsController;
import io.nightwatch.api.alerts.RecordPublisher;
import io.nightwatch.api.approvals.Approvals;
import io.nightwatch.api.commands.CommandsController;
import io.nightwatch.api.auth.AccessControl;
import io.nightwatch.api.auth.Role;
import io.nightwatch.api.auth.TokenRepository;
import io.nightwatch.api.auth.TokenService;
import io.nightwatch.api.auth.TokensController;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.ErrorBody;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.api.incidents.IncidentsController;
import io.nightwatch.api.releases.ReleaseRepository;
import io.nightwatch.api.releases.ReleaseSystemAdapter;
import io.nightwatch.api.releases.ReleaseSystemException;
import io.nightwatch.api.releases.ReleasesController;
import io.nightwatch.api.releases.UnconfiguredReleaseSystem;
import io.nightwatch.api.rules.RuleConflict;
import io.nightwatch.api.rules.RuleMissing;
import io.nightwatch.api.rules.RuleStore;
import io.nightwatch.api.rules.RulesController;
import io.nightwatch.api.services.ServiceRepository;
import io.nightwatch.api.services.ServicesController;
import io.nightwatch.api.silences.SilencesController;
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
            TokenService tokens, TokenRepository tokenRepository, ServiceRepository services, HttpMetrics metrics, Clock clock,
            ReleaseRepository releases, ReleaseSystemAdapter releaseSystem, Alerting alerting) {

        public Components(TokenService tokens, TokenRepository tokenRepository, ServiceRepository services,
                HttpMetrics metrics, Clock clock, ReleaseRepository releases, ReleaseSystemAdapter releaseSystem) {
            this(tokens, tokenRepository, services, metrics, clock, releases, releaseSystem, null);
        }

        /** Without release management (no release system; release reads from the services' data source only). */
        public Components(TokenService tokens, TokenRepository tokenRepository, ServiceRepository services,
                HttpMetrics metrics, Clock clock) {
            this(tokens, tokenRepository, services, metrics, clock, null, new UnconfiguredReleaseSystem());
        }

        public static Components of(DataSource dataSource) {
            Jdbi jdbi = Jdbi.create(dataSource);
            TokenRepository tokenRepository = new TokenRepository(jdbi);
            return new Components(new TokenService(tokenRepository), tokenRepository, new ServiceRepository(jdbi),
                    new HttpMetrics(), Clock.systemUTC(), new ReleaseRepository(jdbi), new UnconfiguredReleaseSystem(),
                    Alerting.of(jdbi));
        }

        /** The same components driving releases through {@code adapter}. */
        public Components withReleaseSystem(ReleaseSystemAdapter adapter) {
            return new Components(tokens, tokenRepository, services, metrics, clock, releases, adapter, alerting);
        }

        /** The same components publishing alerts, silences and approvals through {@code publisher} (Kafka). */
        public Components withPublisher(RecordPublisher publisher) {
            if (alerting == null) {
                throw new IllegalStateException("alerting needs the components' data source (Components.of)");
            }
            return new Components(tokens, tokenRepository, services, metrics, clock, releases, releaseSystem,
                    alerting.withPublisher(publisher));
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
        if (c.releases() != null) {
            ReleasesController releases = new ReleasesController(c.releases(), c.releaseSystem());
            app.get("/api/releases", releases::list, Role.VIEWER);
            app.get("/api/releases/{id}", releases::get, Role.VIEWER);
            app.get("/api/instances", releases::instances, Role.VIEWER);
            app.post("/api/releases", releases::create, Role.OPERATOR);
            app.post("/api/releases/{id}/pause", releases::pause, Role.OPERATOR);
            app.post("/api/releases/{id}/resume", releases::resume, Role.OPERATOR);
            app.post("/api/releases/{id}/cancel", releases::cancel, Role.OPERATOR);
            app.post("/api/releases/{id}/rollback", releases::rollback, Role.OPERATOR);
        }
        if (c.alerting() != null) {
            // Alert intake: operator (Prometheus gets its own operator token); reads: viewer.
            AlertsController intake = new AlertsController(c.alerting().publisher(), c.clock());
            app.post("/api/v2/alerts", intake::prometheus, Role.OPERATOR);
            app.post("/api/alerts/webhook", intake::webhook, Role.OPERATOR);
            app.post("/api/alerts", intake::generic, Role.OPERATOR);
            SilencesController silences = new SilencesController(c.alerting().silences(), c.alerting().publisher(), c.clock());
            app.get("/api/silences", silences::list, Role.VIEWER);
            app.get("/api/silences/{id}", silences::get, Role.VIEWER);
            app.post("/api/silences", silences::post, Role.OPERATOR);
            app.delete("/api/silences/{id}", silences::expire, Role.OPERATOR);
            Approvals approvals = new Approvals(c.alerting().publisher(), c.alerting().approvals(), c.clock());
            IncidentsController incidents = new IncidentsController(c.alerting().incidents(), approvals);
            app.get("/api/incidents", incidents::list, Role.VIEWER);
            app.get("/api/incidents/{id}", incidents::get, Role.VIEWER);
            app.get("/api/incidents/{id}/events", incidents::events, Role.VIEWER);
            app.post("/api/incidents/{id}/approve", incidents::approve, Role.OPERATOR);
            app.post("/api/incidents/{id}/reject", incidents::reject, Role.OPERATOR);
            // The rule store and commands (issue 7): reads for viewers, changes and approvals for operators.
            RuleStore ruleStore = RuleStore.of(c.alerting().rules(), c.alerting().publisher(), c.clock());
            RulesController rules = new RulesController(ruleStore);
            app.get("/api/rules", rules::list, Role.VIEWER);
            app.get("/api/rules/{id}", rules::get, Role.VIEWER);
            app.post("/api/rules", rules::save, Role.OPERATOR);
            app.delete("/api/rules/{id}", rules::delete, Role.OPERATOR);
            app.post("/api/rules/{id}/rollback", rules::rollback, Role.OPERATOR);
            CommandsController commands = new CommandsController(c.alerting().commands(), approvals,
                    c.alerting().approvals(), ruleStore);
            app.get("/api/commands", commands::list, Role.VIEWER);
            app.get("/api/commands/{id}", commands::get, Role.VIEWER);
            app.post("/api/commands/{id}/approve", commands::approve, Role.OPERATOR);
            app.post("/api/commands/{id}/reject", commands::reject, Role.OPERATOR);
        }
        app.get("/api/tokens", tokens::list, Role.ADMIN);
        app.post("/api/tokens", tokens::create, Role.ADMIN);
        app.delete("/api/tokens/{name}", tokens::revoke, Role.ADMIN);

        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new ErrorBody(e.getMessage())));
        app.exception(NotFound.class, (e, ctx) -> ctx.status(404).json(new ErrorBody(e.getMessage())));
        app.exception(RuleMissing.class, (e, ctx) -> ctx.status(404).json(new ErrorBody(e.getMessage())));
        app.exception(RuleConflict.class, (e, ctx) -> ctx.status(409).json(new ErrorBody(e.getMessage())));
        app.exception(ReleaseSystemException.class, (e, ctx) -> ctx.status(e.status()).json(new ErrorBody(e.getMessage())));
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
