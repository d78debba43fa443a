package io.nightwatch.api;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.rules.RuleChangeConsumer;
import io.nightwatch.api.rules.RuleStore;
import io.nightwatch.schemas.Topics;
import io.nightwatch.schemas.db.Migrations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Runs the api-server alone: {@code ApiServerMain --jdbc-url URL [--port 8080] [--host 0.0.0.0] [--jdbc-user U]
 * [--release-system-url URL] [--release-system-token T] [--bootstrap-servers HOST:PORT]} (the release system: the
 * simulator's, or NW_RELEASE_SYSTEM_URL; Kafka for the alert intake, silences, approvals and the rule store, or
 * NW_KAFKA_BOOTSTRAP: with it the rule store publishes every rule to nw.rules at start and applies nw.commands.rules).
 */
public final class ApiServerMain {

    private ApiServerMain() {}

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("expected --key value pairs, got '" + args[i] + "'");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        String url = opts.remove("jdbc-url");
        if (url == null) {
            url = System.getenv("NW_PG_URL");
        }
        if (url == null) {
            fail("missing --jdbc-url (or NW_PG_URL)");
        }
        int port = 8080;
        try {
            port = Integer.parseInt(opts.getOrDefault("port", "8080"));
        } catch (NumberFormatException e) {
            fail("--port: not a number: " + opts.get("port"));
        }
        ApiConfig config = new ApiConfig(opts.getOrDefault("host", "0.0.0.0"), port, url,
                opts.get("jdbc-user"), System.getenv("NW_PG_PASSWORD"));
        String releaseSystemUrl = opts.getOrDefault("release-system-url", System.getenv("NW_RELEASE_SYSTEM_URL"));
        String releaseSystemToken = opts.getOrDefault("release-system-token", System.getenv("NW_RELEASE_SYSTEM_TOKEN"));
        String bootstrap = opts.getOrDefault("bootstrap-servers", System.getenv("NW_KAFKA_BOOTSTRAP"));
        opts.keySet().removeAll(java.util.List.of("port", "host", "jdbc-user", "release-system-url", "release-system-token",
                "bootstrap-servers"));
        if (!opts.isEmpty()) {
            fail("unknown option(s): " + opts.keySet());
        }
        HikariDataSource ds = dataSource(config);
        Migrations.migrate(ds);
        ApiServer.Components components = ApiServer.Components.of(ds);
        if (releaseSystemUrl != null) {
            components = components.withReleaseSystem(new io.nightwatch.api.releases.SimulatorReleaseSystem(
                    releaseSystemUrl, releaseSystemToken, java.time.Duration.ofSeconds(10)));
        }
        io.nightwatch.api.alerts.RecordPublisher publisher = bootstrap == null ? null
                : new io.nightwatch.api.alerts.KafkaPublisher(bootstrap, io.nightwatch.api.alerts.IntakeTopics.DEFAULTS,
                        java.time.Duration.ofSeconds(10));
        if (publisher != null) {
            components = components.withPublisher(publisher);
        }
        Javalin app = ApiServer.create(components).start(config.host(), config.port());
        RuleChangeConsumer ruleChanges = publisher == null ? null
                : startRuleStore(components, bootstrap);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            if (ruleChanges != null) {
                ruleChanges.close();
            }
            if (publisher != null) {
                publisher.close();
            }
            ds.close();
        }));
    }

    /**
     * Starts the rule store's Kafka side: publishes the current version of every rule to {@code nw.rules} (so the
     * metrics job starts from PostgreSQL's rules), then applies {@code nw.commands.rules} as commands arrive.
     */
    public static RuleChangeConsumer startRuleStore(ApiServer.Components components,
            String bootstrapServers) {
        RuleStore store = RuleStore.of(components.alerting().rules(),
                components.alerting().publisher(), components.clock());
        try {
            int seeded = store.seed();
            LoggerFactory.getLogger(ApiServerMain.class).info("rule store: {} rule(s) published to {}", seeded,
                    Topics.RULES);
        } catch (PublishFailed e) {
            throw new IllegalStateException("rule store: cannot publish the rules to Kafka: " + e.getMessage(), e);
        }
        return new RuleChangeConsumer(bootstrapServers, Topics.COMMANDS_RULES, store,
                components.alerting().publisher(), Topics.DEADLETTER).start();
    }

    /** A pooled DataSource for the api-server. */
    public static HikariDataSource dataSource(ApiConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.jdbcUser());
        hc.setPassword(config.jdbcPassword());
        hc.setMaximumPoolSize(8);
        hc.setPoolName("nightwatch-api");
        return new HikariDataSource(hc);
    }

    private static void fail(String message) {
        System.err.println("api-server: " + message);
        System.err.println("usage: ApiServerMain --jdbc-url jdbc:postgresql://HOST/DB [--port 8080] [--host 0.0.0.0] [--jdbc-user USER]"
                + " [--release-system-url URL] [--release-system-token TOKEN] [--bootstrap-servers HOST:PORT]");
        System.exit(2);
    }
}
