package io.nightwatch.functions.metrics.rollup;

import com.datadoghq.sketch.ddsketch.DDSketch;

/**
 * The points of one series in one open minute: count/sum/min/max exactly, and the raw values (as floats) for the
 * sketch, folded into an encoded sketch every {@link #BUFFER} values so memory stays bounded. A Flink POJO.
 */
public final class MinuteBucket {

    /** Raw values kept before they are folded into the encoded sketch. */
    static final int BUFFER = 32;

    public long start;
    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public float[] values = new float[4];
    public int buffered;
    public byte[] folded;

    public MinuteBucket() {}

    MinuteBucket(long start) {
        this.start = start;
    }

    void add(double value) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (buffered == values.length) {
            if (buffered == BUFFER) {
                DDSketch sketch = toSketch();
                folded = Sketches.encode(sketch);
                buffered = 0;
            } else {
                values = java.util.Arrays.copyOf(values, Math.min(BUFFER, values.length * 2));
            }
        }
        values[buffered++] = (float) value;
    }

    /** A sketch of every value of the bucket. */
    DDSketch toSketch() {
        DDSketch sketch = Sketches.empty();
        Sketches.mergeEncoded(sketch, folded);
        for (int i = 0; i < buffered; i++) {
            sketch.accept(values[i]);
        }
        return sketch;
    }
}
