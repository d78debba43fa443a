package io.nightwatch.simulator.release;

import io.nightwatch.simulator.fleet.Behaviour;

/** A fault and its size, as given to a release (for its new version) or injected into one instance. */
public record FaultProfile(FaultKind kind, double size) {

    public static final FaultProfile HEALTHY = new FaultProfile(FaultKind.HEALTHY, 0);

    public FaultProfile {
        if (!Double.isFinite(size) || !kind.accepts(size)) {
            throw new ReleaseRejected("fault.size " + size + " does not fit " + kind.label() + " (" + kind.sizeMeaning()
                    + ")");
        }
    }

    /** A fault of this kind at its default size. */
    public static FaultProfile of(FaultKind kind) {
        return new FaultProfile(kind, kind.defaultSize());
    }

    /** A fault of this kind; a null size means the kind's default. */
    public static FaultProfile of(FaultKind kind, Double size) {
        return new FaultProfile(kind, size == null ? kind.defaultSize() : size);
    }

    public Behaviour behaviour() {
        return kind.behaviour(size);
    }

    /** e.g. {@code latency +50%}, {@code errors +0.05}, {@code variance x3}. */
    public String describe() {
        return switch (kind) {
            case HEALTHY -> "healthy";
            case LATENCY -> String.format(java.util.Locale.ROOT, "latency %+.0f%%", size);
            case ERRORS, SPARSE_ERRORS -> String.format(java.util.Locale.ROOT, "%s +%.4g", kind.label(), size);
            case VARIANCE -> String.format(java.util.Locale.ROOT, "variance x%.3g", size);
            case SLOW_LEAK -> String.format(java.util.Locale.ROOT, "slow leak +%.3g per hour", size);
        };
    }
}
