package io.nightwatch.functions.incidents.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the incidents configuration: an Alertmanager configuration file ({@code global.resolve_timeout},
 * {@code route}, {@code inhibit_rules}, {@code receivers} by name; integration settings and templates are
 * ignored) with an optional {@code nightwatch:} section (convergence rules, priority). YAML or JSON. Every error
 * names the path of the offending setting, e.g. {@code route.routes[1].group_wait: not a duration: 5x}.
 */
public final class IncidentsConfigParser {

    static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
    static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);

    private static final Set<String> TOP = Set.of("global", "route", "inhibit_rules", "receivers", "templates",
            "time_intervals", "mute_time_intervals", "nightwatch");
    private static final Set<String> ROUTE = Set.of("receiver", "group_by", "continue", "matchers", "match", "match_re",
            "group_wait", "group_interval", "repeat_interval", "routes", "mute_time_intervals", "active_time_intervals");
    private static final Set<String> INHIBIT = Set.of("source_matchers", "target_matchers", "source_match",
            "source_match_re", "target_match", "target_match_re", "equal");
    private static final Set<String> NIGHTWATCH = Set.of("convergence", "priority");
    private static final Set<String> CONVERGENCE = Set.of("name", "matchers", "dimensions", "window", "count",
            "function", "approval_timeout");
    private static final Set<String> PRIORITY = Set.of("label", "order", "batch_size", "batch_delay");

    private final String source;
    private int nextRouteIndex;

    private IncidentsConfigParser(String source) {
        this.source = source;
    }

    /** Reads and parses a file; a missing or unreadable file is an {@link InvalidConfigException} too. */
    public static IncidentsConfig parseFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses configuration text; {@code source} names it in error messages. */
    public static IncidentsConfig parse(String text, String source) {
        return new IncidentsConfigParser(source).parseText(text);
    }

    private IncidentsConfig parseText(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw fail("not valid YAML or JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw fail("expected a mapping with at least a 'route' section");
        }
        checkKeys(root, TOP, "");
        Duration resolveTimeout = DEFAULT_RESOLVE_TIMEOUT;
        JsonNode global = root.get("global");
        if (global != null && !global.isNull()) {
            if (!global.isObject()) {
                throw fail("global: expected a mapping");
            }
            if (global.has("resolve_timeout")) {
                resolveTimeout = duration(global.get("resolve_timeout"), "global.resolve_timeout");
            }
        }
        Set<String> receivers = receivers(root.get("receivers"));
        JsonNode routeNode = root.get("route");
        if (routeNode == null || !routeNode.isObject()) {
            throw fail("route: missing (the root of the routing tree, with at least a receiver)");
        }
        Route rootRoute = route(routeNode, "route", null, receivers);
        List<InhibitRule> inhibit = inhibitRules(root.get("inhibit_rules"));
        List<ConvergenceRule> convergence = List.of();
        PrioritySettings priority = PrioritySettings.DEFAULT;
        JsonNode nw = root.get("nightwatch");
        if (nw != null && !nw.isNull()) {
            if (!nw.isObject()) {
                throw fail("nightwatch: expected a mapping");
            }
            checkKeys(nw, NIGHTWATCH, "nightwatch.");
            convergence = convergenceRules(nw.get("convergence"));
            priority = priority(nw.get("priority"));
        }
        return new IncidentsConfig(new RouteTree(rootRoute), inhibit, resolveTimeout, convergence, priority);
    }

    private Set<String> receivers(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw fail("receivers: expected a list");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String name = r == null ? null : text(r.get("name"), "receivers[" + i + "].name", false);
            if (name == null || name.isEmpty()) {
                throw fail("receivers[" + i + "].name: missing");
            }
            if (!names.add(name)) {
                throw fail("receivers[" + i + "].name: duplicate receiver '" + name + "'");
            }
        }
        return names;
    }

    private Route route(JsonNode node, String path, Route parent, Set<String> receivers) {
        checkKeys(node, ROUTE, path + ".");
        for (String unsupported : List.of("mute_time_intervals", "active_time_intervals")) {
            if (node.has(unsupported) && node.get(unsupported).size() > 0) {
                throw fail(path + "." + unsupported + ": time intervals are not supported by Nightwatch");
            }
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        matchers.addAll(matcherLines(node.get("matchers"), path + ".matchers"));
        matchers.addAll(legacy(node.get("match"), path + ".match", MatchType.EQUAL));
        matchers.addAll(legacy(node.get("match_re"), path + ".match_re", MatchType.REGEX));
        Matchers ms = Matchers.of(matchers);
        if (parent == null && !ms.isEmpty()) {
            throw fail(path + ": the root route must not have matchers");
        }
        if (parent == null && node.has("continue") && node.get("continue").asBoolean()) {
            throw fail(path + ".continue: the root route cannot have 'continue'");
        }
        String receiver = text(node.get("receiver"), path + ".receiver", true);
        if (receiver == null) {
            if (parent == null) {
                throw fail(path + ".receiver: the root route needs a receiver");
            }
            receiver = parent.receiver();
        }
        if (receivers != null && !receivers.contains(receiver)) {
            throw fail(path + ".receiver: no receiver named '" + receiver + "' in receivers");
        }
        List<String> groupBy = parent == null ? List.of() : parent.groupBy();
        boolean groupByAll = parent != null && parent.groupByAll();
        JsonNode gb = node.get("group_by");
        if (gb != null && !gb.isNull()) {
            if (!gb.isArray()) {
                throw fail(path + ".group_by: expected a list of label names");
            }
            List<String> names = new ArrayList<>();
            groupByAll = false;
            for (int i = 0; i < gb.size(); i++) {
                String name = text(gb.get(i), path + ".group_by[" + i + "]", false);
                if (name.equals("...")) {
                    groupByAll = true;
                } else {
                    checkLabelName(name, path + ".group_by[" + i + "]");
                    names.add(name);
                }
            }
            if (groupByAll && !names.isEmpty()) {
                throw fail(path + ".group_by: '...' groups by every label and cannot be combined with names");
            }
            if (new LinkedHashSet<>(names).size() != names.size()) {
                throw fail(path + ".group_by: duplicate label name");
            }
            groupBy = names;
        }
        Duration groupWait = node.has("group_wait") ? duration(node.get("group_wait"), path + ".group_wait")
                : parent == null ? DEFAULT_GROUP_WAIT : parent.groupWait();
        Duration groupInterval = node.has("group_interval") ? duration(node.get("group_interval"), path + ".group_interval")
                : parent == null ? DEFAULT_GROUP_INTERVAL : parent.groupInterval();
        Duration repeatInterval = node.has("repeat_interval") ? duration(node.get("repeat_interval"), path + ".repeat_interval")
                : parent == null ? DEFAULT_REPEAT_INTERVAL : parent.repeatInterval();
        if (groupInterval.isZero()) {
            throw fail(path + ".group_interval: cannot be zero");
        }
        if (repeatInterval.isZero()) {
            throw fail(path + ".repeat_interval: cannot be zero");
        }
        boolean cont = node.has("continue") && bool(node.get("continue"), path + ".continue");
        String key = parent == null ? ms.toString() : parent.key() + "/" + ms;
        Route route = new Route(nextRouteIndex++, key, receiver, ms, groupBy, groupByAll, groupWait, groupInterval,
                repeatInterval, cont);
        JsonNode children = node.get("routes");
        if (children != null && !children.isNull()) {
            if (!children.isArray()) {
                throw fail(path + ".routes: expected a list of routes");
            }
            for (int i = 0; i < children.size(); i++) {
                JsonNode c = children.get(i);
                if (c == null || !c.isObject()) {
                    throw fail(path + ".routes[" + i + "]: expected a mapping");
                }
                route.addChild(route(c, path + ".routes[" + i + "]", route, receivers));
            }
        }
        return route;
    }

    private List<InhibitRule> inhibitRules(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw fail("inhibit_rules: expected a list");
        }
        List<InhibitRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "inhibit_rules[" + i + "]";
            JsonNode r = node.get(i);
            if (r == null || !r.isObject()) {
                throw fail(path + ": expected a mapping");
            }
            checkKeys(r, INHIBIT, path + ".");
            List<LabelMatcher> source = new ArrayList<>(matcherLines(r.get("source_matchers"), path + ".source_matchers"));
            source.addAll(legacy(r.get("source_match"), path + ".source_match", MatchType.EQUAL));
            source.addAll(legacy(r.get("source_match_re"), path + ".source_match_re", MatchType.REGEX));
            List<LabelMatcher> target = new ArrayList<>(matcherLines(r.get("target_matchers"), path + ".target_matchers"));
            target.addAll(legacy(r.get("target_match"), path + ".target_match", MatchType.EQUAL));
            target.addAll(legacy(r.get("target_match_re"), path + ".target_match_re", MatchType.REGEX));
            List<String> equal = new ArrayList<>();
            JsonNode eq = r.get("equal");
            if (eq != null && !eq.isNull()) {
                if (!eq.isArray()) {
                    throw fail(path + ".equal: expected a list of label names");
                }
                for (int j = 0; j < eq.size(); j++) {
                    String name = text(eq.get(j), path + ".equal[" + j + "]", false);
                    checkLabelName(name, path + ".equal[" + j + "]");
                    equal.add(name);
                }
            }
            rules.add(new InhibitRule(i, Matchers.of(source), Matchers.of(target), equal));
        }
        return rules;
    }

    private List<ConvergenceRule> convergenceRules(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw fail("nightwatch.convergence: expected a list of rules");
        }
        List<ConvergenceRule> rules = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "nightwatch.convergence[" + i + "]";
            JsonNode r = node.get(i);
            if (r == null || !r.isObject()) {
                throw fail(path + ": expected a mapping");
            }
            checkKeys(r, CONVERGENCE, path + ".");
            String name = text(r.get("name"), path + ".name", true);
            if (name == null || name.isBlank()) {
                name = "rule-" + i;
            }
            if (name.contains("|")) {
                throw fail(path + ".name: may not contain '|'");
            }
            if (!names.add(name)) {
                throw fail(path + ".name: duplicate rule name '" + name + "'");
            }
            Matchers matchers = Matchers.of(matcherLines(r.get("matchers"), path + ".matchers"));
            List<String> dims = new ArrayList<>();
            JsonNode d = r.get("dimensions");
            if (d == null || !d.isArray() || d.isEmpty()) {
                throw fail(path + ".dimensions: expected a non-empty list of label names (what peers share, e.g. [service])");
            }
            for (int j = 0; j < d.size(); j++) {
                String dim = text(d.get(j), path + ".dimensions[" + j + "]", false);
                checkLabelName(dim, path + ".dimensions[" + j + "]");
                dims.add(dim);
            }
            Duration window = r.has("window") ? duration(r.get("window"), path + ".window") : Duration.ofMinutes(5);
            if (window.isZero()) {
                throw fail(path + ".window: cannot be zero");
            }
            int count = 3;
            if (r.has("count")) {
                JsonNode c = r.get("count");
                if (!c.canConvertToInt() || !c.isIntegralNumber() || c.asInt() < 1) {
                    throw fail(path + ".count: expected a whole number of at least 1, got " + c);
                }
                count = c.asInt();
            }
            ConvergeFunction function;
            try {
                function = ConvergeFunction.parse(text(r.get("function"), path + ".function", false));
            } catch (InvalidConfigException e) {
                throw fail(path + ".function: " + e.getMessage());
            }
            Duration approval = r.has("approval_timeout") ? duration(r.get("approval_timeout"), path + ".approval_timeout")
                    : Duration.ofMinutes(30);
            rules.add(new ConvergenceRule(name, matchers, dims, window, count, function, approval));
        }
        return rules;
    }

    private PrioritySettings priority(JsonNode node) {
        if (node == null || node.isNull()) {
            return PrioritySettings.DEFAULT;
        }
        if (!node.isObject()) {
            throw fail("nightwatch.priority: expected a mapping");
        }
        checkKeys(node, PRIORITY, "nightwatch.priority.");
        PrioritySettings d = PrioritySettings.DEFAULT;
        String label = node.has("label") ? text(node.get("label"), "nightwatch.priority.label", false) : d.label();
        checkLabelName(label, "nightwatch.priority.label");
        List<String> order = d.order();
        if (node.has("order")) {
            JsonNode o = node.get("order");
            if (!o.isArray() || o.isEmpty()) {
                throw fail("nightwatch.priority.order: expected a non-empty list of values, most urgent first");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < o.size(); i++) {
                values.add(text(o.get(i), "nightwatch.priority.order[" + i + "]", false));
            }
            order = values;
        }
        int size = d.batchSize();
        if (node.has("batch_size")) {
            JsonNode s = node.get("batch_size");
            if (!s.isIntegralNumber() || s.asInt() < 1) {
                throw fail("nightwatch.priority.batch_size: expected a whole number of at least 1, got " + s);
            }
            size = s.asInt();
        }
        Duration delay = node.has("batch_delay") ? duration(node.get("batch_delay"), "nightwatch.priority.batch_delay")
                : d.batchDelay();
        return new PrioritySettings(label, order, size, delay);
    }

    private List<LabelMatcher> matcherLines(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (node.isTextual()) {
            lines.add(node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                lines.add(text(node.get(i), path + "[" + i + "]", false));
            }
        } else {
            throw fail(path + ": expected a list of matchers such as 'severity=\"critical\"'");
        }
        List<LabelMatcher> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                out.addAll(MatcherParser.parse(lines.get(i)));
            } catch (InvalidConfigException e) {
                throw fail(path + (node.isArray() ? "[" + i + "]" : "") + ": " + e.getMessage());
            }
        }
        return out;
    }

    private List<LabelMatcher> legacy(JsonNode node, String path, MatchType type) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw fail(path + ": expected a mapping of label name to value");
        }
        List<LabelMatcher> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            checkLabelName(e.getKey(), path + "." + e.getKey());
            try {
                out.add(LabelMatcher.of(e.getKey(), type, text(e.getValue(), path + "." + e.getKey(), false)));
            } catch (InvalidConfigException ex) {
                throw fail(path + "." + e.getKey() + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private Duration duration(JsonNode node, String path) {
        String text = text(node, path, false);
        try {
            return Durations.parse(text);
        } catch (InvalidConfigException e) {
            throw fail(path + ": " + e.getMessage());
        }
    }

    private boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw fail(path + ": expected true or false, got " + node);
        }
        return node.asBoolean();
    }

    private String text(JsonNode node, String path, boolean optional) {
        if (node == null || node.isNull()) {
            if (optional) {
                return null;
            }
            throw fail(path + ": missing");
        }
        if (!node.isValueNode() || node.isBinary()) {
            throw fail(path + ": expected a text value, got " + node);
        }
        return node.asText();
    }

    private void checkKeys(JsonNode node, Set<String> known, String prefix) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!known.contains(k)) {
                throw fail(prefix + k + ": unknown setting; known here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private void checkLabelName(String name, String path) {
        if (name == null || !name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw fail(path + ": not a valid label name: '" + name + "'");
        }
    }

    private InvalidConfigException fail(String message) {
        return new InvalidConfigException(source + ": " + message);
    }
}
