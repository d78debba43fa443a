package io.nightwatch.functions.incidents.flink;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.enrich.ServiceCatalog;
import io.nightwatch.functions.incidents.enrich.ServiceInfo;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class EnrichIncidentsTest {

    static final class Catalog implements ServiceCatalog {
        @Override
        public Map<String, ServiceInfo> load() {
            return Map.of("checkout", new ServiceInfo("checkout", "payments-team", "1"));
        }
    }

    private static ReleaseEvent release(ReleaseStatus status, long at) {
        return new ReleaseEvent("e-" + status, "rel-7", "checkout", "1.5.0", "1.4.2", 1, 3, status, List.of("c-1"),
                List.of("c-2", "c-3"), List.of(), 300, 95, 75, null, Instant.ofEpochMilli(at));
    }

    @Test
    void attachesTheActiveReleaseAndTheCatalogAndForgetsFinishedReleases() throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new EnrichIncidents(new Catalog(), Duration.ofMinutes(1), Duration.ofMinutes(30)),
                new Keys.IncidentService(), new Keys.ReleaseService(), Types.STRING);
        h.processElement2(release(ReleaseStatus.STAGE_STARTED, BEGINNING), BEGINNING);
        h.processElement1(TestUpdates.opened("i1", BEGINNING + MINUTE, "k"), BEGINNING + MINUTE);
        assertThat(h.extractOutputValues()).as("waits for the watermark: a release may still come on the other input").isEmpty();
        h.processBothWatermarks(new Watermark(BEGINNING + MINUTE));
        IncidentUpdate u = h.extractOutputValues().get(0);
        assertThat(u.release().release()).isEqualTo("rel-7");
        assertThat(u.release().active()).isTrue();
        assertThat(u.team()).isEqualTo("payments-team");
        List<IncidentEvent> events = Harnesses.drain(h, IncidentTags.EVENTS);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).attributes()).containsEntry("release", "rel-7").containsEntry("stage", "1/3")
                .containsEntry("activeRelease", "true").containsEntry("canaryInstances", "c-1").containsEntry("tier", "1");

        h.processElement2(release(ReleaseStatus.ROLLED_BACK, BEGINNING + 2 * MINUTE), BEGINNING + 2 * MINUTE);
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processBothWatermarks(new Watermark(BEGINNING + 40 * MINUTE));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }
}
