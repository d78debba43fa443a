package io.nightwatch.analyzer.tools;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One past incident as a line of tool output; its free text JSON-quoted because it is data. */
final class IncidentLine {

    private IncidentLine() {}

    static String of(ResultSet rs) throws SQLException {
        return "incident " + rs.getString("id") + ": title " + SqlText.quoted(rs, "title", 200)
                + ", severity " + rs.getString("severity") + ", status " + rs.getString("status")
                + ", opened " + SqlText.instant(rs, "opened_at") + ", resolved " + SqlText.instant(rs, "resolved_at")
                + ", release " + (rs.getString("release_id") == null ? "-" : rs.getString("release_id"))
                + ", summary " + SqlText.quoted(rs, "summary", 300)
                + ", root cause " + SqlText.quoted(rs, "root_cause", 300)
                + ", commands " + SqlText.quoted(rs, "commands", 300);
    }
}
