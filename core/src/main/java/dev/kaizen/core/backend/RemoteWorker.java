package dev.kaizen.core.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.RolloutSettings;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.rollout.RolloutEngine;
import dev.kaizen.core.rollout.RolloutStatistics;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs a {@link WorkPiece} on an executor: the parts from {@link ExecutorParts}, the piece's tasks
 * through this JVM's rollout engine (with the recipe's rollout settings) or the piece's search, and
 * the outcome as bytes. Whatever fails for a reason in the recipe or a part (a config the executor
 * cannot bind, a policy that throws) comes back as a failed outcome, never as an exception, so the
 * backend does not retry it and the driver fails the run with its message.
 */
public final class RemoteWorker {

    private RemoteWorker() {
    }

    /**
     * Runs one piece.
     *
     * @param piece what {@link WorkPiece#encode()} wrote
     * @param payloads the job's payloads by id; read only when a policy must be rebuilt in a new state
     * @return what {@link WorkOutcome#encode()} writes, or for a piece to hand over, what
     *     {@link WorkOutcome#handOver} returns
     */
    public static byte[] run(byte[] piece, Function<String, byte[]> payloads) {
        WorkPiece decoded;
        try {
            decoded = WorkPiece.decode(piece);
        } catch (RuntimeException e) {
            return WorkOutcome.failed(WorkOutcome.Failure.of(e, "")).encode();
        }
        WorkOutcome outcome;
        try {
            outcome = execute(decoded, payloads);
        } catch (Exception | LinkageError e) {
            outcome = WorkOutcome.failed(WorkOutcome.Failure.of(e, ""));
        }
        return decoded.handOver() == null ? outcome.encode() : outcome.handOver(decoded.handOver());
    }

    private static WorkOutcome execute(WorkPiece piece, Function<String, byte[]> payloads) throws Exception {
        ConfigBinder binder;
        Environment environment;
        ExecutorParts.Lease lease;
        try {
            binder = ExecutorParts.binder(piece.host());
            environment = ExecutorParts.environment(piece.host(), binder, piece.environment());
            lease = ExecutorParts.policy(piece.host(), binder, piece.policy(), payloads);
        } catch (Exception | LinkageError e) {
            return WorkOutcome.failed(WorkOutcome.Failure.of(e, "executor "
                    + ManagementFactory.getRuntimeMXBean().getName() + ": "));
        }
        List<WorkOutcome.Event> events = Collections.synchronizedList(new ArrayList<>());
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        RolloutSettings settings = binder.json().readValue(piece.host().settings(), RolloutSettings.class);
        MetricsSink metrics = PieceContext.collecting(binder, events);
        // a rollout piece's errored episodes are recorded by the driver, once for the whole request
        MetricsSink engineMetrics = piece.isSearch() ? metrics : MetricsSink.DISCARD;
        try (lease; RolloutEngine engine = new RolloutEngine(settings, ProgressDisplay.none(), engineMetrics)) {
            CountingRollouts rollouts = new CountingRollouts(engine);
            PieceContext context = new PieceContext(piece.host().seed(), binder, rollouts, metrics, notices);
            List<Trajectory> trajectories = List.of();
            List<SearchResult> results = List.of();
            if (piece.isSearch()) {
                SearchAlgorithm search = context.create(config(binder, piece.search()));
                try (Critic critic = context.create(config(binder, piece.critic()))) {
                    results = search.search(new SearchProblem(environment, piece.tasks(), lease.policy(), critic,
                            piece.seed(), piece.label()));
                }
                if (results.size() != piece.tasks().size()) {
                    throw new IllegalStateException("search returned " + results.size() + " results for "
                            + piece.tasks().size() + " tasks");
                }
            } else {
                trajectories = rollouts.run(new RolloutRequest(environment, piece.tasks(), lease.policy(),
                        piece.sampling(), piece.source(), piece.label()));
            }
            return new WorkOutcome(trajectories, results, rollouts.totals(), List.copyOf(events),
                    List.copyOf(notices), null);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> ComponentConfig<T> config(ConfigBinder binder, PartSpec spec) throws JsonProcessingException {
        return (ComponentConfig<T>) binder.bind(binder.json().readTree(spec.config()), spec.kind().configBase(),
                spec.kind().id());
    }

    /** The piece's engine, its episodes counted. */
    private static final class CountingRollouts implements Rollouts {
        private final RolloutEngine engine;
        private final AtomicLong episodes = new AtomicLong();
        private final AtomicLong steps = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();

        CountingRollouts(RolloutEngine engine) {
            this.engine = engine;
        }

        @Override
        public List<Trajectory> run(RolloutRequest request) {
            RolloutEngine.Result result = engine.runWithStatistics(request);
            RolloutStatistics statistics = result.statistics();
            episodes.addAndGet(statistics.episodes());
            steps.addAndGet(statistics.steps());
            errors.addAndGet(statistics.errors());
            return result.trajectories();
        }

        WorkOutcome.Totals totals() {
            return new WorkOutcome.Totals(episodes.get(), steps.get(), errors.get());
        }
    }
}
