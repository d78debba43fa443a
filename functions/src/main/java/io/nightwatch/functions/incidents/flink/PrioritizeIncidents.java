package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.priority.IncidentPriority;
import io.nightwatch.functions.incidents.priority.PriorityBatch;
import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Releases incident updates most urgent first: updates that become ready together — every group flushing at one
 * watermark, or within {@code maxDelay} of each other, at most {@code maxSize} — are released as a batch ordered by
 * {@link IncidentPriority}, so under load critical incidents reach enrichment, convergence and the analyzer first.
 * The batch is released before every watermark and every checkpoint barrier, so it needs no state and adds no
 * event-time delay.
 */
public final class PrioritizeIncidents extends AbstractStreamOperator<IncidentUpdate>
        implements OneInputStreamOperator<IncidentUpdate, IncidentUpdate>, BoundedOneInput, ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    private final int maxSize;
    private final long maxDelayMs;
    private transient PriorityBatch<StreamRecord<IncidentUpdate>> batch;
    private transient boolean timerSet;

    public PrioritizeIncidents(int maxSize, Duration maxDelay) {
        this.maxSize = maxSize;
        this.maxDelayMs = Math.max(1, maxDelay.toMillis());
    }

    @Override
    public void open() throws Exception {
        super.open();
        IncidentPriority order = new IncidentPriority();
        batch = new PriorityBatch<>((a, b) -> order.compare(a.getValue(), b.getValue()), r -> r.getValue().incidentId());
    }

    @Override
    public void processElement(StreamRecord<IncidentUpdate> element) {
        batch.add(element.copy(element.getValue()));
        if (batch.size() >= maxSize) {
            release();
        } else if (!timerSet) {
            timerSet = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + maxDelayMs, this);
        }
    }

    @Override
    public void onProcessingTime(long time) {
        timerSet = false;
        release();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        release();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        release();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void endInput() {
        release();
    }

    @Override
    public void finish() throws Exception {
        release();
        super.finish();
    }

    private void release() {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        for (StreamRecord<IncidentUpdate> r : batch.drain()) {
            output.collect(r);
        }
    }
}
