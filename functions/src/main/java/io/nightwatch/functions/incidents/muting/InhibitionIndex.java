package io.nightwatch.functions.incidents.muting;

import io.nightwatch.functions.incidents.config.InhibitRule;
import io.nightwatch.functions.incidents.grouping.AlertMerge;
import io.nightwatch.functions.incidents.model.AlertInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alertmanager's inhibitor over the source alerts seen so far: per rule, the sources indexed by the values of the
 * rule's {@code equal} labels. A target is inhibited at time t by a source that is firing at t (its newest version
 * ingested at or before t is not resolved at t), unless the target matches both sides and so does the source (an
 * alert cannot inhibit itself).
 */
public final class InhibitionIndex {

    private final List<InhibitRule> rules;
    private final Map<String, SourceVersions> sources = new HashMap<>();
    private final List<Map<String, Set<String>>> byRule = new ArrayList<>();

    public InhibitionIndex(List<InhibitRule> rules) {
        this.rules = rules;
        for (int i = 0; i < rules.size(); i++) {
            byRule.add(new HashMap<>());
        }
    }

    /** Records a version of a source alert (merged with the newest one, as the alert store does); returns its versions. */
    public SourceVersions put(AlertInstance alert) {
        SourceVersions sv = sources.get(alert.fingerprint());
        if (sv == null) {
            sv = new SourceVersions();
            sources.put(alert.fingerprint(), sv);
            for (int i = 0; i < rules.size(); i++) {
                InhibitRule r = rules.get(i);
                if (r.source().matches(alert.labels())) {
                    byRule.get(i).computeIfAbsent(r.equalKey(alert.labels()), k -> new LinkedHashSet<>()).add(alert.fingerprint());
                }
            }
        }
        List<AlertInstance> vs = sv.versions;
        AlertInstance merged = AlertMerge.put(vs.isEmpty() ? null : vs.get(vs.size() - 1), alert);
        int i = vs.size();
        while (i > 0 && vs.get(i - 1).receivedAt() > merged.receivedAt()) {
            i--;
        }
        vs.add(i, merged);
        return sv;
    }

    /** Restores a source from state (its versions are already merged). */
    public void restore(String fingerprint, SourceVersions sv) {
        if (sv.versions.isEmpty() || sources.containsKey(fingerprint)) {
            return;
        }
        SourceVersions copy = new SourceVersions(new ArrayList<>(sv.versions));
        sources.put(fingerprint, copy);
        Map<String, String> labels = copy.versions.get(0).labels();
        for (int i = 0; i < rules.size(); i++) {
            InhibitRule r = rules.get(i);
            if (r.source().matches(labels)) {
                byRule.get(i).computeIfAbsent(r.equalKey(labels), k -> new LinkedHashSet<>()).add(fingerprint);
            }
        }
    }

    /**
     * Forgets what can no longer matter once event time reached {@code watermark}: versions older than the newest
     * one at or before it, and sources resolved by then with no newer version. Returns the fingerprints whose
     * versions changed (to be written back) and those removed.
     */
    public Pruned prune(long watermark) {
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, SourceVersions> e : sources.entrySet()) {
            List<AlertInstance> vs = e.getValue().versions;
            int current = -1;
            for (int i = vs.size() - 1; i >= 0; i--) {
                if (vs.get(i).receivedAt() <= watermark) {
                    current = i;
                    break;
                }
            }
            if (current < 0) {
                continue;
            }
            if (current == vs.size() - 1 && vs.get(current).resolvedAt(watermark)) {
                removed.add(e.getKey());
            } else if (current > 0) {
                vs.subList(0, current).clear();
                changed.add(e.getKey());
            }
        }
        for (String fp : removed) {
            SourceVersions sv = sources.remove(fp);
            AlertInstance any = sv.versions.get(0);
            for (int i = 0; i < rules.size(); i++) {
                InhibitRule r = rules.get(i);
                if (r.source().matches(any.labels())) {
                    Map<String, Set<String>> idx = byRule.get(i);
                    String key = r.equalKey(any.labels());
                    Set<String> fps = idx.get(key);
                    if (fps != null) {
                        fps.remove(fp);
                        if (fps.isEmpty()) {
                            idx.remove(key);
                        }
                    }
                }
            }
        }
        return new Pruned(changed, removed);
    }

    /** What {@link #prune} changed. */
    public record Pruned(List<String> changed, List<String> removed) {}

    public SourceVersions versions(String fingerprint) {
        return sources.get(fingerprint);
    }

    /** The fingerprint of a source inhibiting {@code target} at {@code t}, or null. */
    public String inhibitedBy(AlertInstance target, long t) {
        Map<String, String> labels = target.labels();
        for (int i = 0; i < rules.size(); i++) {
            InhibitRule r = rules.get(i);
            if (!r.target().matches(labels)) {
                continue;
            }
            Set<String> candidates = byRule.get(i).get(r.equalKey(labels));
            if (candidates == null) {
                continue;
            }
            boolean twoSided = r.source().matches(labels);
            for (String fp : candidates) {
                SourceVersions sv = sources.get(fp);
                AlertInstance v = versionAt(sv, t);
                if (v == null || v.resolvedAt(t)) {
                    continue;
                }
                if (twoSided && r.target().matches(v.labels())) {
                    continue;
                }
                return fp;
            }
        }
        return null;
    }

    private static AlertInstance versionAt(SourceVersions sv, long t) {
        if (sv == null) {
            return null;
        }
        for (int i = sv.versions.size() - 1; i >= 0; i--) {
            if (sv.versions.get(i).receivedAt() <= t) {
                return sv.versions.get(i);
            }
        }
        return null;
    }

    public int size() {
        return sources.size();
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }
}
