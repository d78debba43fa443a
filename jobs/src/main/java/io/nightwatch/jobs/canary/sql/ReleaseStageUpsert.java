package io.nightwatch.jobs.canary.sql;

import io.nightwatch.functions.canary.release.StageEvents;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Projects a release event onto its stage's {@code release_stages} row: a started stage sets the instances,
 * window and thresholds; every event sets the status (the newest wins); an ending event sets the end. The judge's
 * columns (verdict, score, …) are left to {@link StageVerdictUpsert}.
 */
public final class ReleaseStageUpsert implements JdbcStatementBuilder<ReleaseEvent> {

    public static final String SQL = """
            INSERT INTO release_stages (release_id, stage, canary_instances, baseline_instances, done_instances,
                                        analysis_window_seconds, pass_threshold, marginal_threshold, status,
                                        started_at, ended_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (release_id, stage) DO UPDATE SET
                canary_instances = CASE WHEN EXCLUDED.started_at IS NOT NULL
                                        THEN EXCLUDED.canary_instances ELSE release_stages.canary_instances END,
                baseline_instances = CASE WHEN EXCLUDED.started_at IS NOT NULL
                                        THEN EXCLUDED.baseline_instances ELSE release_stages.baseline_instances END,
                done_instances = CASE WHEN EXCLUDED.started_at IS NOT NULL
                                        THEN EXCLUDED.done_instances ELSE release_stages.done_instances END,
                analysis_window_seconds = CASE WHEN EXCLUDED.started_at IS NOT NULL
                                        THEN EXCLUDED.analysis_window_seconds ELSE release_stages.analysis_window_seconds END,
                pass_threshold = COALESCE(EXCLUDED.pass_threshold, release_stages.pass_threshold),
                marginal_threshold = COALESCE(EXCLUDED.marginal_threshold, release_stages.marginal_threshold),
                status = CASE WHEN release_stages.updated_at IS NULL OR release_stages.updated_at <= EXCLUDED.updated_at
                              THEN EXCLUDED.status ELSE release_stages.status END,
                started_at = COALESCE(EXCLUDED.started_at, release_stages.started_at),
                ended_at = COALESCE(EXCLUDED.ended_at, release_stages.ended_at),
                updated_at = GREATEST(release_stages.updated_at, EXCLUDED.updated_at)
            """;

    @Override
    public void accept(PreparedStatement ps, ReleaseEvent e) throws SQLException {
        boolean started = e.status() == ReleaseStatus.STAGE_STARTED;
        ps.setString(1, e.release());
        ps.setInt(2, e.stage());
        Sql.texts(ps, 3, started ? e.canaryInstances() : List.of());
        Sql.texts(ps, 4, started ? e.baselineInstances() : List.of());
        Sql.texts(ps, 5, started ? e.doneInstances() : List.of());
        ps.setLong(6, started ? e.analysisWindowSeconds() : 0);
        Sql.number(ps, 7, started ? e.passThreshold() : null);
        Sql.number(ps, 8, started ? e.marginalThreshold() : null);
        ps.setString(9, StageEvents.stageStatus(e.status()));
        Sql.instant(ps, 10, started ? e.at() : null);
        Sql.instant(ps, 11, StageEvents.ends(e.status()) ? e.at() : null);
        Sql.instant(ps, 12, e.at());
    }
}
