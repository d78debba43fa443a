package io.nightwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.db.Migrations;
import io.nightwatch.schemas.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrationsCreateTheFoundationTablesAndRerunAsANoOp() throws SQLException {
        try (TestPostgres db = TestPostgres.create("migrations")) {
            List<String> tables = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                    ResultSet rs = c.createStatement().executeQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("services", "instances", "metric_rollups", "api_tokens", "releases",
                    "release_stages", "release_events", "canary_verdicts", "anomalies", "incidents", "incident_events", "commands",
                    "alert_rules", "rule_changes", "approvals");
            assertThat(Migrations.migrate(db.dataSource())).isZero();
        }
    }
}
