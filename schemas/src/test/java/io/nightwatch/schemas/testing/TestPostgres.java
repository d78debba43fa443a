package io.nightwatch.schemas.testing;

import io.nightwatch.schemas.db.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database on the real PostgreSQL server of the test machine, dropped on close.
 * Server: {@code NW_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}).
 */
public final class TestPostgres implements AutoCloseable {

    private static final String SERVER_URL = System.getenv().getOrDefault(
            "NW_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private final String database;
    private final String url;
    private final PGSimpleDataSource dataSource;

    private TestPostgres(String database) {
        this.database = database;
        this.url = SERVER_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        this.dataSource = new PGSimpleDataSource();
        this.dataSource.setUrl(url);
    }

    /** Creates a database named after the caller ({@code nw_<prefix>_<random>}) and applies every migration. */
    public static TestPostgres create(String prefix) {
        String name = ("nw_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(SERVER_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + SERVER_URL
                    + " (is PostgreSQL running? `pg_ctlcluster 15 main start`)", e);
        }
        TestPostgres db = new TestPostgres(name);
        Migrations.migrate(db.dataSource);
        return db;
    }

    public String jdbcUrl() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return database;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(SERVER_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database, e);
        }
    }
}
