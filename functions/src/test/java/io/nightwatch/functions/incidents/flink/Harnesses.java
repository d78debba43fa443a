package io.nightwatch.functions.incidents.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.TestableKeyedStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** Helpers shared by the operator harness tests. */
final class Harnesses {

    private Harnesses() {}

    /** Entries in the operator's keyed state (the broadcast harness has no accessor of its own). */
    static int keyedStateEntries(AbstractStreamOperatorTestHarness<?> harness) {
        KeyedStateBackend<?> backend = harness.getOperator().getKeyedStateBackend();
        return ((TestableKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }

    /** The values a side output received so far, and clears it. */
    static <T> List<T> drain(AbstractStreamOperatorTestHarness<?> harness, OutputTag<T> tag) {
        List<T> out = new ArrayList<>();
        var queue = harness.getSideOutput(tag);
        if (queue != null) {
            for (StreamRecord<T> r : queue) {
                out.add(r.getValue());
            }
            queue.clear();
        }
        return out;
    }
}
