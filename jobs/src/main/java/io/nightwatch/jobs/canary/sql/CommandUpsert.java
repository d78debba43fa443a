package io.nightwatch.jobs.canary.sql;

import io.nightwatch.functions.canary.commands.CommandRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Records a command and what became of it in {@code commands} (keyed on the command id; the newest state wins). Used by
 * the canary job and the incidents job (healing and rule commands).
 */
public final class CommandUpsert implements JdbcStatementBuilder<CommandRow> {

    public static final String SQL = """
            INSERT INTO commands (command_id, kind, action, service, target, release_id, incident_id, reason,
                                  requires_approval, status, issued_by, payload, result, created_at, expires_at,
                                  updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (command_id) DO UPDATE SET
                status = EXCLUDED.status, result = COALESCE(EXCLUDED.result, commands.result),
                updated_at = EXCLUDED.updated_at
            WHERE commands.updated_at <= EXCLUDED.updated_at
            """;

    @Override
    public void accept(PreparedStatement ps, CommandRow r) throws SQLException {
        ps.setString(1, r.commandId());
        ps.setString(2, r.kind());
        ps.setString(3, r.action());
        ps.setString(4, r.service());
        ps.setString(5, r.target());
        ps.setString(6, r.release());
        ps.setString(7, r.incident());
        ps.setString(8, r.reason());
        ps.setBoolean(9, r.requiresApproval());
        ps.setString(10, r.status());
        ps.setString(11, r.issuedBy());
        ps.setString(12, r.payload());
        ps.setString(13, r.result());
        Sql.instant(ps, 14, r.createdAt());
        Sql.instant(ps, 15, r.expiresAt());
        Sql.instant(ps, 16, r.updatedAt());
    }
}
