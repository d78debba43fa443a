package io.nightwatch.functions.rules;

import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses records of the compacted rules topic: a value is a new rule version (validated: an invalid rule goes to the
 * dead letters and never replaces a good one); a null value (tombstone) deletes the rule named by the key.
 */
public final class ParseRuleUpdates extends ProcessFunction<RawRecord, RuleUpdate> {

    private final String jobName;
    private transient Counter deadLetters;

    public ParseRuleUpdates(String jobName) {
        this.jobName = jobName;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(DeadLetters.COUNTER);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<RuleUpdate> out) {
        String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
        if (raw.value() == null) {
            if (key == null) {
                refuse(raw, ctx, "tombstone without a key: cannot tell which rule to delete");
            } else {
                out.collect(new RuleUpdate(key, null));
            }
            return;
        }
        try {
            AlertRule rule = Json.fromBytes(raw.value(), AlertRule.class);
            CompiledRule.compile(rule);
            if (key != null && !key.equals(rule.id())) {
                refuse(raw, ctx, "record key '" + key + "' differs from rule id '" + rule.id() + "'");
                return;
            }
            out.collect(new RuleUpdate(rule.id(), rule));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            refuse(raw, ctx, "malformed rule: " + firstLine(e.getMessage()));
        } catch (InvalidRuleException e) {
            refuse(raw, ctx, "invalid rule: " + e.getMessage());
        }
    }

    private void refuse(RawRecord raw, Context ctx, String reason) {
        deadLetters.inc();
        ctx.output(DeadLetters.TAG, DeadLetters.of(raw, reason, jobName, Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
