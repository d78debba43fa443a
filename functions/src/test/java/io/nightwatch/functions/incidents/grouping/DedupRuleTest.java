package io.nightwatch.functions.incidents.grouping;

import static io.nightwatch.functions.incidents.grouping.DedupRule.Decision.NOTIFY;
import static io.nightwatch.functions.incidents.grouping.DedupRule.Decision.REPEAT;
import static io.nightwatch.functions.incidents.grouping.DedupRule.Decision.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DedupRuleTest {

    private static DedupRule.Decision decide(boolean hasEntry, List<String> lastFiring, List<String> lastResolved,
            Set<String> firing, Set<String> resolved, long lastAt, long now) {
        return DedupRule.decide(hasEntry, lastFiring, lastResolved, lastAt, firing, resolved, 100, now);
    }

    @Test
    void notifiesTheFirstTimeOnlyWithFiringAlerts() {
        assertThat(decide(false, List.of(), List.of(), Set.of("a"), Set.of(), 0, 10)).isEqualTo(NOTIFY);
        assertThat(decide(false, List.of(), List.of(), Set.of(), Set.of("a"), 0, 10)).isEqualTo(SKIP);
    }

    @Test
    void notifiesANewFiringAlertButNotOneThatWentAway() {
        assertThat(decide(true, List.of("a"), List.of(), Set.of("a", "b"), Set.of(), 0, 10)).isEqualTo(NOTIFY);
        assertThat(decide(true, List.of("a", "b"), List.of(), Set.of("a"), Set.of(), 0, 10)).isEqualTo(SKIP);
    }

    @Test
    void notifiesWhenEverythingResolvedAfterAFiringNotification() {
        assertThat(decide(true, List.of("a"), List.of(), Set.of(), Set.of("a"), 0, 10)).isEqualTo(NOTIFY);
        assertThat(decide(true, List.of(), List.of("a"), Set.of(), Set.of("a"), 0, 10)).isEqualTo(SKIP);
    }

    @Test
    void notifiesNewlyResolvedAlertsWhileOthersFire() {
        assertThat(decide(true, List.of("a", "b"), List.of(), Set.of("a"), Set.of("b"), 0, 10)).isEqualTo(NOTIFY);
        assertThat(decide(true, List.of("a"), List.of("b"), Set.of("a"), Set.of("b"), 0, 10)).isEqualTo(SKIP);
    }

    @Test
    void repeatsOnlyWhenTheLastNotificationIsStrictlyOlderThanTheRepeatInterval() {
        assertThat(decide(true, List.of("a"), List.of(), Set.of("a"), Set.of(), 0, 100)).isEqualTo(SKIP);
        assertThat(decide(true, List.of("a"), List.of(), Set.of("a"), Set.of(), 0, 101)).isEqualTo(REPEAT);
    }
}
