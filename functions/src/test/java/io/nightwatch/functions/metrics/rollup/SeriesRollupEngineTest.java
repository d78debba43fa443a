package io.nightwatch.functions.metrics.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeriesRollupEngineTest {

    private static final long BEGINNING = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long DELAY = 5 * SECOND; // bounded out-of-orderness of the watermark

    /** One arriving point and whether, by the rules, it should count for each resolution. */
    private record Arrival(long ts, double value, long watermarkAtArrival) {}

    private static SeriesRollupState newState() {
        return SeriesRollupState.of("checkout/i1/latency_ms", "checkout", "i1", "latency_ms", Map.of());
    }

    @Test
    void closesAMinuteWhenTheWatermarkPassesItsEndAndNotBefore() {
        SeriesRollupEngine engine = new SeriesRollupEngine(0);
        SeriesRollupState s = newState();
        List<SketchedRollup> out = new ArrayList<>();
        assertThat(engine.add(s, BEGINNING + 10 * SECOND, 10, Long.MIN_VALUE, out::add)).isEqualTo(SeriesRollupEngine.Added.NEW_BUCKET);
        assertThat(engine.add(s, BEGINNING + 20 * SECOND, 30, Long.MIN_VALUE, out::add)).isEqualTo(SeriesRollupEngine.Added.ADDED);
        assertThat(engine.close(s, BEGINNING + MINUTE - 1, out::add)).isEqualTo(BEGINNING + MINUTE);
        assertThat(out).isEmpty();
        assertThat(engine.close(s, BEGINNING + MINUTE, out::add)).isEqualTo(BEGINNING + 5 * MINUTE);
        assertThat(out).hasSize(1);
        Rollup r = out.get(0).rollup();
        assertThat(r.resolution()).isEqualTo(Resolution.M1);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.avg()).isEqualTo(20.0);
        assertThat(r.p50()).isCloseTo(10.0, within(0.1));
    }

    @Test
    void aSeriesThatStopsReportingClosesEveryWindowAndLeavesNoState() {
        SeriesRollupEngine engine = new SeriesRollupEngine(0);
        SeriesRollupState s = newState();
        List<SketchedRollup> out = new ArrayList<>();
        engine.add(s, BEGINNING + 30 * MINUTE, 5, Long.MIN_VALUE, out::add);
        long next = engine.close(s, BEGINNING + 31 * MINUTE, out::add);
        while (next != Long.MAX_VALUE) {
            next = engine.close(s, next, out::add); // each timer fires at the next window end
        }
        assertThat(s.isIdle()).isTrue();
        assertThat(out).extracting(r -> r.rollup().resolution())
                .containsExactly(Resolution.M1, Resolution.M5, Resolution.M15, Resolution.H1, Resolution.D1);
        assertThat(out).extracting(r -> r.rollup().windowStart()).containsExactly(
                Instant.ofEpochMilli(BEGINNING + 30 * MINUTE), Instant.ofEpochMilli(BEGINNING + 30 * MINUTE),
                Instant.ofEpochMilli(BEGINNING + 30 * MINUTE), Instant.ofEpochMilli(BEGINNING),
                Instant.ofEpochMilli(BEGINNING));
    }

    @Test
    void aTooLatePointIsRefusedWithoutLateness() {
        SeriesRollupEngine engine = new SeriesRollupEngine(0);
        SeriesRollupState s = newState();
        List<SketchedRollup> out = new ArrayList<>();
        engine.add(s, BEGINNING + 10 * SECOND, 1, Long.MIN_VALUE, out::add);
        engine.close(s, BEGINNING + MINUTE + DELAY, out::add);
        assertThat(engine.add(s, BEGINNING + 50 * SECOND, 2, BEGINNING + MINUTE + DELAY, out::add))
                .isEqualTo(SeriesRollupEngine.Added.LATE);
    }

    @Test
    void aLatePointWithinTheLatenessCorrectsItsMinuteAndTheOpenCoarseWindows() {
        SeriesRollupEngine engine = new SeriesRollupEngine(2 * MINUTE);
        SeriesRollupState s = newState();
        List<SketchedRollup> out = new ArrayList<>();
        engine.add(s, BEGINNING + 10 * SECOND, 1, Long.MIN_VALUE, out::add);
        engine.close(s, BEGINNING + MINUTE + DELAY, out::add);
        assertThat(engine.add(s, BEGINNING + 50 * SECOND, 3, BEGINNING + MINUTE + DELAY, out::add))
                .isEqualTo(SeriesRollupEngine.Added.CORRECTED);
        Rollup corrected = out.get(out.size() - 1).rollup();
        assertThat(corrected.resolution()).isEqualTo(Resolution.M1);
        assertThat(corrected.count()).isEqualTo(2);
        assertThat(corrected.sum()).isEqualTo(4.0);
        assertThat(s.coarse[0].count).isEqualTo(2);
    }

    @ParameterizedTest(name = "allowed lateness {0} min")
    @ValueSource(ints = {0, 2})
    void rollupsEqualABatchRecomputationAtEveryResolution(int latenessMinutes) {
        long lateness = latenessMinutes * MINUTE;
        Random random = new Random(42 + latenessMinutes);
        SeriesRollupEngine engine = new SeriesRollupEngine(lateness);
        SeriesRollupState s = newState();
        Map<String, Rollup> latest = new LinkedHashMap<>(); // upsert semantics: the last emission of a key wins
        List<Arrival> accepted = new ArrayList<>();
        long maxTs = Long.MIN_VALUE;
        long timer = Long.MAX_VALUE;
        long t = BEGINNING + 23 * 3600 * SECOND; // crosses a day boundary
        for (int i = 0; i < 6000; i++) {
            t += 1 + random.nextInt(40 * (int) SECOND);
            long ts = t - (random.nextInt(10) == 0 ? random.nextInt((int) (4 * MINUTE)) : random.nextInt((int) (3 * SECOND)));
            double value = Math.exp(random.nextGaussian() + 4);
            long watermark = maxTs == Long.MIN_VALUE ? Long.MIN_VALUE : maxTs - DELAY;
            if (timer <= watermark) {
                timer = engine.close(s, watermark, r -> latest.put(key(r.rollup()), r.rollup()));
            }
            SeriesRollupEngine.Added added = engine.add(s, ts, value, watermark, r -> latest.put(key(r.rollup()), r.rollup()));
            if (added != SeriesRollupEngine.Added.LATE) {
                accepted.add(new Arrival(ts, value, watermark));
            }
            if (added == SeriesRollupEngine.Added.NEW_BUCKET) {
                timer = Math.min(timer, engine.close(s, watermark, r -> latest.put(key(r.rollup()), r.rollup())));
            }
            maxTs = Math.max(maxTs, ts);
        }
        engine.close(s, Long.MAX_VALUE, r -> latest.put(key(r.rollup()), r.rollup()));
        assertThat(s.isIdle()).isTrue();

        int checked = 0;
        for (Resolution res : Resolution.values()) {
            Map<Long, List<Double>> expected = new HashMap<>();
            for (Arrival a : accepted) {
                long start = a.ts - Math.floorMod(a.ts, res.millis());
                boolean lateForThis = res != Resolution.M1 && a.watermarkAtArrival >= start + res.millis();
                if (!lateForThis) {
                    expected.computeIfAbsent(start, k -> new ArrayList<>()).add(a.value);
                }
            }
            for (Map.Entry<Long, List<Double>> e : expected.entrySet()) {
                Rollup r = latest.get(res + "@" + e.getKey());
                assertThat(r).as(res + " window " + Instant.ofEpochMilli(e.getKey())).isNotNull();
                double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                assertThat(r.count()).as(res + " count").isEqualTo(v.length);
                assertThat(r.sum()).isCloseTo(Arrays.stream(v).sum(), within(1e-6 * Arrays.stream(v).sum()));
                assertThat(r.min()).isEqualTo(v[0]);
                assertThat(r.max()).isEqualTo(v[v.length - 1]);
                assertThat(r.p50()).isCloseTo(v[(int) Math.floor(0.5 * (v.length - 1))], within(0.0101 * v[(int) Math.floor(0.5 * (v.length - 1))]));
                assertThat(r.p90()).isCloseTo(v[(int) Math.floor(0.9 * (v.length - 1))], within(0.0101 * v[(int) Math.floor(0.9 * (v.length - 1))]));
                assertThat(r.p99()).isCloseTo(v[(int) Math.floor(0.99 * (v.length - 1))], within(0.0101 * v[(int) Math.floor(0.99 * (v.length - 1))]));
                checked++;
            }
            assertThat(latest.keySet().stream().filter(k -> k.startsWith(res + "@")).count())
                    .as(res + " has no rollup for an empty window").isEqualTo(expected.size());
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(accepted.size()).isLessThan(6000); // some points were late and refused
    }

    private static String key(Rollup r) {
        return r.resolution() + "@" + r.windowStart().toEpochMilli();
    }
}
