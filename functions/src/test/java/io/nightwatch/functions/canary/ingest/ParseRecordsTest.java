package io.nightwatch.functions.canary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.ReleaseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Bad release events and command results become dead letters with the reason; good ones pass. */
class ParseRecordsTest {

    private static RawRecord raw(String json) {
        return new RawRecord("nw.releases", 0, 7, null, json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String GOOD = """
            {"eventId":"rel-1:1:SCHEDULED","release":"rel-1","service":"checkout","version":"1.5.0","fromVersion":"1.4.2",
             "stage":0,"stageCount":3,"status":"SCHEDULED","analysisWindowSeconds":60,"passThreshold":75,
             "marginalThreshold":50,"at":"2026-11-22T05:40:00Z"}""";

    @Test
    void refusesMalformedAndInvalidReleaseEventsWithTheReason() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, ReleaseEvent> h = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseRecords<>(ReleaseEvent.class, new Checks.ReleaseEventCheck(), "canary"))) {
            h.processElement(new StreamRecord<>(raw(GOOD)));
            h.processElement(new StreamRecord<>(raw("{\"eventId\": oops")));
            h.processElement(new StreamRecord<>(raw(GOOD.replace("\"service\":\"checkout\",", ""))));
            h.processElement(new StreamRecord<>(raw(GOOD.replace("SCHEDULED\",\"release", "x\",\"release")
                    .replace("\"status\":\"SCHEDULED\"", "\"status\":\"EXPLODED\""))));
            h.processElement(new StreamRecord<>(raw(GOOD.replace("\"marginalThreshold\":50", "\"marginalThreshold\":80"))));
            h.processElement(new StreamRecord<>(raw(GOOD.replace("\"stage\":0", "\"stage\":9"))));
            h.processElement(new StreamRecord<>(new RawRecord("nw.releases", 0, 8, null, new byte[0])));

            assertThat(h.extractOutputValues()).extracting(ReleaseEvent::eventId).containsExactly("rel-1:1:SCHEDULED");
            List<DeadLetter> dead = h.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
            assertThat(dead).extracting(d -> d.error().replaceFirst("(malformed ReleaseEvent: [^:]*).*", "$1"))
                    .containsExactly(
                            "malformed ReleaseEvent: Unrecognized token 'oops'",
                            "missing field 'service'",
                            "malformed ReleaseEvent: Cannot deserialize value of type `io.nightwatch.schemas.ReleaseStatus` from String \"EXPLODED\"",
                            "marginalThreshold 80.0 is above passThreshold 75.0",
                            "stage 9 is outside [0, stageCount 3]",
                            "empty record");
            assertThat(dead).allSatisfy(d -> assertThat(d.job()).isEqualTo("canary"));
        }
    }

    @Test
    void refusesCommandResultsWithoutIdOutcomeOrTime() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, CommandResult> h = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseRecords<>(CommandResult.class, new Checks.CommandResultCheck(), "canary"))) {
            h.processElement(new StreamRecord<>(raw("{\"commandId\":\"c1\",\"outcome\":\"EXECUTED\",\"executor\":\"x\","
                    + "\"at\":\"2026-11-22T05:40:00Z\"}")));
            h.processElement(new StreamRecord<>(raw("{\"outcome\":\"EXECUTED\",\"at\":\"2026-11-22T05:40:00Z\"}")));
            h.processElement(new StreamRecord<>(raw("{\"commandId\":\"c1\",\"at\":\"2026-11-22T05:40:00Z\"}")));
            h.processElement(new StreamRecord<>(raw("{\"commandId\":\"c1\",\"outcome\":\"EXECUTED\"}")));
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.getSideOutput(DeadLetters.TAG)).extracting(r -> r.getValue().error())
                    .containsExactly("missing field 'commandId'", "missing field 'outcome'", "missing field 'at'");
        }
    }
}
