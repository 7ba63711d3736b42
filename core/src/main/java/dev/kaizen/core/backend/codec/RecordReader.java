package dev.kaizen.core.backend.codec;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.search.ActionStatistics;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reads what a {@link RecordWriter} wrote, in the same order, restoring shared objects. Not thread-safe. */
public final class RecordReader {

    private final byte[] bytes;
    private int position;
    private final List<String> strings = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();

    public RecordReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public int count() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed count");
    }

    private int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    private void need(int more) {
        if (more < 0 || position + more > bytes.length) {
            throw new IllegalStateException("truncated record data: " + more + " bytes needed at " + position + " of "
                    + bytes.length);
        }
    }

    public long longNumber() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    public double number() {
        return Double.longBitsToDouble(longNumber());
    }

    public boolean flag() {
        return count() != 0;
    }

    public String string() {
        int marker = count();
        if (marker == 0) {
            return null;
        }
        if (marker >= 2) {
            return strings.get(marker - 2);
        }
        int length = count();
        need(length);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        strings.add(value);
        return value;
    }

    public byte[] blob() {
        int length = count();
        need(length);
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    public List<String> strings() {
        int n = count();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(string());
        }
        return values;
    }

    public Map<String, String> map() {
        int n = count();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(string(), string());
        }
        return map;
    }

    /** An object written once and referred to by index afterwards; {@code read} reads its fields. */
    @SuppressWarnings("unchecked")
    private <T> T shared(Supplier<T> read) {
        int marker = count();
        if (marker > 0) {
            return (T) objects.get(marker - 1);
        }
        int index = objects.size();
        objects.add(null);
        T value = read.get();
        objects.set(index, value);
        return value;
    }

    public Task task() {
        return shared(() -> new Task(string(), Split.values()[count()], string(), map()));
    }

    public List<Task> tasks() {
        int n = count();
        List<Task> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(task());
        }
        return tasks;
    }

    public Observation observation() {
        return shared(() -> {
            String text = string();
            int n = count();
            List<Action> actions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                actions.add(new Action(string()));
            }
            return new Observation(text, actions, strings(), flag(), number(), map(), map());
        });
    }

    public Action action() {
        return new Action(string());
    }

    public Step step() {
        return shared(() -> new Step(observation(), action(), number()));
    }

    public List<Step> steps() {
        int n = count();
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(step());
        }
        return steps;
    }

    public Trajectory trajectory() {
        return shared(() -> {
            Task task = task();
            List<Step> steps = steps();
            double reward = number();
            boolean success = flag();
            TrajectorySource source = TrajectorySource.values()[count()];
            String error = string();
            int cause = count();
            return new Trajectory(task, steps, reward, success, source, error,
                    cause == 0 ? null : ErrorCause.values()[cause - 1]);
        });
    }

    public List<Trajectory> trajectories() {
        int n = count();
        List<Trajectory> trajectories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trajectories.add(trajectory());
        }
        return trajectories;
    }

    public AgentContext context() {
        Task task = task();
        List<Step> history = steps();
        Observation observation = observation();
        int n = count();
        List<Advice> advice = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String instruction = string();
            String seen = string();
            int m = count();
            List<ActionValue> values = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                values.add(new ActionValue(action(), number(), count()));
            }
            advice.add(new Advice(instruction, seen, values, number()));
        }
        return new AgentContext(task, history, observation, advice);
    }

    public SearchResult searchResult() {
        Task task = task();
        Trajectory trajectory = trajectory();
        List<Trajectory> explored = trajectories();
        int n = count();
        List<NodeStatistics> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AgentContext context = context();
            int visits = count();
            int m = count();
            List<ActionStatistics> actions = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                actions.add(new ActionStatistics(step(), count(), number(), number()));
            }
            nodes.add(new NodeStatistics(context, visits, actions));
        }
        return new SearchResult(task, trajectory, explored, nodes);
    }

    public List<SearchResult> searchResults() {
        int n = count();
        List<SearchResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(searchResult());
        }
        return results;
    }
}
