package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of the routing tree (a notification policy), as in Alertmanager: matchers, receiver, how alerts are
 * grouped ({@code group_by}, or every label with {@code ...}), the group timings, {@code continue}, children.
 * Unset settings are inherited from the parent when the tree is built.
 */
public final class Route implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final String key;
    private final String receiver;
    private final Matchers matchers;
    private final List<String> groupBy;
    private final boolean groupByAll;
    private final Duration groupWait;
    private final Duration groupInterval;
    private final Duration repeatInterval;
    private final boolean continueMatching;
    private final List<Route> children = new ArrayList<>();

    Route(int index, String key, String receiver, Matchers matchers, List<String> groupBy, boolean groupByAll,
            Duration groupWait, Duration groupInterval, Duration repeatInterval, boolean continueMatching) {
        this.index = index;
        this.key = key;
        this.receiver = receiver;
        this.matchers = matchers;
        this.groupBy = List.copyOf(groupBy);
        this.groupByAll = groupByAll;
        this.groupWait = groupWait;
        this.groupInterval = groupInterval;
        this.repeatInterval = repeatInterval;
        this.continueMatching = continueMatching;
    }

    void addChild(Route child) {
        children.add(child);
    }

    /** Position in the tree (depth first, root = 0): stable for one configuration. */
    public int index() {
        return index;
    }

    /** Alertmanager's route key: the parent's key, '/', and this route's sorted matchers ({@code {}} for the root). */
    public String key() {
        return key;
    }

    public String receiver() {
        return receiver;
    }

    public Matchers matchers() {
        return matchers;
    }

    public List<String> groupBy() {
        return groupBy;
    }

    public boolean groupByAll() {
        return groupByAll;
    }

    public Duration groupWait() {
        return groupWait;
    }

    public Duration groupInterval() {
        return groupInterval;
    }

    public Duration repeatInterval() {
        return repeatInterval;
    }

    public boolean continueMatching() {
        return continueMatching;
    }

    public List<Route> children() {
        return Collections.unmodifiableList(children);
    }

    /**
     * The routes an alert goes to (Alertmanager's {@code Route.Match}): none if this route's matchers fail;
     * otherwise the matching descendants (stopping at the first matching child unless it has {@code continue}),
     * or this route itself when no child matches.
     */
    void match(Map<String, String> labels, List<Route> out) {
        if (!matchers.matches(labels)) {
            return;
        }
        int before = out.size();
        for (Route child : children) {
            int size = out.size();
            child.match(labels, out);
            if (out.size() > size && !child.continueMatching) {
                break;
            }
        }
        if (out.size() == before) {
            out.add(this);
        }
    }

    /** The alert's group labels on this route: the {@code group_by} labels it has (all labels with {@code ...}). */
    public Map<String, String> groupLabels(Map<String, String> labels) {
        TreeMap<String, String> out = new TreeMap<>();
        if (groupByAll) {
            out.putAll(labels);
            return out;
        }
        for (String name : groupBy) {
            String v = labels.get(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    /** Alertmanager's group key: {@code <route key>:<group labels>}, e.g. {@code {}/{team="db"}:{alertname="X"}}. */
    public String groupKey(Map<String, String> groupLabels) {
        return key + ":" + LabelSets.toString(groupLabels);
    }

    @Override
    public String toString() {
        return "Route[" + index + " " + key + " -> " + receiver + "]";
    }
}
