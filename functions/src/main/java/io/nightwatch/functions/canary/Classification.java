package io.nightwatch.functions.canary;

/** The verdict on one canary metric; {@link #label()} is Kayenta's spelling. */
public enum Classification {
    PASS("Pass"),
    HIGH("High"),
    LOW("Low"),
    /** No samples to compare; left out of group scores, counts toward the 50% no-data rule. */
    NODATA("Nodata"),
    /** No samples for a metric marked mustHaveData: counts as a failure in its group. */
    NODATA_FAIL_METRIC("NodataFailMetric"),
    /** Nightwatch only: too few samples on a side to judge (scored like Nodata). */
    NOT_ENOUGH_DATA("NotEnoughData"),
    /** The statistics could not be computed. */
    ERROR("Error");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    /** Kayenta's label ("Pass", "High", "Low", "Nodata", "NodataFailMetric", "NotEnoughData", "Error"). */
    public String label() {
        return label;
    }

    /** Whether this counts as missing data for the scorer's no-data rule. */
    public boolean isNoData() {
        return this == NODATA || this == NOT_ENOUGH_DATA;
    }

    /** The constant with the given label or name, case-insensitive. */
    public static Classification fromLabel(String text) {
        for (Classification c : values()) {
            if (c.label.equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown classification: " + text);
    }

    @Override
    public String toString() {
        return label;
    }
}
