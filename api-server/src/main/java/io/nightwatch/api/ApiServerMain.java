package io.nightwatch.api;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.nightwatch.schemas.db.Migrations;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the api-server alone: {@code ApiServerMain --jdbc-url URL [--port 8080] [--host 0.0.0.0] [--jdbc-user U]}. */
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
        opts.keySet().removeAll(java.util.List.of("port", "host", "jdbc-user"));
        if (!opts.isEmpty()) {
            fail("unknown option(s): " + opts.keySet());
        }
        HikariDataSource ds = dataSource(config);
        Migrations.migrate(ds);
        Javalin app = ApiServer.create(ApiServer.Components.of(ds)).start(config.host(), config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            ds.close();
        }));
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
        System.err.println("usage: ApiServerMain --jdbc-url jdbc:postgresql://HOST/DB [--port 8080] [--host 0.0.0.0] [--jdbc-user USER]");
        System.exit(2);
    }
}
