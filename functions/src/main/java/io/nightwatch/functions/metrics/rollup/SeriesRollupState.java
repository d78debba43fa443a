package io.nightwatch.functions.metrics.rollup;

import io.nightwatch.functions.anomaly.DetectorState;
import java.util.Map;

/**
 * Everything the rollup engine keeps for one series: its identity, the open 1-minute buckets (sorted), the closed
 * ones still correctable, the open window of each coarse resolution (5m, 15m, 1h, 1d), and its anomaly detector.
 * A Flink POJO.
 */
public final class SeriesRollupState {
    public String series;
    public String service;
    public String instance;
    public String metric;
    public Map<String, String> labels;
    public MinuteBucket[] open = new MinuteBucket[0];
    public MinuteBucket[] closed = new MinuteBucket[0];
    public CoarseWindow[] coarse = {new CoarseWindow(), new CoarseWindow(), new CoarseWindow(), new CoarseWindow()};
    /** The series' anomaly detector (see {@code io.nightwatch.functions.anomaly}). */
    public DetectorState detector;
    /** After a trigger: until when points are watched, and the range expected before the trigger. */
    public long watchUntil = Long.MIN_VALUE;
    public double watchLow;
    public double watchHigh;

    public SeriesRollupState() {}

    /** A state for a new series. */
    public static SeriesRollupState of(String series, String service, String instance, String metric, Map<String, String> labels) {
        SeriesRollupState s = new SeriesRollupState();
        s.series = series;
        s.service = service;
        s.instance = instance;
        s.metric = metric;
        s.labels = labels;
        return s;
    }

    /** Whether no window is open (the state can be dropped). */
    public boolean isIdle() {
        if (open.length > 0 || closed.length > 0) {
            return false;
        }
        for (CoarseWindow w : coarse) {
            if (!w.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
