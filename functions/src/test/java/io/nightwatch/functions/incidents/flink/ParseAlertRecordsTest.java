package io.nightwatch.functions.incidents.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.incidents.intake.AlertLimits;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ParseAlertRecordsTest {

    @Test
    void takesTheIngestTimeFromTheRecordTimestampAndDeadLettersBadRecords() throws Exception {
        var h = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseAlertRecords(AlertLimits.defaults(), Duration.ofMinutes(5), "incidents"));
        h.processElement(new RawRecord("nw.alerts", 0, 7, null, "{\"labels\":{\"a\":\"1\"}}".getBytes(StandardCharsets.UTF_8)), 1234L);
        h.processElement(new RawRecord("nw.alerts", 1, 8, "k".getBytes(StandardCharsets.UTF_8),
                "{\"labels\":{}}".getBytes(StandardCharsets.UTF_8)), 1235L);
        AlertInstance a = h.extractOutputValues().get(0);
        assertThat(a.receivedAt()).isEqualTo(1234L);
        assertThat(a.startsAt()).isEqualTo(1234L);
        var dead = Harnesses.drain(h, DeadLetters.TAG);
        assertThat(dead).extracting(DeadLetter::error, DeadLetter::offset, DeadLetter::job)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("at least one label pair required", 8L, "incidents"));
        h.close();
    }
}
