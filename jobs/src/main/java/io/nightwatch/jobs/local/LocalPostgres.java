package io.nightwatch.jobs.local;

import io.nightwatch.schemas.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL for the local runtime: the server at a given JDBC URL, or an embedded PostgreSQL whose data lives
 * under {@code var/pg} and survives restarts. Either way the migrations are applied.
 */
public final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "nightwatch";
    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;

    private LocalPostgres(EmbeddedPostgres embedded, String jdbcUrl) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
    }

    /** Uses {@code externalUrl} when given, otherwise starts the embedded server on {@code port}. */
    public static LocalPostgres start(String externalUrl, VarDir var, int port) throws IOException, SQLException {
        if (externalUrl != null) {
            if (!externalUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--pg-url must be a JDBC URL such as "
                        + "jdbc:postgresql://127.0.0.1:5432/nightwatch?user=postgres, got " + externalUrl);
            }
            try (Connection c = DriverManager.getConnection(externalUrl)) {
                c.isValid(5);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to PostgreSQL at " + externalUrl + ": " + e.getMessage(), e);
            }
            Migrations.migrate(externalUrl, null, null);
            return new LocalPostgres(null, externalUrl);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(var.postgres())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(var.logs().resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(var.logs().resolve("postgres.log").toFile()))
                .start();
        createDatabaseIfMissing(pg.getJdbcUrl("postgres", "postgres"));
        String url = pg.getJdbcUrl("postgres", DATABASE);
        Migrations.migrate(url, null, null);
        return new LocalPostgres(pg, url);
    }

    private static void createDatabaseIfMissing(String adminUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
