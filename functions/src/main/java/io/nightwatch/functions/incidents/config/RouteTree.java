package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The routing tree: which notification policies (routes) an alert goes to, by its labels. */
public final class RouteTree implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Route root;
    private final List<Route> byIndex;

    RouteTree(Route root) {
        this.root = root;
        List<Route> all = new ArrayList<>();
        collect(root, all);
        all.sort((a, b) -> Integer.compare(a.index(), b.index()));
        this.byIndex = Collections.unmodifiableList(all);
    }

    private static void collect(Route r, List<Route> out) {
        out.add(r);
        for (Route c : r.children()) {
            collect(c, out);
        }
    }

    public Route root() {
        return root;
    }

    /** Every route, by index. */
    public List<Route> routes() {
        return byIndex;
    }

    /** The route with this index, or null when the configuration has no such route any more. */
    public Route route(int index) {
        return index >= 0 && index < byIndex.size() ? byIndex.get(index) : null;
    }

    /** The routes an alert with these labels goes to (at least the root, which matches everything). */
    public List<Route> match(Map<String, String> labels) {
        List<Route> out = new ArrayList<>(2);
        root.match(labels, out);
        return out;
    }
}
