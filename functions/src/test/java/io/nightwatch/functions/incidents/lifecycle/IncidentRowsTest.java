package io.nightwatch.functions.incidents.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentRows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentRowsTest {

    private static IncidentRow notified(String status, int alerts, long at, String convergence) {
        return new IncidentRow("inc-1", "group", "checkout", "A on checkout", "warning", 4, status, "{}:{}", "ops", null,
                alerts, alerts, Map.of("alertname", "A"), List.of("c-1"), null, convergence, null, "k", 1, 100, at,
                status.equals("resolved") ? at : null, at);
    }

    @Test
    void keepsTheNewerHeadlineAndTheConvergenceAStepSet() {
        IncidentRow opened = notified("open", 2, 100, "handled");
        IncidentRow resolved = notified("resolved", 0, 200, null);
        IncidentRow merged = IncidentRows.merge(opened, resolved);
        assertThat(merged.status()).isEqualTo("resolved");
        assertThat(merged.alertCount()).isZero();
        assertThat(merged.convergence()).isEqualTo("handled");
        assertThat(merged.resolvedAt()).isEqualTo(200L);
        assertThat(merged.updatedAt()).isEqualTo(200L);
    }

    @Test
    void aDecisionRowChangesOnlyTheDecision() {
        IncidentRow opened = notified("open", 2, 100, "held");
        IncidentRow approved = new IncidentRow("inc-1", null, null, "A on checkout", null, null, null, null, null, null,
                null, null, null, null, null, "approved", null, null, null, 100, 300, null, null);
        IncidentRow merged = IncidentRows.merge(opened, approved);
        assertThat(merged.convergence()).isEqualTo("approved");
        assertThat(merged.status()).isEqualTo("open");
        assertThat(merged.alertCount()).isEqualTo(2);
        assertThat(merged.lastNotifiedAt()).isEqualTo(100L);
        assertThat(merged.updatedAt()).isEqualTo(300L);
        assertThat(IncidentRows.merge(notified("resolved", 0, 200, null), notified("open", 2, 100, null)).status())
                .isEqualTo("resolved");
    }
}
