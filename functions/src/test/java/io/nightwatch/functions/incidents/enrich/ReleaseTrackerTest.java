package io.nightwatch.functions.incidents.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.ReleaseContext;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseTrackerTest {

    private static ReleaseEvent release(String id, ReleaseStatus status, int stage, List<String> canary, List<String> baseline,
            List<String> done, String at) {
        return new ReleaseEvent(id + "-" + status, id, "checkout", "1.5.0", "1.4.2", stage, 4, status, canary, baseline, done,
                300, 95, 75, null, Instant.parse(at));
    }

    @Test
    void findsTheActiveReleaseAnInstanceTakesPartInAndItsStage() {
        ReleaseEvent active = release("rel-2", ReleaseStatus.STAGE_STARTED, 2, List.of("c-1", "c-2"), List.of("c-3", "c-4"),
                List.of(), "2026-11-22T05:40:00Z");
        ReleaseEvent finished = release("rel-1", ReleaseStatus.COMPLETED, 4, List.of(), List.of(), List.of("c-1", "c-2", "c-3"),
                "2026-11-22T05:41:00Z");
        ReleaseContext c = ReleaseTracker.contextFor(List.of("c-2"), List.of(finished, active));
        assertThat(c.release()).isEqualTo("rel-2");
        assertThat(c.active()).isTrue();
        assertThat(c.stage()).isEqualTo(2);
        assertThat(ReleaseTracker.contextFor(List.of("c-9"), List.of(finished, active))).isNull();
    }

    @Test
    void reportsAFinishedReleaseWhenNoActiveOneTouchesTheInstance() {
        ReleaseEvent finished = release("rel-1", ReleaseStatus.COMPLETED, 4, List.of(), List.of(), List.of("c-1"),
                "2026-11-22T05:41:00Z");
        ReleaseContext c = ReleaseTracker.contextFor(List.of("c-1"), List.of(finished));
        assertThat(c.release()).isEqualTo("rel-1");
        assertThat(c.active()).isFalse();
    }

    @Test
    void aServiceLevelIncidentGetsTheServicesActiveRelease() {
        ReleaseEvent active = release("rel-2", ReleaseStatus.PAUSED, 1, List.of("c-1"), List.of(), List.of(), "2026-11-22T05:40:00Z");
        assertThat(ReleaseTracker.contextFor(List.of(), List.of(active)).release()).isEqualTo("rel-2");
    }
}
