package io.nightwatch.functions.incidents.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

class PriorityBatchTest {

    record Item(String key, int priority, int seq) {}

    @Test
    void releasesTheMostUrgentFirstAndKeepsEachKeysItemsInArrivalOrder() {
        PriorityBatch<Item> batch = new PriorityBatch<>(Comparator.comparingInt(Item::priority), Item::key);
        batch.add(new Item("warn", 2, 1));
        batch.add(new Item("crit", 0, 2));
        batch.add(new Item("warn", 0, 3)); // the same incident later became critical: stays behind its first step
        batch.add(new Item("info", 3, 4));
        assertThat(batch.drain()).extracting(Item::seq).containsExactly(2, 1, 3, 4);
        assertThat(batch.isEmpty()).isTrue();
    }
}
