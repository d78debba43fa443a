package io.nightwatch.jobs.canary.sql;

import io.nightwatch.functions.canary.stage.JudgedStage;
import io.nightwatch.schemas.CanaryVerdict;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Writes the judge's verdict onto its stage's {@code release_stages} row (creating the row when the verdict comes
 * first); the release projection's columns are left alone.
 */
public final class StageVerdictUpsert implements JdbcStatementBuilder<JudgedStage> {

    public static final String SQL = """
            INSERT INTO release_stages (release_id, stage, canary_instances, baseline_instances, status, verdict,
                                        score, verdict_reason, group_scores, window_start, window_end, judged_at,
                                        pass_threshold, marginal_threshold)
            VALUES (?, ?, ?, ?, 'JUDGED', ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            ON CONFLICT (release_id, stage) DO UPDATE SET
                verdict = EXCLUDED.verdict, score = EXCLUDED.score, verdict_reason = EXCLUDED.verdict_reason,
                group_scores = EXCLUDED.group_scores, window_start = EXCLUDED.window_start,
                window_end = EXCLUDED.window_end, judged_at = EXCLUDED.judged_at
            """;

    @Override
    public void accept(PreparedStatement ps, JudgedStage j) throws SQLException {
        CanaryVerdict v = j.verdict();
        ps.setString(1, v.release());
        ps.setInt(2, v.stage());
        Sql.texts(ps, 3, v.canaryInstances());
        Sql.texts(ps, 4, v.baselineInstances());
        ps.setString(5, v.outcome().name());
        ps.setDouble(6, v.score());
        ps.setString(7, v.reason());
        ps.setString(8, j.groupScoresJson());
        Sql.instant(ps, 9, v.windowStart());
        Sql.instant(ps, 10, v.windowEnd());
        Sql.instant(ps, 11, v.judgedAt());
        ps.setDouble(12, v.passThreshold());
        ps.setDouble(13, v.marginalThreshold());
    }
}
