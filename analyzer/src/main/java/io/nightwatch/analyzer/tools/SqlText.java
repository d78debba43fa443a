package io.nightwatch.analyzer.tools;

import io.nightwatch.analyzer.agent.PromptData;
import io.nightwatch.schemas.analysis.Text;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

/** Reading result-set columns into tool text: free text is JSON-quoted (it is data), arrays and times are compact. */
final class SqlText {

    private SqlText() {}

    /** A free-text column as an escaped JSON string, cut to {@code max}; "null" when absent. */
    static String quoted(ResultSet rs, String column, int max) throws SQLException {
        String v = rs.getString(column);
        return v == null ? "null" : PromptData.write(Text.cut(v, max));
    }

    /** A text[] column as a list. */
    static List<String> list(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** A timestamptz column as an ISO instant, or "-". */
    static String instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? "-" : t.toInstant().toString();
    }
}
