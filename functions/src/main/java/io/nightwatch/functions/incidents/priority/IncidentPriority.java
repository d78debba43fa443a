package io.nightwatch.functions.incidents.priority;

import io.nightwatch.functions.incidents.model.IncidentUpdate;
import java.io.Serializable;
import java.util.Comparator;

/**
 * The order in which ready incidents are handled: most urgent priority first, then openings before other steps,
 * then the oldest, then by id (so the order is total and replays are identical).
 */
public final class IncidentPriority implements Comparator<IncidentUpdate>, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public int compare(IncidentUpdate a, IncidentUpdate b) {
        int c = Integer.compare(a.priority(), b.priority());
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(!a.opens(), !b.opens());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.at(), b.at());
        if (c != 0) {
            return c;
        }
        return a.incidentId().compareTo(b.incidentId());
    }
}
