package io.nightwatch.functions.metrics.rollup;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Decides every rollup of one series at all five resolutions, paying the cost of a point once: a point goes into
 * its 1-minute bucket; a closed minute is merged into the open 5-minute window, a closed 5-minute window into the
 * 15-minute one, and so on up to the day (windows aligned to the epoch, UTC). Windows close when the watermark
 * passes their end, finest first. With an allowed lateness, closed minutes stay correctable for that long: a late
 * point re-emits its corrected 1-minute rollup and is added to the coarse windows still open.
 */
public final class SeriesRollupEngine {

    /** What happened to a point. */
    public enum Added {
        /** It opened a new minute bucket (the caller may need an earlier timer). */
        NEW_BUCKET,
        ADDED,
        /** It was late but within the allowed lateness: a corrected rollup was emitted. */
        CORRECTED,
        /** It was too late and was not counted. */
        LATE
    }

    static final Resolution[] COARSE = {Resolution.M5, Resolution.M15, Resolution.H1, Resolution.D1};
    private static final long MINUTE = Resolution.M1.millis();
    private final long allowedLatenessMillis;

    public SeriesRollupEngine(long allowedLatenessMillis) {
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    /** Adds a point at {@code ts}, given the current watermark; corrected rollups (if any) go to {@code out}. */
    public Added add(SeriesRollupState s, long ts, double value, long watermark, Consumer<SketchedRollup> out) {
        long start = ts - Math.floorMod(ts, MINUTE);
        if (start + MINUTE <= watermark) {
            return addLate(s, start, ts, value, out);
        }
        MinuteBucket[] open = s.open;
        for (MinuteBucket b : open) {
            if (b.start == start) {
                b.add(value);
                return Added.ADDED;
            }
        }
        MinuteBucket b = new MinuteBucket(start);
        b.add(value);
        int at = 0;
        while (at < open.length && open[at].start < start) {
            at++;
        }
        MinuteBucket[] grown = new MinuteBucket[open.length + 1];
        System.arraycopy(open, 0, grown, 0, at);
        grown[at] = b;
        System.arraycopy(open, at, grown, at + 1, open.length - at);
        s.open = grown;
        return Added.NEW_BUCKET;
    }

    private Added addLate(SeriesRollupState s, long start, long ts, double value, Consumer<SketchedRollup> out) {
        for (MinuteBucket b : s.closed) {
            if (b.start == start) {
                b.add(value);
                DDSketch sketch = b.toSketch();
                out.accept(rollup(s, Resolution.M1, b.start, b.count, b.sum, b.min, b.max, sketch));
                for (int i = 0; i < COARSE.length; i++) { // the finest open window holding it; merges carry it up
                    CoarseWindow w = s.coarse[i];
                    if (!w.isEmpty() && ts >= w.start && ts < w.start + COARSE[i].millis()) {
                        w.addLate(value);
                        break;
                    }
                }
                return Added.CORRECTED;
            }
        }
        return Added.LATE;
    }

    /**
     * Closes every window whose end is at or before the watermark, finest first, emitting its rollup; returns the
     * end of the next window to close, or {@link Long#MAX_VALUE} when nothing is open.
     */
    public long close(SeriesRollupState s, long watermark, Consumer<SketchedRollup> out) {
        purgeClosed(s, watermark);
        while (true) {
            long next = s.open.length > 0 ? s.open[0].start + MINUTE : Long.MAX_VALUE;
            int level = -1;
            for (int i = 0; i < COARSE.length; i++) {
                CoarseWindow w = s.coarse[i];
                if (!w.isEmpty() && w.start + COARSE[i].millis() < next) {
                    next = w.start + COARSE[i].millis();
                    level = i;
                }
            }
            if (next == Long.MAX_VALUE || next > watermark) {
                purgeClosed(s, watermark);
                return nextTimer(s, next);
            }
            if (level < 0) {
                closeMinute(s, out);
            } else {
                closeCoarse(s, level, out);
            }
        }
    }

    private long nextTimer(SeriesRollupState s, long nextWindowEnd) {
        long next = nextWindowEnd;
        for (MinuteBucket b : s.closed) {
            next = Math.min(next, b.start + MINUTE + allowedLatenessMillis);
        }
        return next;
    }

    private void closeMinute(SeriesRollupState s, Consumer<SketchedRollup> out) {
        MinuteBucket b = s.open[0];
        s.open = Arrays.copyOfRange(s.open, 1, s.open.length);
        DDSketch sketch = b.toSketch();
        out.accept(rollup(s, Resolution.M1, b.start, b.count, b.sum, b.min, b.max, sketch));
        mergeInto(s, 0, b.start, b.count, b.sum, b.min, b.max, sketch);
        if (allowedLatenessMillis > 0) {
            MinuteBucket[] kept = Arrays.copyOf(s.closed, s.closed.length + 1);
            kept[kept.length - 1] = b;
            s.closed = kept;
        }
    }

    private void closeCoarse(SeriesRollupState s, int level, Consumer<SketchedRollup> out) {
        CoarseWindow w = s.coarse[level];
        DDSketch sketch = Sketches.decode(w.sketch);
        out.accept(rollup(s, COARSE[level], w.start, w.count, w.sum, w.min, w.max, sketch));
        if (level + 1 < COARSE.length) {
            mergeInto(s, level + 1, w.start, w.count, w.sum, w.min, w.max, sketch);
        }
        w.reset();
    }

    private static void mergeInto(SeriesRollupState s, int level, long fineStart, long count, double sum, double min,
            double max, DDSketch sketch) {
        long length = COARSE[level].millis();
        long aligned = fineStart - Math.floorMod(fineStart, length);
        CoarseWindow w = s.coarse[level];
        if (!w.isEmpty() && w.start != aligned) {
            throw new IllegalStateException(COARSE[level] + " window " + w.start + " still open when merging " + fineStart);
        }
        w.merge(aligned, count, sum, min, max, sketch);
    }

    private void purgeClosed(SeriesRollupState s, long watermark) {
        if (s.closed.length == 0) {
            return;
        }
        int keep = 0;
        for (MinuteBucket b : s.closed) {
            if (b.start + MINUTE + allowedLatenessMillis > watermark) {
                keep++;
            }
        }
        if (keep == s.closed.length) {
            return;
        }
        MinuteBucket[] kept = new MinuteBucket[keep];
        int i = 0;
        for (MinuteBucket b : s.closed) {
            if (b.start + MINUTE + allowedLatenessMillis > watermark) {
                kept[i++] = b;
            }
        }
        s.closed = kept;
    }

    private static SketchedRollup rollup(SeriesRollupState s, Resolution resolution, long start, long count, double sum,
            double min, double max, DDSketch sketch) {
        double[] q = Sketches.quantiles(sketch);
        Rollup r = new Rollup(s.series, s.service, s.instance, s.metric, s.labels, resolution, Instant.ofEpochMilli(start),
                count, sum, min, max, sum / count, q[0], q[1], q[2]);
        return new SketchedRollup(r, Sketches.encode(sketch));
    }
}
