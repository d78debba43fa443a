package io.nightwatch.functions.canary.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceVersionsTest {

    private static final Instant AT = Instant.parse("2026-11-22T05:40:00Z");

    private static ReleaseEvent event(ReleaseStatus status, List<String> canary, List<String> baseline, List<String> done) {
        return new ReleaseEvent("e", "rel-1", "checkout", "1.5.0", "1.4.2", 2, 3, status, canary, baseline, done, 60,
                75, 50, null, AT);
    }

    @Test
    void canariesAndDoneInstancesRunTheNewVersionAndBaselinesKeepTheOld() {
        assertThat(InstanceVersions.of(event(ReleaseStatus.STAGE_STARTED, List.of("c-2"), List.of("c-3"), List.of("c-1"))))
                .containsExactly(
                        new InstanceVersion("checkout", "c-1", "1.5.0", "rel-1", AT, AT),
                        new InstanceVersion("checkout", "c-2", "1.5.0", "rel-1", AT, AT),
                        new InstanceVersion("checkout", "c-3", "1.4.2", null, null, AT));
    }

    @Test
    void aRollbackChangesEveryInstanceBackToTheOldVersion() {
        assertThat(InstanceVersions.of(event(ReleaseStatus.ROLLED_BACK, List.of(), List.of("c-1", "c-2"), List.of())))
                .containsExactly(
                        new InstanceVersion("checkout", "c-1", "1.4.2", "rel-1", AT, AT),
                        new InstanceVersion("checkout", "c-2", "1.4.2", "rel-1", AT, AT));
    }
}
