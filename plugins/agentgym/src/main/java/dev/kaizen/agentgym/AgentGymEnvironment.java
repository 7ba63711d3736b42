package dev.kaizen.agentgym;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.agentgym.AgentGymClient.Retry;
import dev.kaizen.agentgym.profile.ActionCleanup;
import dev.kaizen.agentgym.profile.BodyTemplate;
import dev.kaizen.agentgym.profile.ListRead;
import dev.kaizen.agentgym.profile.Profile;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks served by an AgentGym environment server, spoken to as the config's profile says. Task
 * {@code i} of a split is the server's task index {@code i}; its id is {@code <family>-<i>}, its
 * instruction what AgentGym tells its own agent before the first observation (the profile's
 * instructions), and its info carries {@code env} (the AgentTraj item prefix), {@code dataIdx} and
 * {@code profile}. The task's goal is in the first observation, where the server puts it.
 *
 * <p>Server instances come from a pool of at most {@code instances} ({@link #maxOpenEpisodes}), each
 * reset for task after task; they are closed when the environment closes, and when the process is
 * stopped (SIGTERM, Ctrl-C) while the environment is open, where the server can close instances. The
 * server's identity is read and recorded at the start ({@code agentgym-server} metrics event), and the
 * pool's counts at the end ({@code agentgym-instances}).
 *
 * <p>Expert demonstrations come from the configured AgentGym trajectory file, replayed on the server
 * (so observations and reward are the server's); a replay that fails gives none.
 *
 * <p>Thread-safe: episodes may run concurrently; each holds its own server instance.
 */
public final class AgentGymEnvironment implements Environment {

    private static final Logger LOG = LoggerFactory.getLogger(AgentGymEnvironment.class);
    /** How long an interrupted run waits for the server to close its instances. */
    private static final Duration CLOSE_ON_EXIT = Duration.ofSeconds(5);

    private final AgentGymConfig config;
    private final Profile profile;
    private final String pathPrefix;
    private final AgentGymClient client;
    private final ActionCleanup cleanup;
    private final ValidActions validActions;
    private final InstancePool pool;
    private final MetricsSink metrics;
    private final Consumer<String> notices;
    private final Map<Split, List<Task>> tasks = new EnumMap<>(Split.class);
    private final Map<String, Integer> indexOf = new ConcurrentHashMap<>();
    private final Demonstrations demonstrations;
    private final Map<String, Optional<Trajectory>> replayed = new ConcurrentHashMap<>();
    private final Thread closeOnExit;
    private volatile boolean closeSupported;
    private volatile String preamble;
    private boolean closed;

    /**
     * Connects to the server and reads its identity.
     *
     * @param metrics where the server's identity and the instance counts are recorded
     * @param notices where the instance counts are told at the end
     * @throws AgentGymException if the server is down
     */
    public AgentGymEnvironment(AgentGymConfig config, MetricsSink metrics, Consumer<String> notices) {
        this.config = requireNonNull(config, "config is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.notices = requireNonNull(notices, "notices is null");
        this.profile = config.resolvedProfile();
        URI base = AgentGymConfig.uri(config.baseUrl());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.pathPrefix = basePath + (basePath.endsWith(profile.pathPrefix()) ? "" : profile.pathPrefix());
        this.client = new AgentGymClient(URI.create(base.getScheme() + "://" + base.getRawAuthority()), profile.name(),
                Duration.ofMillis(Math.round(config.requestTimeoutSeconds() * 1000)),
                Duration.ofMillis(Math.round(config.connectTimeoutSeconds() * 1000)), config.instances(),
                config.retries(), config.retryBackoffMillis());
        this.cleanup = new ActionCleanup(profile.cleanup());
        this.validActions = new ValidActions(profile, config.actionMode(), client, pathPrefix);
        this.closeSupported = profile.close() != null;
        this.pool = new InstancePool(config.instances(), this::create, closeSupported ? this::closeInstance : null,
                Duration.ofMillis(Math.round(config.requestTimeoutSeconds() * 10_000)));
        String instruction = config.instructions() != null ? config.instructions() : profile.instructions() != null
                ? profile.instructions() : profile.description() + ": the task is in the first observation";
        for (Split split : Split.values()) {
            List<Task> list = new ArrayList<>();
            for (int index : config.indices(split.id())) {
                String id = profile.name() + "-" + index;
                list.add(new Task(id, split, instruction, Map.of("env", profile.itemPrefix(),
                        "dataIdx", Integer.toString(index), "profile", profile.name())));
                indexOf.put(id, index);
            }
            tasks.put(split, List.copyOf(list));
        }
        this.demonstrations = config.demonstrations() == null ? Demonstrations.none()
                : Demonstrations.load(Path.of(config.demonstrations()), profile.itemPrefix());
        if (config.demonstrations() != null) {
            LOG.info("{} expert trajectories for {} in {}", demonstrations.size(), profile.itemPrefix(),
                    config.demonstrations());
        }
        recordIdentity();
        this.closeOnExit = new Thread(this::closeHeldInstances, "agentgym-close-on-exit");
        if (closeSupported) {
            Runtime.getRuntime().addShutdownHook(closeOnExit);
        }
    }

    private void recordIdentity() {
        String identity;
        try {
            identity = client.getText(profile.identity(), () -> "its identity");
        } catch (AgentGymClient.ServerDown e) {
            client.close();
            throw e;
        } catch (AgentGymException e) {
            identity = "unknown (" + e.getMessage() + ")";
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("profile", profile.name());
        fields.put("baseUrl", config.baseUrl());
        fields.put("identity", AgentGymClient.abbreviate(identity));
        fields.put("actionMode", config.actionMode().id());
        fields.put("instances", config.instances());
        metrics.record("agentgym-server", fields);
    }

    AgentGymConfig config() {
        return config;
    }

    Profile profile() {
        return profile;
    }

    AgentGymClient client() {
        return client;
    }

    ActionCleanup cleanup() {
        return cleanup;
    }

    ValidActions validActions() {
        return validActions;
    }

    /** The request path of a profile's endpoint: the base URL's path and the profile's prefix before it. */
    String path(String endpoint) {
        return pathPrefix + endpoint;
    }

    @Override
    public List<Task> tasks(Split split) {
        return tasks.get(split);
    }

    @Override
    public OptionalInt maxOpenEpisodes() {
        return OptionalInt.of(config.instances());
    }

    @Override
    public OptionalInt stepLimit() {
        return OptionalInt.of(config.maxSteps());
    }

    @Override
    public Episode reset(Task task, long seed) {
        Integer index = indexOf.get(task.id());
        if (index == null || !tasks.get(task.split()).contains(task)) {
            throw new IllegalArgumentException("not a task of this " + profile.name() + " environment: " + task.id());
        }
        JsonNode instance = pool.acquire();
        try {
            return new AgentGymEpisode(this, task, index, instance);
        } catch (RuntimeException e) {
            pool.release(instance, false);
            throw e;
        }
    }

    void release(JsonNode instance, boolean reusable) {
        pool.release(instance, reusable);
    }

    private JsonNode create() {
        var call = profile.create();
        JsonNode created = client.post(path(call.path()), call.body() == null ? null
                : BodyTemplate.fill(call.body(), null, null, null), () -> "a new instance", Retry.UNSENT);
        JsonNode id = created.at(call.id());
        if (id.isMissingNode() || !(id.isNumber() || id.isTextual())) {
            throw new AgentGymException(client.server() + " answered POST " + call.path() + " without an instance id"
                    + " at '" + call.id() + "': " + AgentGymClient.abbreviate(created.toString())
                    + "; does profile " + profile.name() + " fit this server?");
        }
        return id;
    }

    private boolean closeInstance(JsonNode instance) {
        if (!closeSupported) {
            return false;
        }
        try {
            client.post(path(profile.close().path()), BodyTemplate.fill(profile.close().body(), instance, null, null),
                    () -> "closing instance " + instance, Retry.NEVER);
            return true;
        } catch (AgentGymClient.NoRoute e) {
            if (closeSupported) {
                closeSupported = false;
                LOG.info("{} has no POST {}; instances are left to the server", client.server(),
                        profile.close().path());
            }
        } catch (AgentGymException e) {
            LOG.debug("closing instance {} failed: {}", instance, e.getMessage());
        }
        return false;
    }

    /** The current observation of an instance, from the profile's {@code observe} request. */
    String observe(JsonNode instance, String what) {
        var observe = profile.observe();
        JsonNode answer = client.get(path(observe.path()), observe.query(), instance.asText(), () -> what);
        return answer.isTextual() ? answer.asText() : AnswerFields.text(answer, "/observation", client.server(),
                "GET " + observe.path() + " for " + what);
    }

    /** The profile's preamble, its list filled in from the server once. */
    String preamble(JsonNode instance, String what) {
        String text = preamble;
        if (text == null) {
            text = profile.reset().preamble();
            ListRead fill = profile.reset().preambleList();
            if (fill != null) {
                JsonNode answer = client.get(path(fill.path()), fill.query(), instance.asText(), () -> what);
                text = text.replace(fill.placeholder(), String.join(fill.separator(),
                        AnswerFields.strings(answer, fill.pointer(), client.server(), "GET " + fill.path())));
            }
            preamble = text;
        }
        return text;
    }

    @Override
    public Optional<Trajectory> demonstration(Task task) {
        Integer index = indexOf.get(task.id());
        if (index == null || demonstrations.actions(index) == null) {
            return Optional.empty();
        }
        return replayed.computeIfAbsent(task.id(), id -> Demonstrations.replay(this, task,
                demonstrations.actions(index)));
    }

    /** On SIGTERM or Ctrl-C: closes every instance still held, in parallel, for at most {@link #CLOSE_ON_EXIT}. */
    void closeHeldInstances() {
        List<Thread> closing = new ArrayList<>();
        for (JsonNode instance : pool.held()) {
            Thread thread = new Thread(() -> closeInstance(instance), "agentgym-close-" + instance);
            thread.setDaemon(true);
            thread.start();
            closing.add(thread);
        }
        long deadline = System.nanoTime() + CLOSE_ON_EXIT.toNanos();
        for (Thread thread : closing) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Closes the instances on the server where it can, records the counts and closes the connections. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down (the hook runs), or the hook was never added
        }
        pool.close();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("profile", profile.name());
        counts.put("baseUrl", config.baseUrl());
        counts.putAll(pool.counts());
        counts.put("requests", client.requests());
        counts.put("retries", client.retries());
        metrics.record("agentgym-instances", counts);
        long open = (Long) counts.get("open");
        notices.accept("agentgym " + profile.name() + " at " + config.baseUrl() + ": " + counts.get("created")
                + " server instances created, reused " + counts.get("reused") + " times, " + counts.get("closed")
                + " closed" + (open > 0 ? ", " + open + " left open (" + (closeSupported
                ? "their close failed" : "the server cannot close instances") + ")" : ""));
        client.close();
    }

    @Override
    public String toString() {
        return "AgentGymEnvironment[" + profile.name() + " at " + config.baseUrl() + "]";
    }
}
