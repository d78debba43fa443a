package io.nightwatch.functions.anomaly;

/**
 * Per-series state of {@link StreamingDetector}: primitives and primitive arrays, so Flink serializes it as a POJO.
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

    /** Timestamp of the previous point and the smallest positive step between the first points (ms). */
    public long lastTimestamp, sampleStep = Long.MAX_VALUE;
    /** Points per pattern block (0 until the sampling step is known), points in the current block, blocks so far. */
    public int patternBlock, blockPoints, patternBlocks;
    /** Points since the last pattern event or strong trigger (pattern events are spaced by a pattern length). */
    public int pointsSinceWeak = Integer.MAX_VALUE / 2;
    /** Extremes and sum of the current block, and the running average of block means. */
    public double blockMax, blockMin, blockSum, blockAverage;
    /** Base rate at which unseen patterns appear (per block). */
    public double patternRate = 1;
    /** The last pooled blocks, oldest first. */
    public float[] patternWindow;
    /** Hashed set of the patterns already seen. */
    public long[] patternSeen;

    /** For Flink's POJO serializer; use {@link StreamingDetector#newState()} otherwise. */
    public DetectorState() { }

    DetectorState(DetectorParams params) {
        seenPatterns = new long[params.noveltyBits() / 64];
        patternSeen = new long[params.patternBits() / 64];
        patternWindow = new float[params.patternLength()];
    }

    /** Shallow heap size of this state on a 64-bit JVM with compressed references. */
    public long heapBytes() {
        long fields = 8 + 2 * 8 + 4 * 8 + 8 + 8 + 4 + 3 * 4 + 4 + 4 + 8   // count .. eventScore
                + 8 + 8 + 3 * 4 + 4 + 4 * 8 + 8 + 4 + 4;                   // lastTimestamp .. patternSeen
        long object = 12 + fields;
        return align(object) + array(seenPatterns == null ? -1 : 8L * seenPatterns.length)
                + array(patternSeen == null ? -1 : 8L * patternSeen.length)
                + array(patternWindow == null ? -1 : 4L * patternWindow.length);
    }

    private static long array(long payload) {
        return payload < 0 ? 0 : align(16 + payload);
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
