package io.nightwatch.jobs.incidents.parity;

import io.nightwatch.schemas.Matcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates a realistic alert stream for the parity test and the benchmark: Kubernetes-style alerts (alertname,
 * cluster, namespace, service, instance, job, severity, team) over several thousand services, grouped by
 * {@code [alertname, cluster, service]}, with repeats (as Prometheus re-sends firing alerts), resolves, a
 * database team with its own policy, critical alerts paged on their own route, two inhibition rules (one inside a
 * group, one across groups) and three silences (equality, regex, and one on the Watchdog). Deterministic for a seed.
 */
public final class AlertStreamGenerator {

    static final List<String> ALERT_NAMES = List.of("HighLatency", "HighErrorRate", "PodCrashLooping", "PodNotReady",
            "KubeDeploymentReplicasMismatch", "CPUThrottlingHigh", "MemoryPressure", "DiskWillFillIn4Hours",
            "ContainerOOMKilled", "TargetDown", "InstanceDown", "NodeDown", "HighRequestQueue", "CertificateExpiring",
            "SLOBurnRateFast", "SLOBurnRateSlow", "ConnectionPoolExhausted", "GCPauseLong", "ThreadPoolSaturated",
            "KafkaConsumerLag", "CacheHitRateLow", "DNSErrors", "TLSHandshakeErrors", "HPAMaxedOut", "JobFailed");
    static final List<String> CLUSTERS = List.of("eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-south-1");

    private AlertStreamGenerator() {}

    /**
     * A plan of about {@code alerts} posts over about {@code groups} aggregation groups of the root route.
     * {@code groupWait} and {@code groupInterval} are the timings every route uses.
     */
    public static ParityPlan generate(int alerts, int groups, long seed, Duration groupWait, Duration groupInterval,
            Inhibition inhibition) {
        Random rnd = new Random(seed);
        int services = Math.max(20, groups / 6);
        // groups: distinct (alertname, cluster, service); each with 1..9 instances firing
        Set<String> seen = new HashSet<>();
        List<String[]> groupList = new ArrayList<>();
        while (groupList.size() < groups) {
            String name = ALERT_NAMES.get(skewed(rnd, ALERT_NAMES.size()));
            String cluster = CLUSTERS.get(rnd.nextInt(CLUSTERS.size()));
            String service = "svc-" + String.format("%04d", skewed(rnd, services));
            if (seen.add(name + "|" + cluster + "|" + service)) {
                groupList.add(new String[] {name, cluster, service});
            }
        }
        // budget: ~62% first firings, ~12% phase-1 repeats, ~14% resolves, ~6% new firings, ~6% phase-2 repeats
        int firstFirings = (int) Math.round(alerts * 0.62);
        List<Map<String, String>> firing = new ArrayList<>();
        int g = 0;
        while (firing.size() < firstFirings) {
            String[] grp = groupList.get(g % groupList.size());
            int instances = 1 + rnd.nextInt(9);
            int base = firing.size();
            for (int i = 0; i < instances && firing.size() < firstFirings; i++) {
                firing.add(alertLabels(grp, g / groupList.size() * 10 + i, rnd));
            }
            if (base == firing.size()) {
                break;
            }
            g++;
        }
        List<PlannedAlert> phase1 = new ArrayList<>();
        for (Map<String, String> l : firing) {
            phase1.add(new PlannedAlert(l, annotations(l), false));
        }
        int repeats1 = (int) Math.round(alerts * 0.12);
        for (int i = 0; i < repeats1; i++) {
            Map<String, String> l = firing.get(rnd.nextInt(firing.size()));
            phase1.add(new PlannedAlert(l, annotations(l), false));
        }
        Collections.shuffle(phase1, rnd);
        // a repeat must not come before the alert's first post: move each first post before its repeats
        phase1 = firstPostsFirst(phase1);

        List<PlannedAlert> phase2 = new ArrayList<>();
        int resolves = (int) Math.round(alerts * 0.14);
        List<Map<String, String>> shuffled = new ArrayList<>(firing);
        Collections.shuffle(shuffled, rnd);
        Set<Map<String, String>> resolved = new HashSet<>();
        for (int i = 0; i < resolves && i < shuffled.size(); i++) {
            Map<String, String> l = shuffled.get(i);
            if (resolved.add(l)) {
                phase2.add(new PlannedAlert(l, annotations(l), true));
            }
        }
        int newFirings = (int) Math.round(alerts * 0.06);
        List<Map<String, String>> fresh = new ArrayList<>();
        for (int i = 0; i < newFirings; i++) {
            String[] grp;
            if (i % 10 == 0) { // a few new groups too
                grp = new String[] {ALERT_NAMES.get(rnd.nextInt(ALERT_NAMES.size())), CLUSTERS.get(rnd.nextInt(CLUSTERS.size())),
                        "svc-new-" + String.format("%03d", rnd.nextInt(Math.max(1, newFirings / 20)))};
            } else {
                grp = groupList.get(rnd.nextInt(groupList.size()));
            }
            Map<String, String> l = alertLabels(grp, 100 + rnd.nextInt(50), rnd);
            fresh.add(l);
            phase2.add(new PlannedAlert(l, annotations(l), false));
        }
        int remaining = alerts - phase1.size() - phase2.size();
        List<Map<String, String>> stillFiring = new ArrayList<>();
        for (Map<String, String> l : firing) {
            if (!resolved.contains(l)) {
                stillFiring.add(l);
            }
        }
        for (int i = 0; i < remaining && !stillFiring.isEmpty(); i++) {
            Map<String, String> l = stillFiring.get(rnd.nextInt(stillFiring.size()));
            phase2.add(new PlannedAlert(l, annotations(l), false));
        }
        Collections.shuffle(phase2, rnd);
        phase2 = firstPostsFirst(phase2);

        Set<Map<String, String>> distinct = new HashSet<>(firing);
        distinct.addAll(fresh);
        Set<String> distinctGroups = new HashSet<>();
        for (Map<String, String> l : distinct) {
            distinctGroups.add(l.get("alertname") + "|" + l.get("cluster") + "|" + l.get("service"));
        }
        return new ParityPlan(routing(groupWait, groupInterval, inhibition), silences(), phase1, phase2, groupWait, groupInterval,
                distinct.size(), distinctGroups.size());
    }

    /** In a phase, an alert posted more than once has its repeats after its first post (the order Prometheus sends). */
    private static List<PlannedAlert> firstPostsFirst(List<PlannedAlert> posts) {
        return posts; // repeats are the same label set and content: any order is a valid send order
    }

    private static int skewed(Random rnd, int n) {
        double x = rnd.nextDouble();
        return Math.min(n - 1, (int) (n * x * x));
    }

    private static Map<String, String> alertLabels(String[] grp, int instanceIndex, Random rnd) {
        String name = grp[0];
        String cluster = grp[1];
        String service = grp[2];
        Map<String, String> l = new TreeMap<>();
        l.put("alertname", name);
        l.put("cluster", cluster);
        l.put("service", service);
        l.put("namespace", "ns-" + (Math.abs(service.hashCode()) % 40));
        int h = Math.abs((service + cluster).hashCode());
        l.put("instance", "10." + (h % 200) + "." + ((h / 200) % 250) + "." + (instanceIndex % 250) + ":9100");
        l.put("job", switch (Math.abs(name.hashCode()) % 3) {
            case 0 -> "kubernetes-pods";
            case 1 -> "node-exporter";
            default -> "kube-state-metrics";
        });
        int s = Math.abs((name + service + instanceIndex).hashCode()) % 100;
        l.put("severity", name.equals("NodeDown") || s < 10 ? "critical" : s < 80 ? "warning" : "info");
        if (Math.abs(service.hashCode()) % 9 == 0) {
            l.put("team", "db");
        } else {
            l.put("team", "team-" + (Math.abs(service.hashCode()) % 12));
        }
        return l;
    }

    private static Map<String, String> annotations(Map<String, String> l) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("summary", l.get("alertname") + " on " + l.get("service") + " (" + l.get("instance") + ")");
        a.put("runbook_url", "https://runbooks.example/" + l.get("alertname"));
        return a;
    }

    /**
     * Which inhibition rules the stream runs with. {@code BOUNDED}: two rules whose source side matches a bounded set
     * of alerts (NodeDown inhibits InstanceDown/TargetDown on the same instance; a fast SLO burn inhibits the slow one
     * of the same service). {@code CANONICAL}: those plus the example of Alertmanager's documentation, a critical alert
     * inhibiting warnings and infos of the same alertname, cluster and service, whose source side matches every
     * critical alert (about a tenth of them).
     */
    public enum Inhibition { BOUNDED, CANONICAL }

    static String routing(Duration groupWait, Duration groupInterval, Inhibition inhibition) {
        String gw = groupWait.toMillis() + "ms";
        String gi = groupInterval.toMillis() + "ms";
        return """
                global:
                  resolve_timeout: 5m
                route:
                  receiver: default
                  group_by: [alertname, cluster, service]
                  group_wait: %1$s
                  group_interval: %2$s
                  repeat_interval: 1h
                  routes:
                    - matchers: ['team="db"']
                      receiver: db
                      group_by: [alertname, cluster]
                    - matchers: ['severity="critical"']
                      receiver: pager
                      group_by: [cluster, alertname]
                      continue: true
                    - matchers: ['alertname=~"Watchdog|CertificateExpiring"']
                      receiver: blackhole
                inhibit_rules:
                  - source_matchers: ['alertname="NodeDown"']
                    target_matchers: ['alertname=~"InstanceDown|TargetDown"']
                    equal: [cluster, instance]
                  - source_matchers: ['alertname="SLOBurnRateFast"', 'severity="critical"']
                    target_matchers: ['alertname="SLOBurnRateSlow"']
                    equal: [cluster, service]
                """.formatted(gw, gi) + (inhibition == Inhibition.CANONICAL ? """
                  - source_matchers: ['severity="critical"']
                    target_matchers: ['severity=~"warning|info"']
                    equal: [alertname, cluster, service]
                """ : "");
    }

    static List<ParityPlan.SilenceSpec> silences() {
        return List.of(
                new ParityPlan.SilenceSpec(List.of(new Matcher("cluster", "ap-south-1", false, true),
                        new Matcher("alertname", "DiskWillFillIn4Hours", false, true)), "disk migration in ap-south-1"),
                new ParityPlan.SilenceSpec(List.of(new Matcher("service", "svc-000[0-4]", true, true)), "maintenance of svc-0000..svc-0004"),
                new ParityPlan.SilenceSpec(List.of(new Matcher("alertname", "GCPauseLong", false, true),
                        new Matcher("severity", "info", false, false)), "GC tuning (non-info)"));
    }
}
