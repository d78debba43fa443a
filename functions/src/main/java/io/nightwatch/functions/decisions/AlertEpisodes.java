package io.nightwatch.functions.decisions;

import io.nightwatch.schemas.Alert;
import java.util.List;

/**
 * The firing episodes of one alert (one fingerprint) the incidents job saw recently, oldest first: each a version of
 * the alert with its own {@code startsAt} (the latest version of that episode). A Flink POJO for keyed state.
 */
public record AlertEpisodes(List<Alert> episodes) {

    public AlertEpisodes {
        episodes = episodes == null ? List.of() : episodes;
    }

    /** No episode yet. */
    public static AlertEpisodes empty() {
        return new AlertEpisodes(List.of());
    }
}
