package dev.kaizen.core.backend.codec;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.search.ActionStatistics;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the api's records (tasks, observations, steps, trajectories, search results and their tree
 * statistics) exactly, in a compact binary form that {@link RecordReader} reads back: every double
 * by its bits, every map in its order. Each distinct string is written once, and so is each task,
 * observation, step and trajectory object, however often it is referred to (a search tree's nodes
 * share their histories' steps); the reader restores the sharing. Not thread-safe.
 */
public final class RecordWriter {

    private byte[] buffer = new byte[1 << 16];
    private int size;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Object, Integer> objects = new IdentityHashMap<>();

    /** What was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void room(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    /** A non-negative number in as few bytes as it needs. */
    public void count(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a count must be >= 0: " + value);
        }
        room(5);
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
    }

    public void number(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    public void number(double value) {
        number(Double.doubleToRawLongBits(value));
    }

    public void flag(boolean value) {
        count(value ? 1 : 0);
    }

    /** A string or null; a string written before is written as its index. */
    public void string(String value) {
        if (value == null) {
            count(0);
            return;
        }
        Integer known = strings.get(value);
        if (known != null) {
            count(known + 2);
            return;
        }
        strings.put(value, strings.size());
        count(1);
        blob(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes, with their length. */
    public void blob(byte[] value) {
        count(value.length);
        room(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    public void strings(List<String> values) {
        count(values.size());
        values.forEach(this::string);
    }

    public void map(Map<String, String> map) {
        count(map.size());
        map.forEach((key, value) -> {
            string(key);
            string(value);
        });
    }

    /**
     * True if {@code object} was written before (its index is written); else marks it as written
     * now, and the caller writes its fields.
     */
    private boolean reference(Object object) {
        Integer known = objects.get(object);
        if (known != null) {
            count(known + 1);
            return true;
        }
        objects.put(object, objects.size());
        count(0);
        return false;
    }

    public void task(Task task) {
        if (reference(task)) {
            return;
        }
        string(task.id());
        count(task.split().ordinal());
        string(task.instruction());
        map(task.info());
    }

    public void tasks(List<Task> tasks) {
        count(tasks.size());
        tasks.forEach(this::task);
    }

    public void observation(Observation observation) {
        if (reference(observation)) {
            return;
        }
        string(observation.text());
        count(observation.actions().size());
        observation.actions().forEach(action -> string(action.text()));
        strings(observation.templates());
        flag(observation.done());
        number(observation.reward());
        map(observation.info());
        map(observation.descriptions());
    }

    public void action(Action action) {
        string(action.text());
    }

    public void step(Step step) {
        if (reference(step)) {
            return;
        }
        observation(step.observation());
        action(step.action());
        number(step.reward());
    }

    public void steps(List<Step> steps) {
        count(steps.size());
        steps.forEach(this::step);
    }

    public void trajectory(Trajectory trajectory) {
        if (reference(trajectory)) {
            return;
        }
        task(trajectory.task());
        steps(trajectory.steps());
        number(trajectory.reward());
        flag(trajectory.success());
        count(trajectory.source().ordinal());
        string(trajectory.error());
        count(trajectory.cause() == null ? 0 : trajectory.cause().ordinal() + 1);
    }

    public void trajectories(List<Trajectory> trajectories) {
        count(trajectories.size());
        trajectories.forEach(this::trajectory);
    }

    public void context(AgentContext context) {
        task(context.task());
        steps(context.history());
        observation(context.observation());
        count(context.advice().size());
        for (Advice advice : context.advice()) {
            string(advice.instruction());
            string(advice.observation());
            count(advice.actions().size());
            for (ActionValue value : advice.actions()) {
                action(value.action());
                number(value.value());
                count(value.visits());
            }
            number(advice.similarity());
        }
    }

    public void searchResult(SearchResult result) {
        task(result.task());
        trajectory(result.trajectory());
        trajectories(result.explored());
        count(result.nodes().size());
        for (NodeStatistics node : result.nodes()) {
            context(node.context());
            count(node.visits());
            count(node.actions().size());
            for (ActionStatistics action : node.actions()) {
                step(action.step());
                count(action.visits());
                number(action.value());
                number(action.criticScore());
            }
        }
    }

    public void searchResults(List<SearchResult> results) {
        count(results.size());
        results.forEach(this::searchResult);
    }
}
