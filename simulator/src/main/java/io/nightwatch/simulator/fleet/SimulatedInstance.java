package io.nightwatch.simulator.fleet;

import java.util.Map;

/** One instance of a simulated service: its name, zone and the version it runs, with that version's behaviour. */
public record SimulatedInstance(
        ServiceProfile service, String name, String zone, String version, Behaviour behaviour, long versionSinceMillis) {

    /** Labels every point of this instance carries. */
    public Map<String, String> labels() {
        return Map.of("zone", zone);
    }

    /** The same instance running another version from {@code sinceMillis}. */
    public SimulatedInstance withVersion(String newVersion, Behaviour newBehaviour, long sinceMillis) {
        return new SimulatedInstance(service, name, zone, newVersion, newBehaviour, sinceMillis);
    }
}
