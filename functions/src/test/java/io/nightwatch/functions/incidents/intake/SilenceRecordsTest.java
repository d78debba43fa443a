package io.nightwatch.functions.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.schemas.Silence;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SilenceRecordsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsASilenceAndATombstone() throws Exception {
        Silence s = SilenceRecords.parse(b("s1"), b("""
                {"id":"s1","matchers":[{"name":"service","value":"search","isRegex":false,"isEqual":true}],
                 "startsAt":"2026-11-22T05:00:00Z","endsAt":"2026-11-22T07:00:00Z","createdBy":"alice","comment":"x"}"""));
        assertThat(s.id()).isEqualTo("s1");
        assertThat(SilenceRecords.isTombstone(s)).isFalse();
        Silence t = SilenceRecords.parse(b("s1"), null);
        assertThat(t.id()).isEqualTo("s1");
        assertThat(SilenceRecords.isTombstone(t)).isTrue();
    }

    @Test
    void refusesInvalidSilences() {
        assertThatThrownBy(() -> SilenceRecords.parse(null, b("{\"matchers\":[]}"))).hasMessage("missing field 'id'");
        assertThatThrownBy(() -> SilenceRecords.parse(null, b("{\"id\":\"s\",\"matchers\":[]}"))).hasMessage("silence s has no matchers");
        assertThatThrownBy(() -> SilenceRecords.parse(null, b("""
                {"id":"s","matchers":[{"name":"a","value":"(","isRegex":true,"isEqual":true}],
                 "startsAt":"2026-11-22T05:00:00Z","endsAt":"2026-11-22T07:00:00Z"}"""))).hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> SilenceRecords.parse(null, b("""
                {"id":"s","matchers":[{"name":"a","value":"1","isRegex":false,"isEqual":true}],
                 "startsAt":"2026-11-22T07:00:00Z","endsAt":"2026-11-22T05:00:00Z"}"""))).hasMessage("silence s: endsAt is before startsAt");
        assertThatThrownBy(() -> SilenceRecords.parse(null, null)).hasMessage("tombstone without a key");
    }
}
