package io.nightwatch.functions.incidents.grouping;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static io.nightwatch.functions.incidents.TestAlerts.SECOND;
import static io.nightwatch.functions.incidents.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.model.AlertInstance;
import org.junit.jupiter.api.Test;

class AlertMergeTest {

    @Test
    void aRepeatKeepsTheEarliestStartAndMovesTheTimeoutEnd() {
        AlertInstance first = alert("a=1").at(BEGINNING).build();
        AlertInstance again = alert("a=1").at(BEGINNING + MINUTE).build();
        AlertInstance merged = AlertMerge.put(first, again);
        assertThat(merged.startsAt()).isEqualTo(BEGINNING);
        assertThat(merged.endsAt()).isEqualTo(BEGINNING + 6 * MINUTE);
        assertThat(merged.receivedAt()).isEqualTo(BEGINNING + MINUTE);
    }

    @Test
    void anExplicitLaterEndOutlivesATimeoutEnd() {
        AlertInstance explicit = alert("a=1").at(BEGINNING).endsAt(BEGINNING + 20 * MINUTE).build();
        AlertInstance timeout = alert("a=1").at(BEGINNING + SECOND).build();
        assertThat(AlertMerge.put(explicit, timeout).endsAt()).isEqualTo(BEGINNING + 20 * MINUTE);
        AlertInstance timeoutFirst = alert("a=1").at(BEGINNING).build();
        AlertInstance explicitEarlier = alert("a=1").at(BEGINNING + SECOND).endsAt(BEGINNING + 2 * MINUTE).build();
        assertThat(AlertMerge.put(timeoutFirst, explicitEarlier).endsAt()).isEqualTo(BEGINNING + 2 * MINUTE);
    }

    @Test
    void aResolveEndsTheAlertButKeepsItsStart() {
        AlertInstance firing = alert("a=1").at(BEGINNING).build();
        AlertInstance resolved = alert("a=1").at(BEGINNING + MINUTE).startsAt(BEGINNING + MINUTE).endsAt(BEGINNING + MINUTE).build();
        AlertInstance merged = AlertMerge.put(firing, resolved);
        assertThat(merged.startsAt()).isEqualTo(BEGINNING);
        assertThat(merged.resolvedAt(BEGINNING + MINUTE)).isTrue();
    }

    @Test
    void anAlertThatFiresAgainAfterItEndedReplacesTheOldOne() {
        AlertInstance old = alert("a=1").at(BEGINNING).endsAt(BEGINNING + MINUTE).build();
        AlertInstance again = alert("a=1").at(BEGINNING + 10 * MINUTE).build();
        assertThat(AlertMerge.put(old, again)).isEqualTo(again);
    }
}
