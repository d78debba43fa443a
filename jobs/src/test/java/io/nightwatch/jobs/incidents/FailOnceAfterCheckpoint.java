package io.nightwatch.jobs.incidents;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes analyses through, and once armed, throws exactly once — at the second analysis it sees after a checkpoint
 * completed, so the first one's command is already in the sink's open transaction when the task fails. The flags are
 * static: they survive the restart (same JVM as the MiniCluster).
 */
final class FailOnceAfterCheckpoint implements MapFunction<AnalyzedIncident, AnalyzedIncident>, CheckpointListener {

    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger SEEN_AFTER_ARMING = new AtomicInteger();
    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();

    static void reset() {
        ARMED.set(false);
        FAILED.set(false);
        CHECKPOINTED.set(false);
        SEEN_AFTER_ARMING.set(0);
    }

    @Override
    public AnalyzedIncident map(AnalyzedIncident value) {
        if (ARMED.get() && CHECKPOINTED.get() && SEEN_AFTER_ARMING.incrementAndGet() == 2 && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after a checkpoint, at " + value.request().incidentId());
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (ARMED.get()) {
            CHECKPOINTED.set(true);
        }
    }
}
