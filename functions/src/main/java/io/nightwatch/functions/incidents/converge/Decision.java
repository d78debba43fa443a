package io.nightwatch.functions.incidents.converge;

/** What convergence decided for an incident that opened. */
public enum Decision {
    /** Handle it: ask for analysis. */
    HANDLE("handled"),
    /** Collected into the key's summary incident, which is handled instead. */
    COLLECT("collected"),
    /** Skipped: a peer of the same key is already being handled. */
    SKIP("skipped"),
    /** Held until a human approves, rejects, or the hold expires. */
    HOLD("held");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** How the incident's row records it. */
    public String label() {
        return label;
    }
}
