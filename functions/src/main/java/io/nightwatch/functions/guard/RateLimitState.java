package io.nightwatch.functions.guard;

import java.util.List;

/**
 * The commands a guard let through recently, oldest first; immutable, pruned on every update, and a Flink POJO so
 * it can live in keyed state (keyed by service).
 */
public record RateLimitState(List<IssuedCommand> issued) {

    public RateLimitState {
        issued = issued == null ? List.of() : issued;
    }

    /** No command issued yet. */
    public static RateLimitState empty() {
        return new RateLimitState(List.of());
    }

    /** True when nothing is remembered (the keyed state can be cleared). */
    public boolean isEmpty() {
        return issued.isEmpty();
    }
}
