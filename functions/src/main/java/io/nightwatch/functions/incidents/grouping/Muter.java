package io.nightwatch.functions.incidents.grouping;

import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.MuteReason;

/** Decides whether an alert is muted at a given time (inhibition first, then silences, as Alertmanager does). */
public interface Muter {

    /** Mutes nothing. */
    Muter NONE = (alert, at) -> null;

    /** Why the alert is muted at {@code at}, or null when it is not. */
    MuteReason reasonAt(AlertInstance alert, long at);
}
