package io.nightwatch.functions.rules;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;

/**
 * The watermark strategy of the rules stream: rules are not in event time, so their side of the rule engine reports
 * the end of time and event time there is driven by the rollups alone.
 */
public final class RulesDoNotHoldEventTime implements WatermarkStrategy<RuleUpdate> {

    @Override
    public WatermarkGenerator<RuleUpdate> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new EndOfTime();
    }

    /** Emits the maximum watermark. */
    private static final class EndOfTime implements WatermarkGenerator<RuleUpdate> {
        @Override
        public void onEvent(RuleUpdate event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }
}
