package io.nightwatch.functions.incidents.flink;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.NotificationKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class PrioritizeIncidentsTest {

    private static IncidentUpdate u(String id, String severity, int priority) {
        return TestUpdates.update(id, NotificationKind.OPENED, BEGINNING, "s", severity, priority, "k", Map.of(), List.of());
    }

    @Test
    void releasesCriticalIncidentsFirstWhenAWatermarkFlushesManyGroupsAtOnce() throws Exception {
        var h = new OneInputStreamOperatorTestHarness<>(new PrioritizeIncidents(1000, Duration.ofSeconds(1)));
        h.open();
        h.processElement(u("w1", "warning", 4), BEGINNING);
        h.processElement(u("i1", "info", 6), BEGINNING);
        h.processElement(u("c1", "critical", 0), BEGINNING);
        h.processElement(u("w2", "warning", 4), BEGINNING);
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(BEGINNING);
        assertThat(h.extractOutputValues()).extracting(IncidentUpdate::incidentId).containsExactly("c1", "w1", "w2", "i1");
        h.close();
    }

    @Test
    void releasesABatchAfterTheDelayOrWhenFull() throws Exception {
        var h = new OneInputStreamOperatorTestHarness<>(new PrioritizeIncidents(2, Duration.ofMillis(100)));
        h.open();
        h.setProcessingTime(0);
        h.processElement(u("w1", "warning", 4), BEGINNING);
        h.setProcessingTime(100);
        assertThat(h.extractOutputValues()).extracting(IncidentUpdate::incidentId).containsExactly("w1");
        h.processElement(u("w2", "warning", 4), BEGINNING);
        h.processElement(u("c2", "critical", 0), BEGINNING);
        assertThat(h.extractOutputValues()).extracting(IncidentUpdate::incidentId).containsExactly("w1", "c2", "w2");
        h.close();
    }
}
