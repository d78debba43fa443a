package io.nightwatch.functions.anomaly;

import static io.nightwatch.functions.anomaly.SyntheticSeries.timestampOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectorStateTest {
    /** The bound stated in README-anomaly.md (64-bit JVM, compressed references). */
    private static final long STATE_BYTES = 1560;
    private static final int LONG_SERIES = 500_000;

    private final StreamingDetector detector = new StreamingDetector();

    @Test
    void stateSizeStaysWithinTheStatedBoundAfterALongSeries() {
        DetectorState state = detector.newState();
        long fresh = state.heapBytes();
        int bitWords = state.seenPatterns.length;
        int patternWords = state.patternSeen.length;
        int patternBlocks = state.patternWindow.length;
        Random random = new Random(3);
        double walk = 0;
        for (int i = 0; i < LONG_SERIES; i++) {
            walk += random.nextGaussian();
            double value = walk + (random.nextInt(1000) == 0 ? 500 : 0);
            detector.update(state, timestampOf(i), value);
        }

        assertThat(state.heapBytes()).isEqualTo(fresh).isLessThanOrEqualTo(STATE_BYTES);
        assertThat(state.seenPatterns).hasSize(bitWords);
        assertThat(state.patternSeen).hasSize(patternWords);
        assertThat(state.patternWindow).hasSize(patternBlocks);
        assertThat(state.count).isEqualTo(LONG_SERIES);
    }

    @Test
    void stateHoldsOnlyPublicPrimitivesAndPrimitiveArraysForFlinkPojoSerialization() throws Exception {
        assertThat(DetectorState.class.getConstructor().newInstance()).isNotNull();
        Field[] fields = Arrays.stream(DetectorState.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .toArray(Field[]::new);

        assertThat(fields).isNotEmpty().allSatisfy(f -> {
            assertThat(Modifier.isPublic(f.getModifiers())).as(f.getName()).isTrue();
            Class<?> type = f.getType().isArray() ? f.getType().getComponentType() : f.getType();
            assertThat(type.isPrimitive()).as(f.getName()).isTrue();
        });
    }

    @Test
    void aStateBuiltByFlinkWithTheNoArgConstructorWorks() {
        DetectorState restored = new DetectorState();

        Score score = detector.update(restored, timestampOf(0), 1.0);

        assertThat(score.score()).isZero();
        assertThat(restored.seenPatterns).hasSize(detector.params().noveltyBits() / 64);
        assertThat(restored.patternSeen).hasSize(detector.params().patternBits() / 64);
        assertThat(restored.patternWindow).hasSize(detector.params().patternLength());
    }
}
