package dev.kaizen.rememberer.memory.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a memory holds, on the heap for updates and exact scoring: by key and by id, with
 * the {@link InstructionTermCounts} of their instructions, the id the next new record gets and the
 * update clock. Every change to which records are held advances {@link #generation()}, so that
 * results derived from the records can tell when they are out of date. Not thread-safe.
 */
public final class MemoryRecords {

    private final Map<String, MemoryRecord> byKey = new HashMap<>();
    private final Map<Long, MemoryRecord> byId = new HashMap<>();
    private final InstructionTermCounts termCounts = new InstructionTermCounts();
    private long generation;
    private long nextId = 1;
    private long clock;

    /** The record of the state (instruction, observation text), or null. */
    public MemoryRecord get(String instruction, String observationText) {
        return byKey.get(MemoryRecord.key(instruction, observationText));
    }

    /** The record with {@code id}, or null. */
    public MemoryRecord byId(long id) {
        return byId.get(id);
    }

    /** Every record, in no particular order (a read-only view). */
    public Collection<MemoryRecord> all() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    /** Every record, oldest (lowest id) first. */
    public List<MemoryRecord> sortedById() {
        List<MemoryRecord> records = new ArrayList<>(byId.values());
        records.sort(Comparator.comparingLong(MemoryRecord::id));
        return records;
    }

    public int size() {
        return byKey.size();
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** Holds {@code record} (its key must be new). */
    public MemoryRecord add(MemoryRecord record) {
        generation++;
        byKey.put(record.key(), record);
        byId.put(record.id(), record);
        termCounts.add(record.terms());
        return record;
    }

    /** Stops holding {@code record}. */
    public void remove(MemoryRecord record) {
        generation++;
        byKey.remove(record.key());
        byId.remove(record.id());
        termCounts.remove(record.terms());
    }

    /** Holds exactly {@code records} (as read from an index), with the counters stored with them. */
    public void replaceWith(List<MemoryRecord> records, long nextId, long clock) {
        generation++;
        byKey.clear();
        byId.clear();
        termCounts.clear();
        records.forEach(this::add);
        this.nextId = nextId;
        this.clock = clock;
    }

    /** Advances with every change to which records are held. */
    public long generation() {
        return generation;
    }

    /** The statistics of the held records' instructions. */
    public InstructionTermCounts termCounts() {
        return termCounts;
    }

    /** The id the next new record gets. */
    public long nextId() {
        return nextId;
    }

    /** Takes the next record id. */
    public long newId() {
        return nextId++;
    }

    /** The update clock: the number of the latest update. */
    public long clock() {
        return clock;
    }

    /** Starts the next update: advances the clock and returns it. */
    public long tick() {
        return ++clock;
    }
}
