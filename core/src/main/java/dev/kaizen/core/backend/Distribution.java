package dev.kaizen.core.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.RolloutFallback;
import dev.kaizen.core.recipe.RolloutSettings;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The driver's side of a rollout backend: a run's rollout requests and search problems cut into
 * pieces of consecutive tasks, run on the backend's executors, and put back together in task order.
 *
 * <p>Executors rebuild the parts: the environment, critic and search from their configs, the policy
 * from its config and its saved state, which is shipped once per state (a payload named by its
 * content). A request whose environment, policy or critic the host did not build from a config
 * (a method's decorator around the recipe's policy) cannot be rebuilt: it runs on this machine
 * after a notice that says so once, or fails the run with {@code rollout.fallback: fail}.
 *
 * <p>Every episode's seed derives from the request's seed and its task, never from the piece it
 * falls in, so the trajectories and search results are those of the local engine, whatever the
 * number of pieces and executors. The metrics a piece's parts record are written into the run with
 * the piece's {@code partition}; notices are given once. Thread-safe, as the rollout service is: the
 * backend runs concurrent requests as concurrent jobs.
 */
public final class Distribution implements AutoCloseable {

    private final RolloutBackend backend;
    private final RolloutSettings settings;
    private final ConfigBinder binder;
    private final HostSpec host;
    private final MetricsSink metrics;
    private final ProgressDisplay progress;
    private final BuiltParts parts = new BuiltParts();
    private final Map<Object, Payload> shipped = new WeakHashMap<>();
    private final AtomicLongArray totals = new AtomicLongArray(3);
    private final AtomicLong requests = new AtomicLong();
    private volatile Consumer<String> notices = message -> { };

    private Distribution(RolloutBackend backend, RolloutSettings settings, ConfigBinder binder, long seed,
                         MetricsSink metrics, ProgressDisplay progress) {
        this.backend = backend;
        this.settings = settings;
        this.binder = binder;
        this.metrics = metrics;
        this.progress = progress;
        List<String> directories = binder.registry().plugins().directories().stream().map(Path::toString).toList();
        this.host = new HostSpec(UUID.randomUUID().toString(), directories, seed, json(binder.json(),
                settings.locally()));
        ExecutorParts.register(host.key(), binder);
    }

    /**
     * Starts the recipe's backend, or returns null for {@code local}.
     *
     * @throws dev.kaizen.core.BadInputException for an unknown backend or settings it refuses
     */
    public static Distribution open(RolloutSettings settings, ConfigBinder binder, long seed, MetricsSink metrics,
                                    ProgressDisplay progress) {
        RolloutBackendFactory factory = RolloutBackends.find(settings);
        if (factory == null) {
            return null;
        }
        return new Distribution(factory.open(settings), settings, binder, seed, metrics, progress);
    }

    /** What the backend is, for the run's metrics: its name, master and task slots. */
    public Map<String, Object> description() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("backend", settings.backend());
        fields.putAll(backend.description());
        return fields;
    }

    /** Where notices go (the run's, printed once). */
    public void noticesTo(Consumer<String> sink) {
        this.notices = sink;
    }

    /** {@code part} was built by the host from {@code config}, so executors can rebuild it. */
    public void record(Object part, ComponentConfig<?> config) {
        parts.record(part, config);
        if (part instanceof Environment environment) {
            // executors in this JVM use the driver's environment rather than building another
            ExecutorParts.share(host.key(), host.seed(), json(binder.json(), binder.tree(config)), environment);
        }
    }

    /** {@code view} behaves as {@code part} for executors (the method's view of the environment). */
    public void alias(Object view, Object part) {
        parts.alias(view, part);
    }

    /** {@code local}, with every request whose parts executors can rebuild run on the backend. */
    public Rollouts rollouts(Rollouts local) {
        return request -> {
            Plan plan = request.tasks().isEmpty() ? null
                    : plan(request.label(), request.environment(), request.policy(), null);
            return plan == null ? local.run(request) : rollouts(request, plan);
        };
    }

    /**
     * {@code local} (built from {@code config}), with every problem whose parts executors can rebuild
     * run on the backend.
     */
    public SearchAlgorithm search(SearchAlgorithm local, ComponentConfig<?> config) {
        PartSpec search = new PartSpec(ComponentKind.SEARCH, json(binder.json(), binder.tree(config)), null);
        return problem -> {
            Plan plan = problem.tasks().isEmpty() ? null
                    : plan(problem.label(), problem.environment(), problem.policy(), problem.critic());
            return plan == null ? local.search(problem) : search(problem, search, plan);
        };
    }

    /** Episodes, steps and errored episodes the executors ran, for the run's totals. */
    public Map<String, Long> totals() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("episodes", totals.get(0));
        map.put("steps", totals.get(1));
        map.put("errors", totals.get(2));
        return map;
    }

    /** How a request's parts reach the executors. */
    private record Plan(PartSpec environment, PartSpec policy, PartSpec critic, List<Payload> payloads,
                        double snapshotSeconds) {
    }

    /** The parts as executors rebuild them, or null if one cannot be rebuilt and the fallback allows local. */
    private Plan plan(String label, Environment environment, Policy policy, Critic critic) {
        PartSpec environmentSpec = spec(ComponentKind.ENVIRONMENT, environment, label);
        PartSpec policySpec = spec(ComponentKind.POLICY, policy, label);
        PartSpec criticSpec = critic == null ? null : spec(ComponentKind.CRITIC, critic, label);
        if (environmentSpec == null || policySpec == null || (critic != null && criticSpec == null)) {
            return null;
        }
        Payload state;
        long started = System.nanoTime();
        try {
            state = PolicyStates.snapshot(policy);
        } catch (IOException | RuntimeException e) {
            return unrebuildable("the policy (" + className(policy) + ") could not save its state ("
                    + e.getMessage() + ")", label);
        }
        synchronized (shipped) {
            Payload before = shipped.put(policy, state);
            if (before != null && (state == null || !before.id().equals(state.id()))) {
                backend.release(before.id());
            }
        }
        return new Plan(environmentSpec, new PartSpec(ComponentKind.POLICY, policySpec.config(),
                state == null ? null : state.id()), criticSpec, state == null ? List.of() : List.of(state),
                (System.nanoTime() - started) / 1e9);
    }

    private PartSpec spec(ComponentKind kind, Object part, String label) {
        return parts.config(part)
                .map(config -> new PartSpec(kind, json(binder.json(), binder.tree(config)), null))
                .orElseGet(() -> unrebuildable("the " + kind.id() + " (" + className(part)
                        + ") was not built by the host from a config", label));
    }

    /** The part's class as a reader knows it: its simple name, or its full name for an anonymous class. */
    private static String className(Object part) {
        String simple = part.getClass().getSimpleName();
        return simple.isEmpty() ? part.getClass().getName() : simple;
    }

    /** Null after the notice, or the failure that {@code rollout.fallback: fail} asks for. */
    private <T> T unrebuildable(String why, String label) {
        if (settings.fallback() == RolloutFallback.FAIL) {
            throw new IncompatiblePartsException("rollout.fallback is fail, but in '" + label + "' " + why
                    + ", so the " + settings.backend() + " backend's executors cannot rebuild it; set rollout.fallback:"
                    + " local to run such requests on this machine, or rollout.backend: local");
        }
        notices.accept("rollout.backend " + settings.backend() + ": " + why + ", so executors cannot rebuild it;"
                + " requests with it run on this machine (rollout.fallback: fail refuses them instead)");
        return null;
    }

    private List<Trajectory> rollouts(RolloutRequest request, Plan plan) {
        List<WorkOutcome> outcomes = run(request.label(), request.tasks(), plan, (tasks, k, n, handOver) ->
                new WorkPiece(host, request.label(), k, n, plan.environment(), plan.policy(), tasks, request.sampling(),
                        request.source(), null, null, 0L, handOver));
        List<Trajectory> trajectories = new ArrayList<>(request.tasks().size());
        outcomes.forEach(outcome -> trajectories.addAll(outcome.trajectories()));
        List<Trajectory> errored = trajectories.stream().filter(Trajectory::errored).toList();
        if (!errored.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("label", request.label());
            fields.put("episodes", trajectories.size());
            fields.put("errors", errored.size());
            fields.put("firstError", errored.get(0).task().id() + ": " + errored.get(0).error());
            metrics.record("rollout-errors", fields);
        }
        return trajectories;
    }

    private List<SearchResult> search(SearchProblem problem, PartSpec search, Plan plan) {
        List<WorkOutcome> outcomes = run(problem.label(), problem.tasks(), plan, (tasks, k, n, handOver) ->
                new WorkPiece(host, problem.label(), k, n, plan.environment(), plan.policy(), tasks, null, null, search,
                        plan.critic(), problem.seed(), handOver));
        List<SearchResult> results = new ArrayList<>(problem.tasks().size());
        outcomes.forEach(outcome -> results.addAll(outcome.results()));
        return results;
    }

    /** Makes piece {@code k} of {@code n} of {@code tasks}, handed over under {@code handOver} if that is set. */
    @FunctionalInterface
    private interface PieceMaker {
        WorkPiece make(List<Task> tasks, int k, int n, String handOver);
    }

    /** Cuts the tasks into pieces, runs them, and returns their outcomes in order; a failed piece fails the request. */
    private List<WorkOutcome> run(String label, List<Task> tasks, Plan plan, PieceMaker maker) {
        long started = System.nanoTime();
        int n = tasks.size();
        int count = Math.max(1, Math.min(n, settings.partitions() != null ? settings.partitions() : backend.slots()));
        List<byte[]> pieces = new ArrayList<>(count);
        long request = requests.incrementAndGet();
        for (int k = 0; k < count; k++) {
            pieces.add(maker.make(tasks.subList((int) ((long) n * k / count), (int) ((long) n * (k + 1) / count)), k,
                    count, backend.inProcess() ? host.key() + "/" + request + "/" + k : null).encode());
        }
        double encodeSeconds = (System.nanoTime() - started) / 1e9;
        List<byte[]> raw;
        try (ProgressReporter reporter = progress.start(label, n)) {
            long[] shown = {0};
            raw = backend.run(label, plan.payloads(), pieces, finished -> {
                long now = (long) n * finished / count;
                reporter.advance(now - shown[0]);
                shown[0] = now;
            });
        }
        long decoding = System.nanoTime();
        List<WorkOutcome> outcomes = raw.stream().map(WorkOutcome::decode).toList();
        double decodeSeconds = (System.nanoTime() - decoding) / 1e9;
        for (WorkOutcome outcome : outcomes) {
            if (outcome.failure() != null) {
                throw outcome.failure().exception();
            }
        }
        ObjectMapper json = binder.json();
        for (int k = 0; k < count; k++) {
            WorkOutcome outcome = outcomes.get(k);
            totals.addAndGet(0, outcome.totals().episodes());
            totals.addAndGet(1, outcome.totals().steps());
            totals.addAndGet(2, outcome.totals().errors());
            outcome.notices().forEach(notices);
            for (WorkOutcome.Event event : outcome.events()) {
                metrics.record(event.event(), fields(json, event, k, count));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("label", label);
        fields.put("tasks", n);
        fields.put("partitions", count);
        fields.put("stateBytes", plan.payloads().stream().mapToLong(p -> p.bytes().length).sum());
        fields.put("pieceBytes", pieces.stream().mapToLong(p -> p.length).sum());
        fields.put("outcomeBytes", raw.stream().mapToLong(p -> p.length).sum());
        fields.put("handedOver", backend.inProcess());
        fields.put("snapshotSeconds", plan.snapshotSeconds());
        fields.put("encodeSeconds", encodeSeconds);
        fields.put("decodeSeconds", decodeSeconds);
        fields.put("seconds", (System.nanoTime() - started) / 1e9);
        metrics.record("backend-request", fields);
        return outcomes;
    }

    private static Map<String, Object> fields(ObjectMapper json, WorkOutcome.Event event, int partition, int count) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = json.readValue(event.fields(), LinkedHashMap.class);
            fields.put("partition", partition);
            fields.put("partitions", count);
            return fields;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an executor sent a malformed '" + event.event() + "' event", e);
        }
    }

    private static String json(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Stops the backend, then closes what executors in this JVM built for the run. */
    @Override
    public void close() {
        try {
            backend.close();
        } finally {
            ExecutorParts.release(host.key());
        }
    }
}
