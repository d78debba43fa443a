package io.nightwatch.functions.incidents.muting;

import io.nightwatch.functions.incidents.config.InhibitRule;
import io.nightwatch.functions.incidents.grouping.Muter;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.MuteReason;
import java.util.List;

/** Inhibition, then silences: the muting Alertmanager applies to a group's alerts before each notification. */
public final class MuteIndex implements Muter {

    private final InhibitionIndex inhibition;
    private final SilenceIndex silences = new SilenceIndex();

    public MuteIndex(List<InhibitRule> rules) {
        this.inhibition = new InhibitionIndex(rules);
    }

    public InhibitionIndex inhibition() {
        return inhibition;
    }

    public SilenceIndex silences() {
        return silences;
    }

    @Override
    public MuteReason reasonAt(AlertInstance alert, long at) {
        if (!inhibition.isEmpty()) {
            String by = inhibition.inhibitedBy(alert, at);
            if (by != null) {
                return MuteReason.inhibitedBy(by);
            }
        }
        if (!silences.isEmpty()) {
            String id = silences.silencedBy(alert.labels(), at);
            if (id != null) {
                return MuteReason.silencedBy(id);
            }
        }
        return null;
    }
}
