package io.nightwatch.functions.incidents.model;

/** Why an alert was left out of a notification: inhibited by another alert, or silenced. */
public record MuteReason(Kind kind, String by) {

    /** The two kinds of mute, in the order Alertmanager applies them. */
    public enum Kind { INHIBITED, SILENCED }

    public static MuteReason inhibitedBy(String sourceFingerprint) {
        return new MuteReason(Kind.INHIBITED, sourceFingerprint);
    }

    public static MuteReason silencedBy(String silenceId) {
        return new MuteReason(Kind.SILENCED, silenceId);
    }

    @Override
    public String toString() {
        return (kind == Kind.INHIBITED ? "inhibited by " : "silenced by ") + by;
    }
}
