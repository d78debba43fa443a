package io.nightwatch.functions.metrics.rollup;

import com.datadoghq.sketch.ddsketch.DDSketch;

/** An open window of a coarse resolution, built by merging closed finer windows. A Flink POJO; start -1 = empty. */
public final class CoarseWindow {
    public long start = -1;
    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public byte[] sketch;

    boolean isEmpty() {
        return start < 0;
    }

    /** Adds a closed finer window that starts inside this one (opening this one at {@code alignedStart} if empty). */
    void merge(long alignedStart, long fCount, double fSum, double fMin, double fMax, DDSketch fSketch) {
        if (isEmpty()) {
            start = alignedStart;
            sketch = Sketches.encode(fSketch);
        } else {
            DDSketch merged = Sketches.decode(sketch);
            merged.mergeWith(fSketch);
            sketch = Sketches.encode(merged);
        }
        count += fCount;
        sum += fSum;
        min = Math.min(min, fMin);
        max = Math.max(max, fMax);
    }

    /** Adds one late value to the open window (corrections). */
    void addLate(double value) {
        DDSketch merged = Sketches.decode(sketch);
        merged.accept(value);
        sketch = Sketches.encode(merged);
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    void reset() {
        start = -1;
        count = 0;
        sum = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        sketch = null;
    }
}
