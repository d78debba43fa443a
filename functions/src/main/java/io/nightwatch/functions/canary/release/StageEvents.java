package io.nightwatch.functions.canary.release;

import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import org.apache.flink.api.common.functions.FilterFunction;

/** Release events that change a stage's row: every event of a started stage but the release's completion. */
public final class StageEvents implements FilterFunction<ReleaseEvent> {

    @Override
    public boolean filter(ReleaseEvent e) {
        return e.stage() >= 1 && e.status() != ReleaseStatus.COMPLETED && e.status() != ReleaseStatus.SCHEDULED;
    }

    /** The stage status an event leaves its stage in. */
    public static String stageStatus(ReleaseStatus status) {
        return switch (status) {
            case STAGE_STARTED, RESUMED -> "RUNNING";
            case STAGE_PASSED, COMPLETED -> "PASSED";
            case PAUSED -> "PAUSED";
            case ROLLING_BACK -> "ROLLING_BACK";
            case ROLLED_BACK -> "ROLLED_BACK";
            case CANCELLED -> "CANCELLED";
            case FAILED -> "FAILED";
            case SCHEDULED -> "PLANNED";
        };
    }

    /** Whether the event ends its stage. */
    public static boolean ends(ReleaseStatus status) {
        return switch (status) {
            case STAGE_PASSED, ROLLED_BACK, CANCELLED, FAILED -> true;
            default -> false;
        };
    }
}
