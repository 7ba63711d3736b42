package dev.kaizen.rememberer.memory.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a memory within its capacity: when it holds more records, the least useful go (fewest
 * visits, then least recently updated, then oldest), those the latest update did not touch first.
 * Immutable and thread-safe.
 */
public final class CapacityEviction {

    private final int capacity;

    /** @param capacity the most records kept, {@code >= 1} */
    public CapacityEviction(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Removes the records over capacity from {@code records} and returns them, in the order they went. */
    public Set<MemoryRecord> evictOverCapacity(MemoryRecords records) {
        int excess = records.size() - capacity;
        if (excess <= 0) {
            return Set.of();
        }
        long now = records.clock();
        List<MemoryRecord> order = new ArrayList<>(records.all());
        order.sort(Comparator.comparingInt((MemoryRecord r) -> r.touched() == now ? 1 : 0)
                .thenComparing(MemoryRecord.LEAST_USEFUL));
        Set<MemoryRecord> evicted = new LinkedHashSet<>();
        for (int i = 0; i < excess; i++) {
            MemoryRecord record = order.get(i);
            records.remove(record);
            evicted.add(record);
        }
        return evicted;
    }
}
