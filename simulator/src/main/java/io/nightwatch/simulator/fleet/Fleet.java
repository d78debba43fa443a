package io.nightwatch.simulator.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The simulated service instances; instances change version as releases roll over them. */
public final class Fleet {

    /**
     * Metrics every instance reports. {@code requests} and {@code errors} are counts per sample period
     * ({@link MetricModel#SAMPLE_SECONDS}): the pair the canary judge's rate test compares.
     */
    public static final List<String> METRICS = List.of("latency_ms", "error_rate", "cpu", "qps", "requests", "errors");

    private final CopyOnWriteArrayList<SimulatedInstance> instances = new CopyOnWriteArrayList<>();

    public Fleet(List<ServiceProfile> services) {
        for (ServiceProfile s : services) {
            for (int i = 1; i <= s.instances(); i++) {
                instances.add(new SimulatedInstance(s, s.name() + "-" + i, i % 2 == 0 ? "b" : "a", s.version(),
                        Behaviour.HEALTHY, 0L));
            }
        }
    }

    /** The demo fleet: checkout, payments, search and gateway, four instances each. */
    public static Fleet demo() {
        return new Fleet(demoServices());
    }

    /** The demo services. */
    public static List<ServiceProfile> demoServices() {
        return List.of(
                new ServiceProfile("checkout", 4, "1.4.2", 120, 220, 0.004, 45),
                new ServiceProfile("payments", 4, "2.7.0", 180, 90, 0.002, 35),
                new ServiceProfile("search", 4, "5.1.3", 60, 480, 0.001, 60),
                new ServiceProfile("gateway", 4, "3.0.9", 25, 900, 0.0015, 55));
    }

    public List<SimulatedInstance> instances() {
        return List.copyOf(instances);
    }

    public List<String> services() {
        List<String> names = new ArrayList<>();
        for (SimulatedInstance i : instances) {
            if (!names.contains(i.service().name())) {
                names.add(i.service().name());
            }
        }
        return names;
    }

    /** Replaces an instance (same name) with its new state. */
    public void update(SimulatedInstance changed) {
        instances.replaceAll(i -> i.name().equals(changed.name()) ? changed : i);
    }
}
