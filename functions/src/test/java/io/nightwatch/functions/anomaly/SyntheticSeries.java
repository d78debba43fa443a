package io.nightwatch.functions.anomaly;

import java.util.Random;

/** Named synthetic metric series for detector tests: a daily pattern plus noise, with injected anomalies. */
final class SyntheticSeries {
    static final long BEGINNING = 1_700_000_000_000L;
    static final long FIVE_MINUTES = 300_000L;
    static final int POINTS_PER_DAY = 288;
    /** Points the detector is given to learn a series before a test expects silence (NAB's 15% of two weeks). */
    static final int LEARNING_POINTS = 600;

    private final int points;
    private double level = 50;
    private double dailyAmplitude;
    private double noise = 1;
    private double driftPerPoint;
    private long seed = 42;
    private int spikeAt = -1;
    private double spikeHeight;
    private int shiftFrom = -1;
    private double shift;
    private int noisyFrom = -1;
    private double extraNoise;

    private SyntheticSeries(int points) {
        this.points = points;
    }

    /** {@code points} five-minute values around 50 with unit Gaussian noise. */
    static SyntheticSeries of(int points) {
        return new SyntheticSeries(points);
    }

    SyntheticSeries level(double value) { this.level = value; return this; }
    SyntheticSeries dailyAmplitude(double value) { this.dailyAmplitude = value; return this; }
    SyntheticSeries noise(double sigma) { this.noise = sigma; return this; }
    SyntheticSeries driftPerPoint(double value) { this.driftPerPoint = value; return this; }
    SyntheticSeries seed(long value) { this.seed = value; return this; }
    SyntheticSeries spike(int at, double height) { this.spikeAt = at; this.spikeHeight = height; return this; }
    SyntheticSeries levelShift(int from, double delta) { this.shiftFrom = from; this.shift = delta; return this; }
    SyntheticSeries extraNoise(int from, double sigma) { this.noisyFrom = from; this.extraNoise = sigma; return this; }

    double[] values() {
        Random random = new Random(seed);
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
            v[i] = level + driftPerPoint * i
                    + dailyAmplitude * Math.sin(2 * Math.PI * i / POINTS_PER_DAY)
                    + noise * random.nextGaussian();
            if (i == spikeAt) v[i] += spikeHeight;
            if (shiftFrom >= 0 && i >= shiftFrom) v[i] += shift;
            if (noisyFrom >= 0 && i >= noisyFrom) v[i] += extraNoise * random.nextGaussian();
        }
        return v;
    }

    static long timestampOf(int index) {
        return BEGINNING + index * FIVE_MINUTES;
    }

    /** Runs a fresh detector over the values and returns every score. */
    static Score[] scoreAll(StreamingDetector detector, double[] values) {
        DetectorState state = detector.newState();
        Score[] scores = new Score[values.length];
        for (int i = 0; i < values.length; i++) scores[i] = detector.update(state, timestampOf(i), values[i]);
        return scores;
    }
}
