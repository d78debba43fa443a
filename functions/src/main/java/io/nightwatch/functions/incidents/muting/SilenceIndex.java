package io.nightwatch.functions.incidents.muting;

import io.nightwatch.functions.incidents.config.LabelMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The silences known to an operator, indexed by one equality matcher each so that an alert is checked only against
 * silences that can match it. A silence mutes alerts matching all its matchers while it is active.
 */
public final class SilenceIndex {

    private final Map<String, CompiledSilence> byId = new LinkedHashMap<>();
    private final Map<String, Map<String, List<CompiledSilence>>> byLabel = new HashMap<>();
    private final List<CompiledSilence> unindexed = new ArrayList<>();

    /** Adds or replaces a silence (same id). */
    public void put(CompiledSilence s) {
        remove(s.id());
        byId.put(s.id(), s);
        LabelMatcher m = s.indexMatcher();
        if (m == null) {
            unindexed.add(s);
        } else {
            byLabel.computeIfAbsent(m.name(), k -> new HashMap<>()).computeIfAbsent(m.value(), k -> new ArrayList<>()).add(s);
        }
    }

    public void remove(String id) {
        CompiledSilence old = byId.remove(id);
        if (old == null) {
            return;
        }
        LabelMatcher m = old.indexMatcher();
        if (m == null) {
            unindexed.remove(old);
        } else {
            Map<String, List<CompiledSilence>> values = byLabel.get(m.name());
            List<CompiledSilence> list = values.get(m.value());
            list.remove(old);
            if (list.isEmpty()) {
                values.remove(m.value());
                if (values.isEmpty()) {
                    byLabel.remove(m.name());
                }
            }
        }
    }

    /** The ids of silences that ended before {@code t} (they can never mute again). */
    public List<String> endedBefore(long t) {
        List<String> out = new ArrayList<>();
        for (CompiledSilence s : byId.values()) {
            if (s.endsAt() < t) {
                out.add(s.id());
            }
        }
        return out;
    }

    /** The id of a silence muting these labels at {@code t} (the first found), or null. */
    public String silencedBy(Map<String, String> labels, long t) {
        for (CompiledSilence s : unindexed) {
            if (s.mutes(labels, t)) {
                return s.id();
            }
        }
        if (byLabel.isEmpty()) {
            return null;
        }
        for (Iterator<Map.Entry<String, Map<String, List<CompiledSilence>>>> it = byLabel.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Map<String, List<CompiledSilence>>> e = it.next();
            String v = labels.get(e.getKey());
            if (v == null) {
                continue;
            }
            List<CompiledSilence> candidates = e.getValue().get(v);
            if (candidates != null) {
                for (CompiledSilence s : candidates) {
                    if (s.mutes(labels, t)) {
                        return s.id();
                    }
                }
            }
        }
        return null;
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}
