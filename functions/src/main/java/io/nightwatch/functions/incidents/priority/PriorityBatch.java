package io.nightwatch.functions.incidents.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch of ready items released most urgent first. Items of one key (one incident) keep their arrival order and
 * are released together, ranked by the first of them, so an incident's steps are never reordered.
 */
public final class PriorityBatch<T> {

    private final Comparator<? super T> order;
    private final Function<? super T, String> key;
    private final Map<String, List<T>> byKey = new LinkedHashMap<>();
    private int size;

    public PriorityBatch(Comparator<? super T> order, Function<? super T, String> key) {
        this.order = order;
        this.key = key;
    }

    public void add(T item) {
        byKey.computeIfAbsent(key.apply(item), k -> new ArrayList<>(1)).add(item);
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Every item, most urgent key first; empties the batch. */
    public List<T> drain() {
        List<List<T>> groups = new ArrayList<>(byKey.values());
        groups.sort((a, b) -> order.compare(a.get(0), b.get(0)));
        List<T> out = new ArrayList<>(size);
        for (List<T> g : groups) {
            out.addAll(g);
        }
        byKey.clear();
        size = 0;
        return out;
    }
}
