package io.nightwatch.jobs.canary.sql;

import io.nightwatch.functions.canary.stage.MetricStatistics;
import io.nightwatch.functions.canary.stage.MetricVerdictRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Upserts one metric's classification and statistics at a stage into {@code canary_verdicts}. */
public final class MetricVerdictUpsert implements JdbcStatementBuilder<MetricVerdictRow> {

    public static final String SQL = """
            INSERT INTO canary_verdicts (release_id, stage, metric, classification, critical, canary_count,
                                         baseline_count, statistics, reason, judged_at, decided_by, groups, muted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            ON CONFLICT (release_id, stage, metric) DO UPDATE SET
                classification = EXCLUDED.classification, critical = EXCLUDED.critical,
                canary_count = EXCLUDED.canary_count, baseline_count = EXCLUDED.baseline_count,
                statistics = EXCLUDED.statistics, reason = EXCLUDED.reason, judged_at = EXCLUDED.judged_at,
                decided_by = EXCLUDED.decided_by, groups = EXCLUDED.groups, muted = EXCLUDED.muted
            """;

    @Override
    public void accept(PreparedStatement ps, MetricVerdictRow r) throws SQLException {
        MetricStatistics m = r.metric();
        ps.setString(1, r.release());
        ps.setInt(2, r.stage());
        ps.setString(3, m.metric());
        ps.setString(4, m.classification());
        ps.setBoolean(5, m.critical());
        ps.setInt(6, m.canaryCount());
        ps.setInt(7, m.baselineCount());
        ps.setString(8, m.statisticsJson());
        ps.setString(9, m.reason());
        Sql.instant(ps, 10, r.judgedAt());
        ps.setString(11, m.decidedBy());
        Sql.texts(ps, 12, m.groups());
        ps.setBoolean(13, m.muted());
    }
}
