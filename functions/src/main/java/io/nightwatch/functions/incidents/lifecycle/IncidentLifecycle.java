package io.nightwatch.functions.incidents.lifecycle;

import com.fasterxml.jackson.core.JsonGenerator;
import io.nightwatch.functions.incidents.config.ConvergenceRule;
import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.config.PrioritySettings;
import io.nightwatch.functions.incidents.grouping.IncidentIds;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.Notification;
import io.nightwatch.functions.incidents.model.NotificationKind;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a group's notification means for its incident: the incident's headline (service, title, severity and
 * priority, instances, common labels), its event in the log ({@code OPENED}, {@code NOTIFIED} or {@code RESOLVED},
 * with the alerts' fingerprints and, the first time an alert appears, its labels), and its row.
 */
public final class IncidentLifecycle {

    /** Instances listed on an incident at most (the count is always exact). */
    static final int MAX_INSTANCES = 200;

    private IncidentLifecycle() {}

    /** The convergence key of an incident opening with these labels (its rule's key, or its own id when none applies). */
    public static String convergenceKey(IncidentsConfig config, Map<String, String> labels, String incidentId) {
        ConvergenceRule rule = config.convergenceFor(labels);
        return rule == null ? "incident|" + incidentId : rule.keyOf(labels);
    }

    /** The labels an incident is judged by: its common labels overlaid with its group labels. */
    public static Map<String, String> incidentLabels(Notification n) {
        Map<String, String> labels = new HashMap<>(commonLabels(n));
        labels.putAll(n.groupLabels());
        return labels;
    }

    /** The update flowing downstream for a notification. */
    public static IncidentUpdate update(Notification n, PrioritySettings priority, String convergenceKey) {
        Map<String, String> common = commonLabels(n);
        String service = n.groupLabels().get("service");
        if (service == null) {
            service = common.get("service");
        }
        List<AlertInstance> basis = n.firing().isEmpty() ? n.resolved() : n.firing();
        String severity = null;
        int rank = Integer.MAX_VALUE;
        for (AlertInstance a : basis) {
            String s = a.labels().get(priority.label());
            int r = priority.rankOfValue(s);
            if (s != null && (r < rank || (r == rank && severity != null && s.compareTo(severity) < 0))) {
                rank = r;
                severity = s;
            }
        }
        int prio = priority.rankOfValue(severity);
        TreeSet<String> instances = new TreeSet<>();
        for (AlertInstance a : n.firing()) {
            String i = a.labels().get("instance");
            if (i != null) {
                instances.add(i);
            }
        }
        List<String> instanceList = new ArrayList<>(instances);
        if (instanceList.size() > MAX_INSTANCES) {
            instanceList = new ArrayList<>(instanceList.subList(0, MAX_INSTANCES));
        }
        return new IncidentUpdate(n.incidentId(), n.kind(), n.repeat(), false, n.groupKey(), n.receiver(), n.at(),
                n.openedAt(), n.sequence(), service, title(n, common, service), severity, prio,
                new TreeMap<>(n.groupLabels()), common, instanceList, fingerprints(n.firing()), fingerprints(n.resolved()),
                n.muted().size(), description(basis), convergenceKey, null, null, null, null, null);
    }

    /** The event-log entry of a notification. */
    public static IncidentEvent event(Notification n, IncidentUpdate u) {
        IncidentEventType type = switch (n.kind()) {
            case OPENED -> IncidentEventType.OPENED;
            case NOTIFIED -> IncidentEventType.NOTIFIED;
            case RESOLVED, CLOSED -> IncidentEventType.RESOLVED;
        };
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("receiver", n.receiver());
        attributes.put("sequence", Integer.toString(n.sequence()));
        attributes.put("firing", Integer.toString(n.firing().size()));
        attributes.put("resolved", Integer.toString(n.resolved().size()));
        attributes.put("muted", Integer.toString(n.muted().size()));
        if (n.repeat()) {
            attributes.put("repeat", "true");
        }
        if (n.kind() == NotificationKind.CLOSED) {
            attributes.put("reason", "the group emptied while its remaining alerts were muted");
        }
        List<String> fps = new ArrayList<>(u.firing());
        fps.addAll(u.resolved());
        return new IncidentEvent(IncidentIds.event(n.incidentId(), type.name(), n.at(), null), n.incidentId(), type,
                Instant.ofEpochMilli(n.at()), u.service(), u.title(), u.severity(), n.groupKey(), fps, attributes, detail(n));
    }

    /** The row an update leaves (every field of a group incident's headline). */
    public static IncidentRow row(IncidentUpdate u) {
        boolean closes = u.closes();
        return new IncidentRow(u.incidentId(), u.summary() ? "summary" : "group", u.service(), u.title(), u.severity(),
                u.priority(), closes ? "resolved" : "open", u.groupKey(), u.receiver(),
                u.release() == null ? null : u.release().release(), u.firing().size() + u.resolved().size(),
                u.firing().size(), u.groupLabels(), u.instances(), u.description(), u.convergence(), u.convergedInto(),
                u.convergenceKey(), u.sequence(), u.openedAt(), u.at(), closes ? u.at() : null, u.at());
    }

    /** A row that only records a convergence decision taken at {@code at} (approval, rejection, expiry). */
    public static IncidentRow decisionRow(IncidentUpdate u, String convergence, long at) {
        return new IncidentRow(u.incidentId(), null, null, u.title(), null, null, null, null, null, null, null, null,
                null, null, null, convergence, null, null, null, u.openedAt(), at, null, null);
    }

    /** Labels with the same value on every alert of the notification. */
    static Map<String, String> commonLabels(Notification n) {
        List<AlertInstance> all = new ArrayList<>(n.firing());
        all.addAll(n.resolved());
        if (all.isEmpty()) {
            return new TreeMap<>(n.groupLabels());
        }
        Map<String, String> common = new TreeMap<>(all.get(0).labels());
        for (int i = 1; i < all.size() && !common.isEmpty(); i++) {
            Map<String, String> l = all.get(i).labels();
            common.entrySet().removeIf(e -> !e.getValue().equals(l.get(e.getKey())));
        }
        return common;
    }

    static String title(Notification n, Map<String, String> common, String service) {
        String name = n.groupLabels().get("alertname");
        if (name == null) {
            name = common.get("alertname");
        }
        if (name == null) {
            name = "Alerts";
        }
        if (service != null) {
            return name + " on " + service;
        }
        Map<String, String> rest = new TreeMap<>(n.groupLabels());
        rest.remove("alertname");
        if (rest.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append(" on ");
        boolean first = true;
        for (Map.Entry<String, String> e : rest.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    static String description(List<AlertInstance> alerts) {
        return alerts.stream()
                .sorted(Comparator.comparing(AlertInstance::fingerprint))
                .map(a -> a.annotations().getOrDefault("summary", a.annotations().get("description")))
                .filter(s -> s != null && !s.isBlank())
                .findFirst().orElse(null);
    }

    private static List<String> fingerprints(List<AlertInstance> alerts) {
        List<String> out = new ArrayList<>(alerts.size());
        for (AlertInstance a : alerts) {
            out.add(a.fingerprint());
        }
        out.sort(null);
        return out;
    }

    /** Summaries longer than this are cut in the event log. */
    static final int MAX_SUMMARY = 300;

    /**
     * The notification's detail: fingerprints of the firing, resolved and muted alerts (with the reason) and, for alerts
     * the log has not shown yet, their labels beyond the group's, summary, times and source link. Written with a
     * streaming generator: this runs for every notification.
     */
    static String detail(Notification n) {
        StringWriter w = new StringWriter(256 + 160 * n.newlyNotified().size());
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("firing");
            for (String fp : fingerprints(n.firing())) {
                g.writeString(fp);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("resolved");
            for (String fp : fingerprints(n.resolved())) {
                g.writeString(fp);
            }
            g.writeEndArray();
            if (!n.muted().isEmpty()) {
                g.writeObjectFieldStart("muted");
                for (Map.Entry<String, String> e : new TreeMap<>(n.muted()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            if (!n.newlyNotified().isEmpty()) {
                Set<String> wanted = new HashSet<>(n.newlyNotified());
                List<AlertInstance> all = new ArrayList<>(n.firing());
                all.addAll(n.resolved());
                all.sort(Comparator.comparing(AlertInstance::fingerprint));
                g.writeObjectFieldStart("alerts");
                for (AlertInstance a : all) {
                    if (wanted.contains(a.fingerprint())) {
                        alert(g, a, n);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void alert(JsonGenerator g, AlertInstance a, Notification n) throws IOException {
        g.writeObjectFieldStart(a.fingerprint());
        g.writeObjectFieldStart("labels");
        for (Map.Entry<String, String> e : new TreeMap<>(a.labels()).entrySet()) {
            if (!e.getValue().equals(n.groupLabels().get(e.getKey()))) {
                g.writeStringField(e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
        String summary = a.annotations().getOrDefault("summary", a.annotations().get("description"));
        if (summary != null && !summary.isEmpty()) {
            g.writeStringField("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) + "…" : summary);
        }
        g.writeStringField("startsAt", Instant.ofEpochMilli(a.startsAt()).toString());
        if (a.resolvedAt(n.at())) {
            g.writeStringField("endsAt", Instant.ofEpochMilli(a.endsAt()).toString());
        }
        if (a.generatorUrl() != null) {
            g.writeStringField("generatorUrl", a.generatorUrl());
        }
        g.writeEndObject();
    }
}
