package io.nightwatch.functions.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;

/** A task metric group whose registered metrics a test can read by {@code <group>.<name>}, e.g. {@code nightwatch.analyzerTimeouts}. */
final class CapturedMetrics {

    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final TaskMetricGroup taskGroup;

    CapturedMetrics() {
        TestingMetricRegistry registry = TestingMetricRegistry.builder()
                .setRegisterConsumer((metric, name, group) -> {
                    String[] scope = group.getScopeComponents();
                    metrics.put(scope[scope.length - 1] + "." + name, metric);
                })
                .build();
        taskGroup = TaskManagerMetricGroup.createTaskManagerMetricGroup(registry, "localhost", ResourceID.generate())
                .addJob(new JobID(), "incidents")
                .addTask(ExecutionAttemptID.randomId(), "analyze");
    }

    TaskMetricGroup taskGroup() {
        return taskGroup;
    }

    /** The count of a registered counter; fails when it was never registered. */
    long count(String name) {
        Metric metric = metrics.get(name);
        if (!(metric instanceof Counter counter)) {
            throw new AssertionError("no counter " + name + " among " + metrics.keySet());
        }
        return counter.getCount();
    }
}
