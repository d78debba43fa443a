package io.nightwatch.functions.decisions;

import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the recent firing episodes of each alert, so an analysis sees how an alert behaved before its incident
 * opened: a rule that fired and resolved three times is three alerts with distinct {@code startsAt} (what the
 * analyzer's flapping-alert rule needs). Alertmanager's grouping keeps only the latest version of an alert, and a
 * group that emptied is gone, so the episodes are collected here from every ingested version. Pure.
 */
public final class AlertHistory implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int maxEpisodes;
    private final long horizonMs;

    /** At most {@code maxEpisodes} per alert; episodes that ended more than {@code horizon} ago are dropped. */
    public AlertHistory(int maxEpisodes, Duration horizon) {
        if (maxEpisodes < 1 || horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("need maxEpisodes >= 1 and a positive horizon, got " + maxEpisodes + ", " + horizon);
        }
        this.maxEpisodes = maxEpisodes;
        this.horizonMs = horizon.toMillis();
    }

    /**
     * An ingested alert version as the standard {@link Alert}: {@code endsAt} is the version's end (also when it was
     * set from {@code resolve_timeout}), {@code status} what it was when ingested.
     */
    public static Alert toAlert(AlertInstance a) {
        boolean resolved = a.resolvedAt(a.receivedAt());
        String name = a.labels().getOrDefault("alertname", "alert");
        return new Alert(a.fingerprint(), a.source(), name, a.labels().get("severity"),
                resolved ? AlertStatus.RESOLVED : AlertStatus.FIRING, a.labels(), a.annotations(),
                Instant.ofEpochMilli(a.startsAt()), a.endsAt() == 0 ? null : Instant.ofEpochMilli(a.endsAt()),
                a.generatorUrl());
    }

    /**
     * The episodes after one more version: a version of a known episode (same {@code startsAt}) replaces it, a new
     * one is appended; then episodes older than the horizon (before {@code now}) and beyond the most recent
     * {@code maxEpisodes} are dropped.
     */
    public AlertEpisodes add(AlertEpisodes current, Alert version, long now) {
        List<Alert> next = new ArrayList<>(current == null ? List.of() : current.episodes());
        boolean replaced = false;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).startsAt().equals(version.startsAt())) {
                next.set(i, version);
                replaced = true;
            }
        }
        if (!replaced) {
            int at = next.size();
            while (at > 0 && next.get(at - 1).startsAt().isAfter(version.startsAt())) {
                at--;
            }
            next.add(at, version);
        }
        return prune(new AlertEpisodes(next), now);
    }

    /** The episodes still worth keeping at {@code now}; empty when none is. */
    public AlertEpisodes prune(AlertEpisodes current, long now) {
        List<Alert> kept = new ArrayList<>();
        for (Alert a : current.episodes()) {
            if (a.endsAt() == null || a.endsAt().toEpochMilli() > now - horizonMs) {
                kept.add(a);
            }
        }
        if (kept.size() > maxEpisodes) {
            kept = kept.subList(kept.size() - maxEpisodes, kept.size());
        }
        return new AlertEpisodes(List.copyOf(kept));
    }

    /**
     * The episodes as they stand at {@code t}: an episode whose end has passed is RESOLVED with that end, one still
     * running is FIRING without an end (Alertmanager's reading of {@code endsAt}).
     */
    public static List<Alert> at(AlertEpisodes episodes, Instant t) {
        List<Alert> out = new ArrayList<>(episodes.episodes().size());
        for (Alert a : episodes.episodes()) {
            boolean resolved = a.endsAt() != null && !a.endsAt().isAfter(t);
            out.add(new Alert(a.fingerprint(), a.source(), a.name(), a.severity(),
                    resolved ? AlertStatus.RESOLVED : AlertStatus.FIRING, a.labels(), a.annotations(), a.startsAt(),
                    resolved ? a.endsAt() : null, a.generatorUrl()));
        }
        return out;
    }

    /** How long an alert's state must be kept without news: the horizon plus a margin. */
    public Duration retention() {
        return Duration.ofMillis(horizonMs).plusMinutes(10);
    }
}
