package io.nightwatch.functions.incidents.converge;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.config.ConvergeFunction;
import io.nightwatch.functions.incidents.config.ConvergenceRule;
import io.nightwatch.functions.incidents.config.Matchers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvergenceDeciderTest {

    private static ConvergenceRule rule(ConvergeFunction f, int count) {
        return new ConvergenceRule("r", Matchers.ALL, List.of("dependency"), Duration.ofMinutes(5), count, f, Duration.ofMinutes(30));
    }

    @Test
    void collectHandlesTheFirstCountThenGathersTheRestIntoOneSummary() {
        ConvergenceState s = new ConvergenceState();
        ConvergenceRule r = rule(ConvergeFunction.COLLECT, 2);
        assertThat(ConvergenceDecider.onOpened(s, r, "k", "i1", BEGINNING).decision()).isEqualTo(Decision.HANDLE);
        assertThat(ConvergenceDecider.onOpened(s, r, "k", "i2", BEGINNING + 1).decision()).isEqualTo(Decision.HANDLE);
        Verdict third = ConvergenceDecider.onOpened(s, r, "k", "i3", BEGINNING + 2);
        assertThat(third.decision()).isEqualTo(Decision.COLLECT);
        assertThat(third.summaryCreated()).isTrue();
        Verdict fourth = ConvergenceDecider.onOpened(s, r, "k", "i4", BEGINNING + 3);
        assertThat(fourth.summaryId()).isEqualTo(third.summaryId());
        assertThat(fourth.summaryCreated()).isFalse();
        assertThat(s.summaryMembers).containsExactly("i3", "i4");
        assertThat(ConvergenceDecider.onWindowEnd(s, BEGINNING + 5 * MINUTE)).containsExactly("i3", "i4");

        assertThat(ConvergenceDecider.onClosed(s, "i3")).isFalse();
        assertThat(ConvergenceDecider.onClosed(s, "i4")).isTrue();
        ConvergenceDecider.closeSummary(s);
        ConvergenceDecider.onClosed(s, "i1");
        ConvergenceDecider.onClosed(s, "i2");
        assertThat(s.idle()).isTrue();
    }

    @Test
    void aNewWindowStartsCountingAgain() {
        ConvergenceState s = new ConvergenceState();
        ConvergenceRule r = rule(ConvergeFunction.COLLECT, 1);
        ConvergenceDecider.onOpened(s, r, "k", "i1", BEGINNING);
        assertThat(ConvergenceDecider.onOpened(s, r, "k", "i2", BEGINNING + MINUTE).decision()).isEqualTo(Decision.COLLECT);
        Verdict later = ConvergenceDecider.onOpened(s, r, "k", "i3", BEGINNING + 5 * MINUTE);
        assertThat(later.newWindow()).isTrue();
        assertThat(later.decision()).isEqualTo(Decision.HANDLE);
    }

    @Test
    void skipWhenProceedSkipsWhileAPeerIsInProgress() {
        ConvergenceState s = new ConvergenceState();
        ConvergenceRule r = rule(ConvergeFunction.SKIP_WHEN_PROCEED, 1);
        assertThat(ConvergenceDecider.onOpened(s, r, "k", "i1", BEGINNING).decision()).isEqualTo(Decision.HANDLE);
        Verdict skipped = ConvergenceDecider.onOpened(s, r, "k", "i2", BEGINNING + 1);
        assertThat(skipped.decision()).isEqualTo(Decision.SKIP);
        assertThat(skipped.peer()).isEqualTo("i1");
        ConvergenceDecider.onClosed(s, "i1");
        assertThat(ConvergenceDecider.onOpened(s, r, "k", "i3", BEGINNING + 2).decision()).isEqualTo(Decision.HANDLE);
    }

    @Test
    void defenseHoldsEveryIncidentBeyondTheCount() {
        ConvergenceState s = new ConvergenceState();
        ConvergenceRule r = rule(ConvergeFunction.DEFENSE, 1);
        assertThat(ConvergenceDecider.onOpened(s, r, "k", "i1", BEGINNING).decision()).isEqualTo(Decision.HANDLE);
        assertThat(ConvergenceDecider.onOpened(s, r, "k", "i2", BEGINNING + 1).decision()).isEqualTo(Decision.HOLD);
        assertThat(s.inProgress).containsExactly("i1", "i2");
    }
}
