package io.nightwatch.functions.anomaly;

import static io.nightwatch.functions.anomaly.SyntheticSeries.LEARNING_POINTS;
import static io.nightwatch.functions.anomaly.SyntheticSeries.POINTS_PER_DAY;
import static io.nightwatch.functions.anomaly.SyntheticSeries.scoreAll;
import static io.nightwatch.functions.anomaly.SyntheticSeries.timestampOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamingDetectorTest {
    /** Well below the NAB-optimal threshold (≈ 0.9994): any score this high is an alarm. */
    private static final double ALARM = 0.99;
    /** Log-likelihood score of a series with no novelty at all (likelihood 0.5). */
    private static final double NO_EVIDENCE = 0.05;
    private static final int DAYS_14 = 14 * POINTS_PER_DAY;
    private static final int ANOMALY_AT = 3000;

    private final StreamingDetector detector = new StreamingDetector();

    @Test
    void flagsASpikeAtTheSpike() {
        double[] values = SyntheticSeries.of(DAYS_14).dailyAmplitude(10).spike(ANOMALY_AT, 60).values();

        Score[] scores = scoreAll(detector, values);

        assertThat(scores[ANOMALY_AT].score()).isGreaterThanOrEqualTo(ALARM);
        assertThat(scores[ANOMALY_AT].breakout()).isTrue();
        assertThat(values[ANOMALY_AT]).isGreaterThan(scores[ANOMALY_AT].high());
    }

    @Test
    void flagsALevelShiftWithinAFewPoints() {
        double[] values = SyntheticSeries.of(DAYS_14).dailyAmplitude(10).levelShift(ANOMALY_AT, 40).values();

        Score[] scores = scoreAll(detector, values);

        assertThat(firstAlarmFrom(scores, ANOMALY_AT)).isBetween(ANOMALY_AT, ANOMALY_AT + 5);
    }

    @Test
    void flagsAVarianceIncreaseWithinAFewPoints() {
        double[] values = SyntheticSeries.of(DAYS_14).dailyAmplitude(10).extraNoise(ANOMALY_AT, 8).values();

        Score[] scores = scoreAll(detector, values);

        assertThat(firstAlarmFrom(scores, ANOMALY_AT)).isBetween(ANOMALY_AT, ANOMALY_AT + 20);
    }

    @Test
    void doesNotAlarmOnASlowDrift() {
        // +50% over two weeks with 0.5% noise: the series creeps along the top of its range
        double[] values = SyntheticSeries.of(2 * DAYS_14).level(100).noise(0.5).driftPerPoint(50.0 / DAYS_14).values();

        Score[] scores = scoreAll(detector, values);

        assertThat(alarmsFrom(scores, LEARNING_POINTS)).isEmpty();
    }

    @Test
    void constantSeriesNeitherCrashesNorAlarms() {
        double[] values = new double[DAYS_14];
        Arrays.fill(values, 42.0);

        Score[] scores = scoreAll(detector, values);

        assertThat(scores).allSatisfy(s -> assertThat(s.score()).isLessThan(NO_EVIDENCE));
        assertThat(scores[DAYS_14 - 1].low()).isEqualTo(42.0);
        assertThat(scores[DAYS_14 - 1].high()).isEqualTo(42.0);
    }

    @Test
    void suppressesASecondAlarmWithinTheRestPeriod() {
        double[] values = SyntheticSeries.of(DAYS_14).dailyAmplitude(10).spike(ANOMALY_AT, 60).values();
        values[ANOMALY_AT + 20] += 120; // an even bigger spike 20 points later: the same episode

        Score[] scores = scoreAll(detector, values);

        assertThat(scores[ANOMALY_AT].score()).isGreaterThanOrEqualTo(ALARM);
        assertThat(scores[ANOMALY_AT + 20].breakout()).isTrue();
        assertThat(scores[ANOMALY_AT + 20].score()).isZero();
    }

    @Test
    void skipsNonFiniteValuesWithoutChangingTheState() {
        DetectorState state = detector.newState();
        for (int i = 0; i < 500; i++) detector.update(state, timestampOf(i), 10 + (i % 7));
        long seen = state.count;

        Score nan = detector.update(state, timestampOf(500), Double.NaN);
        Score infinite = detector.update(state, timestampOf(501), Double.POSITIVE_INFINITY);

        assertThat(nan.score()).isZero();
        assertThat(infinite.score()).isZero();
        assertThat(state.count).isEqualTo(seen);
    }

    @Test
    void scoresStayBetweenZeroAndOneOnAHeavyTailedSeries() {
        java.util.Random random = new java.util.Random(7);
        double[] values = IntStream.range(0, DAYS_14)
                .mapToDouble(i -> Math.exp(3 * random.nextGaussian()) * (random.nextInt(50) == 0 ? -1 : 1))
                .toArray();

        Score[] scores = scoreAll(detector, values);

        assertThat(scores).allSatisfy(s -> {
            assertThat(s.score()).isBetween(0.0, 1.0);
            assertThat(s.likelihood()).isBetween(0.0, 1.0);
            assertThat(s.regime()).isBetween(0.0, 1.0);
            assertThat(s.novelty()).isBetween(0.0, 1.0);
            assertThat(s.pattern()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void givesTheSameScoresForTheSameSeries() {
        double[] values = SyntheticSeries.of(DAYS_14).dailyAmplitude(10).spike(ANOMALY_AT, 60).values();

        double[] first = Arrays.stream(scoreAll(detector, values)).mapToDouble(Score::score).toArray();
        double[] second = Arrays.stream(scoreAll(new StreamingDetector(), values)).mapToDouble(Score::score).toArray();

        assertThat(second).containsExactly(first);
    }

    @Test
    void staysSilentDuringWarmup() {
        double[] values = SyntheticSeries.of(DAYS_14).spike(50, 100).values();

        Score[] scores = scoreAll(detector, values);

        assertThat(Arrays.stream(scores, 0, detector.params().warmupPoints()).mapToDouble(Score::score))
                .containsOnly(0.0);
    }

    @Test
    void sizesThePatternBlockFromTheSamplingStep() {
        assertThat(patternBlockAt(60_000L)).isEqualTo(120);     // 1-minute points, 2-hour blocks
        assertThat(patternBlockAt(300_000L)).isEqualTo(24);     // 5-minute points
        assertThat(patternBlockAt(3_600_000L)).isEqualTo(2);    // hourly points
    }

    @Test
    void flagsAnHoursLongShapeNeverSeenBeforeAsAPatternEvent() {
        // a 6-hour flat stretch at the mean, well inside the learned range, where the daily wave should be
        double[] values = SyntheticSeries.of(DAYS_14).dailyAmplitude(10).values();
        int from = 10 * POINTS_PER_DAY + 40;
        for (int i = from; i < from + 72; i++) values[i] = 50;

        Score[] scores = scoreAll(detector, values);

        int firstPattern = IntStream.range(from, from + 72)
                .filter(i -> scores[i].pattern() > 0 && scores[i].score() > StreamingDetector.PATTERN_FLOOR)
                .findFirst().orElse(-1);
        assertThat(firstPattern).isPositive();
        assertThat(scores[firstPattern].score()).isBetween(0.6, StreamingDetector.PATTERN_CEILING);
        assertThat(scores[firstPattern].breakout()).isFalse();
    }

    @Test
    void scoresAreEitherStrongAlarmsOrAtMostThePatternCeiling() {
        java.util.Random random = new java.util.Random(11);
        double[] values = new double[DAYS_14];
        double walk = 0;
        for (int i = 0; i < values.length; i++) {
            walk += random.nextGaussian();
            values[i] = walk + (random.nextInt(500) == 0 ? 40 * random.nextGaussian() : 0);
        }

        Score[] scores = scoreAll(detector, values);

        double strong = detector.params().strongLevel();
        assertThat(scores).allSatisfy(s -> assertThat(s.score() >= strong || s.score() <= StreamingDetector.PATTERN_CEILING)
                .as("score %s", s.score()).isTrue());
        assertThat(Arrays.stream(scores).filter(s -> s.score() > StreamingDetector.PATTERN_FLOOR && s.score() < strong))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.pattern()).isPositive());
    }

    private int patternBlockAt(long stepMillis) {
        DetectorState state = detector.newState();
        for (int i = 0; i < 100; i++) detector.update(state, SyntheticSeries.BEGINNING + i * stepMillis, 50 + (i % 7));
        return state.patternBlock;
    }

    private static int firstAlarmFrom(Score[] scores, int from) {
        return IntStream.range(from, scores.length).filter(i -> scores[i].score() >= ALARM).findFirst().orElse(-1);
    }

    private static int[] alarmsFrom(Score[] scores, int from) {
        return IntStream.range(from, scores.length).filter(i -> scores[i].score() >= ALARM).toArray();
    }
}
