package io.nightwatch.functions.incidents.muting;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static io.nightwatch.functions.incidents.TestAlerts.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.Matcher;
import io.nightwatch.schemas.Silence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceIndexTest {

    private static Silence silence(String id, long start, long end, Matcher... matchers) {
        return new Silence(id, List.of(matchers), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), "t", "c", null);
    }

    private final SilenceIndex index = new SilenceIndex();

    @Test
    void mutesMatchingAlertsOnlyWhileActiveWithBothEndsIncluded() {
        index.put(CompiledSilence.of(silence("s1", BEGINNING, BEGINNING + MINUTE, new Matcher("service", "search", false, true))));
        assertThat(index.silencedBy(labels("service=search"), BEGINNING - 1)).isNull();
        assertThat(index.silencedBy(labels("service=search"), BEGINNING)).isEqualTo("s1");
        assertThat(index.silencedBy(labels("service=search"), BEGINNING + MINUTE)).isEqualTo("s1");
        assertThat(index.silencedBy(labels("service=search"), BEGINNING + MINUTE + 1)).isNull();
        assertThat(index.silencedBy(labels("service=checkout"), BEGINNING)).isNull();
    }

    @Test
    void needsEveryMatcherAndAnchorsRegexes() {
        index.put(CompiledSilence.of(silence("s2", BEGINNING, BEGINNING + MINUTE,
                new Matcher("alertname", "High.*", true, true), new Matcher("env", "prod", false, false))));
        assertThat(index.silencedBy(labels("alertname=HighLatency", "env=dev"), BEGINNING)).isEqualTo("s2");
        assertThat(index.silencedBy(labels("alertname=HighLatency", "env=prod"), BEGINNING)).isNull();
        assertThat(index.silencedBy(labels("alertname=VeryHighLatency"), BEGINNING)).isNull();
    }

    @Test
    void replacesAndRemovesById() {
        index.put(CompiledSilence.of(silence("s3", BEGINNING, BEGINNING + MINUTE, new Matcher("a", "1", false, true))));
        index.put(CompiledSilence.of(silence("s3", BEGINNING, BEGINNING + MINUTE, new Matcher("a", "2", false, true))));
        assertThat(index.silencedBy(labels("a=1"), BEGINNING)).isNull();
        assertThat(index.silencedBy(labels("a=2"), BEGINNING)).isEqualTo("s3");
        assertThat(index.endedBefore(BEGINNING + 2 * MINUTE)).containsExactly("s3");
        index.remove("s3");
        assertThat(index.isEmpty()).isTrue();
        assertThat(index.silencedBy(labels("a=2"), BEGINNING)).isNull();
    }
}
