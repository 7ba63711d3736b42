package dev.kaizen.rememberer.memory.record;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.ActionValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record of the memory: the state (instruction, observation) and the actions tried there.
 * Mutable; held by one {@link MemoryRecords} and used from its thread.
 */
public final class MemoryRecord {

    /** Fewest visits first, then least recently updated, then oldest action text order. */
    private static final Comparator<ActionEntry> LEAST_USEFUL_ACTION = Comparator.comparingInt(ActionEntry::visits)
            .thenComparingLong(ActionEntry::touched)
            .thenComparing(e -> e.action().text());

    /** Fewest visits first, then least recently updated, then oldest. */
    static final Comparator<MemoryRecord> LEAST_USEFUL = Comparator.comparingLong(MemoryRecord::visits)
            .thenComparingLong(MemoryRecord::touched)
            .thenComparingLong(MemoryRecord::id);

    private final long id;
    private final String key;
    private final String instruction;
    private final Observation observation;
    private final InstructionTerms terms;
    private final Map<String, ActionEntry> actions = new LinkedHashMap<>();
    private long touched;
    private long visits;

    public MemoryRecord(long id, String instruction, Observation observation, InstructionTerms terms, long touched) {
        this.id = id;
        this.instruction = requireNonNull(instruction, "instruction is null");
        this.observation = requireNonNull(observation, "observation is null");
        this.terms = requireNonNull(terms, "terms is null");
        this.key = key(instruction, observation.text());
        this.touched = touched;
    }

    /** The record key of a state: a SHA-256 of instruction and observation text. */
    public static String key(String instruction, String observationText) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(instruction.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(observationText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String instruction() {
        return instruction;
    }

    public Observation observation() {
        return observation;
    }

    public InstructionTerms terms() {
        return terms;
    }

    public long touched() {
        return touched;
    }

    /** The sum of the actions' visit counts. */
    public long visits() {
        return visits;
    }

    /** The remembered actions, in the order they were first tried. */
    public List<ActionEntry> actions() {
        return List.copyOf(actions.values());
    }

    public ActionEntry action(Action action) {
        return actions.get(action.text());
    }

    /** {@code max_a Q(g, o, a)} over the remembered actions; 0 if there are none. */
    public double maxValue() {
        double max = Double.NEGATIVE_INFINITY;
        for (ActionEntry entry : actions.values()) {
            max = Math.max(max, entry.value());
        }
        return actions.isEmpty() ? 0.0 : max;
    }

    /**
     * Stores an action's new entry; if that adds an action beyond {@code limit}, evicts the least
     * useful other action.
     *
     * @return whether an action was evicted
     */
    public boolean put(ActionEntry entry, int limit) {
        ActionEntry old = actions.put(entry.action().text(), entry);
        visits += entry.visits() - (old == null ? 0 : old.visits());
        touched = Math.max(touched, entry.touched());
        if (actions.size() <= limit) {
            return false;
        }
        ActionEntry victim = actions.values().stream().filter(e -> !e.action().equals(entry.action()))
                .min(LEAST_USEFUL_ACTION).orElseThrow();
        actions.remove(victim.action().text());
        visits -= victim.visits();
        return true;
    }

    /** Marks the record updated at {@code clock} (the clock never goes back). */
    public void touch(long clock) {
        touched = Math.max(touched, clock);
    }

    /** Loads an entry as stored (no eviction). */
    public void restore(ActionEntry entry) {
        put(entry, Integer.MAX_VALUE);
    }

    /** The actions as values, best first (ties by action text). */
    public List<ActionValue> values() {
        List<ActionEntry> sorted = new ArrayList<>(actions.values());
        sorted.sort(Comparator.comparingDouble(ActionEntry::value).reversed()
                .thenComparing(e -> e.action().text()));
        List<ActionValue> out = new ArrayList<>(sorted.size());
        for (ActionEntry entry : sorted) {
            out.add(new ActionValue(entry.action(), entry.value(), entry.visits()));
        }
        return out;
    }
}
