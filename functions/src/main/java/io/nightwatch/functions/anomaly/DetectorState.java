package io.nightwatch.functions.anomaly;

/**
 * Per-series state of {@link StreamingDetector}: primitives and one primitive array, so Flink serializes it as a POJO.
 * Its size does not grow with the series: {@link #heapBytes()} is fixed once created.
 */
public class DetectorState {
    /** Points seen. */
    public long count;
    /** Learned value range (all-time min and max). */
    public double low, high;
    /** Short and long exponentially weighted mean and variance of the value. */
    public double shortMean, shortVariance, longMean, longVariance;
    /** Fast EW mean: how close to an edge the series was before a breakout. */
    public double edgeMean;
    /** Last quantized levels, 4 bits each, newest in the low bits. */
    public long levelHistory;
    /** Hashed set of level sequences and regimes already seen. */
    public long[] seenPatterns;
    /** Smoothed raw novelty and its long-run mean and variance. */
    public float noveltyAverage, noveltyMean, noveltyVariance;
    /** Base rate at which unseen regimes appear. */
    public float regimeRate = 1f;
    /** Points since the last event and the strongest score emitted since. */
    public int pointsSinceEvent = Integer.MAX_VALUE / 2;
    public double eventScore;

    /** For Flink's POJO serializer; use {@link StreamingDetector#newState()} otherwise. */
    public DetectorState() { }

    DetectorState(int noveltyBits) {
        seenPatterns = new long[noveltyBits / 64];
    }

    /** Shallow heap size of this state on a 64-bit JVM with compressed references. */
    public long heapBytes() {
        long object = 12 + 8 + 2 * 8 + 4 * 8 + 8 + 8 + 4 + 3 * 4 + 4 + 4 + 8; // header, fields, array reference
        long array = seenPatterns == null ? 0 : 16 + 8L * seenPatterns.length;
        return ((object + 7) / 8) * 8 + array;
    }
}
