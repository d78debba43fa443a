package io.nightwatch.functions.incidents.model;

import io.nightwatch.schemas.Silence;

/** What the grouping operators receive on their broadcast input: a silence, or an alert that may inhibit others. */
public record MuteSignal(Silence silence, AlertInstance source, long at) {

    public static MuteSignal ofSilence(Silence silence, long at) {
        return new MuteSignal(silence, null, at);
    }

    public static MuteSignal ofSource(AlertInstance source) {
        return new MuteSignal(null, source, source.receivedAt());
    }
}
