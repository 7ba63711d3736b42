package dev.kaizen.agentgym;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks served by an AgentGym environment server. Task {@code i} of a split is the server's task
 * index {@code i} ({@code data_idx}, or WebShop's {@code session_id}); its id is {@code <env>-<i>} and
 * its info carries {@code env} and {@code dataIdx}. The instruction is revealed by the first
 * observation (AgentGym servers put it there), so the task's own instruction only names the task.
 *
 * <p>Expert demonstrations come from the configured AgentGym trajectory file, replayed on the
 * server (so observations and reward are the server's); a replay that fails gives none.
 *
 * <p>Thread-safe: episodes may run concurrently; each holds its own server instance.
 */
public final class AgentGymEnvironment implements Environment {

    private static final Logger LOG = LoggerFactory.getLogger(AgentGymEnvironment.class);

    private final AgentGymConfig config;
    private final AgentGymClient client;
    private final Map<Split, List<Task>> tasks = new EnumMap<>(Split.class);
    private final Map<String, Integer> indexOf = new ConcurrentHashMap<>();
    private final Demonstrations demonstrations;
    private final Map<String, Optional<Trajectory>> replayed = new ConcurrentHashMap<>();
    private volatile boolean closeSupported = true;

    public AgentGymEnvironment(AgentGymConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.client = new AgentGymClient(AgentGymConfig.uri(config.baseUrl()),
                Duration.ofMillis(Math.round(config.requestTimeoutSeconds() * 1000)),
                Duration.ofMillis(Math.round(config.connectTimeoutSeconds() * 1000)));
        for (Split split : Split.values()) {
            List<Task> list = new ArrayList<>();
            for (int index : config.indices(split.id())) {
                String id = config.env() + "-" + index;
                list.add(new Task(id, split, config.env() + " task " + index
                        + " (the instruction is in the first observation)",
                        Map.of("env", config.env(), "dataIdx", Integer.toString(index))));
                indexOf.put(id, index);
            }
            tasks.put(split, List.copyOf(list));
        }
        this.demonstrations = config.demonstrations() == null ? Demonstrations.none()
                : Demonstrations.load(Path.of(config.demonstrations()), config.env());
        if (config.demonstrations() != null) {
            LOG.info("{} expert trajectories for {} in {}", demonstrations.size(), config.env(), config.demonstrations());
        }
    }

    AgentGymConfig config() {
        return config;
    }

    AgentGymClient client() {
        return client;
    }

    boolean closeSupported() {
        return closeSupported;
    }

    void closeUnsupported() {
        if (closeSupported) {
            closeSupported = false;
            LOG.info("AgentGym server {} has no /close; instances are left to the server", client.baseUrl());
        }
    }

    @Override
    public List<Task> tasks(Split split) {
        return tasks.get(split);
    }

    @Override
    public Episode reset(Task task, long seed) {
        Integer index = indexOf.get(task.id());
        if (index == null || !tasks.get(task.split()).contains(task)) {
            throw new IllegalArgumentException("not a task of this " + config.env() + " environment: " + task.id());
        }
        return new AgentGymEpisode(this, task, index);
    }

    /** Runs a create or reset, retrying broken connections and 5xx answers. */
    <T> T retrying(Supplier<T> call, String what) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (AgentGymClient.Transient e) {
                if (attempt >= config.createRetries()) {
                    throw new AgentGymException("could not " + what + " after " + (attempt + 1) + " attempts: "
                            + e.getMessage(), e);
                }
                LOG.debug("attempt {} to {} failed: {}", attempt + 1, what, e.getMessage());
                try {
                    Thread.sleep(200L << Math.min(attempt, 6));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AgentGymException("interrupted while trying to " + what, interrupted);
                }
            }
        }
    }

    @Override
    public Optional<Trajectory> demonstration(Task task) {
        Integer index = indexOf.get(task.id());
        if (index == null || demonstrations.actions(index) == null) {
            return Optional.empty();
        }
        return replayed.computeIfAbsent(task.id(), id -> replay(task, demonstrations.actions(index)));
    }

    private Optional<Trajectory> replay(Task task, List<String> actions) {
        List<Step> steps = new ArrayList<>();
        double total = 0;
        try (Episode episode = reset(task, 0)) {
            for (String text : actions) {
                Observation before = episode.observation();
                if (before.done()) {
                    break;
                }
                Action action = matching(before, text);
                Observation after = episode.step(action);
                steps.add(new Step(before, action, after.reward()));
                total += after.reward();
            }
        } catch (AgentGymException e) {
            LOG.warn("the expert trajectory of {} could not be replayed; no demonstration: {}", task.id(),
                    e.getMessage());
            return Optional.empty();
        }
        return Optional.of(Trajectory.of(task, steps, total, TrajectorySource.EXPERT));
    }

    /** The allowed action equal to {@code text}, ignoring case if need be; else {@code text} itself. */
    private static Action matching(Observation observation, String text) {
        Action action = Action.of(text);
        if (observation.allows(action)) {
            return action;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Action candidate : observation.actions()) {
            if (candidate.text().toLowerCase(Locale.ROOT).equals(lower)) {
                return candidate;
            }
        }
        return action;
    }

    /** Closes the connections to the server; call it after every episode is closed. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "AgentGymEnvironment[" + config.env() + " at " + client.baseUrl() + ", " + config.protocol() + "]";
    }
}
