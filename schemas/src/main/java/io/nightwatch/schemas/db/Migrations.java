package io.nightwatch.schemas.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies Nightwatch's Flyway migrations (classpath {@code db/migration}) to a PostgreSQL database. */
public final class Migrations {

    private Migrations() {}

    /** Migrates the database to the latest version and returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** Migrates the database at a JDBC URL (user and password may be null when the URL carries them). */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
