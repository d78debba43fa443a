package io.nightwatch.functions.incidents.flink;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The watermark strategy of every incidents-job source: event time is the record's Kafka timestamp (set by the
 * intake when it accepted the alert), with {@link IngestTimeWatermarks}.
 */
public final class IngestTime<T> implements WatermarkStrategy<T> {

    private static final long serialVersionUID = 1L;

    private final long outOfOrdernessMs;
    private final long idleAfterMs;
    private final WallClock clock;

    public IngestTime(Duration outOfOrderness, Duration idleAfter, WallClock clock) {
        this.outOfOrdernessMs = outOfOrderness.toMillis();
        this.idleAfterMs = idleAfter.toMillis();
        this.clock = clock;
    }

    public static <T> IngestTime<T> of(Duration outOfOrderness, Duration idleAfter) {
        return new IngestTime<>(outOfOrderness, idleAfter, WallClock.SYSTEM);
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new IngestTimeWatermarks<>(outOfOrdernessMs, idleAfterMs, clock);
    }
}
