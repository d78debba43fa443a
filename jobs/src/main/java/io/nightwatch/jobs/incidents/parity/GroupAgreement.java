package io.nightwatch.jobs.incidents.parity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the notifications two systems sent, group by group: a group agrees when both sent the same sequence of
 * notifications (same receiver, same firing and same resolved alerts, in the same order). The agreement is the
 * share of agreeing groups among all groups either system notified.
 */
public record GroupAgreement(int groups, int agreeing, int leftNotifications, int rightNotifications, List<String> differences) {

    public double percent() {
        return groups == 0 ? 100.0 : 100.0 * agreeing / groups;
    }

    public static GroupAgreement of(List<SeenNotification> left, List<SeenNotification> right, int maxDifferences) {
        Map<String, List<String>> l = byGroup(left);
        Map<String, List<String>> r = byGroup(right);
        Set<String> all = new TreeSet<>(l.keySet());
        all.addAll(r.keySet());
        int agreeing = 0;
        List<String> diffs = new ArrayList<>();
        for (String g : all) {
            List<String> a = l.getOrDefault(g, List.of());
            List<String> b = r.getOrDefault(g, List.of());
            if (a.equals(b)) {
                agreeing++;
            } else if (diffs.size() < maxDifferences) {
                diffs.add(g + "\n    alertmanager: " + a + "\n    nightwatch:   " + b);
            }
        }
        return new GroupAgreement(all.size(), agreeing, left.size(), right.size(), diffs);
    }

    private static Map<String, List<String>> byGroup(List<SeenNotification> ns) {
        Map<String, List<SeenNotification>> grouped = new TreeMap<>();
        for (SeenNotification n : ns) {
            grouped.computeIfAbsent(n.groupKey(), k -> new ArrayList<>()).add(n);
        }
        Map<String, List<String>> out = new TreeMap<>();
        grouped.forEach((k, v) -> {
            v.sort(Comparator.comparingLong(SeenNotification::order));
            out.put(k, v.stream().map(SeenNotification::content).toList());
        });
        return out;
    }
}
