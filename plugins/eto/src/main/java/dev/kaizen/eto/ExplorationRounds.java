package dev.kaizen.eto;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loop ETO and RFT share: collect the demonstrations, warm up (or load a checkpoint) and
 * evaluate as {@code baseline}, then {@code iterations} rounds that each explore training tasks
 * with the current policy ({@link #explore}) and train on what the method makes of them
 * ({@link #round}), evaluated as {@code iter-1} … {@code iter-(I−1)}, {@code final}. Seeds of round
 * {@code N} come from the streams {@code iter-N/tasks} and {@code iter-N/explore} (and the method's
 * own {@code iter-N/…}), whatever its stage is called. Used once, from one thread.
 */
abstract class ExplorationRounds implements TrainingMethod {

    /** The settings of a method config that the shared loop reads. */
    interface Settings {

        /** How many training tasks to collect demonstrations for. */
        Integer demonstrations();

        /** A checkpoint to start from instead of the warm-up, or null. */
        String checkpoint();

        /** How many rounds. */
        Integer iterations();

        /** How many tasks of the pool a round explores. */
        Integer explorationTasks();

        /** The id of the {@link ExplorationPool}. */
        String explorationPool();
    }

    /** One round's view of the run: what it explores with, and its number. */
    record Round(MethodContext context, Policy policy, Demonstrations demonstrations, SearchAlgorithm explorer,
                 Critic critic, int iteration) {

        /** The round's name in seed streams and file names: {@code iter-N}. */
        String name() {
            return "iter-" + iteration;
        }
    }

    /** What a round explored: its tasks in order, and every task's trajectories. */
    record Explored(List<Task> tasks, Map<String, List<Trajectory>> trajectories) {

        /** The round number followed by {@link Exploration#figures}, for a metrics event. */
        Map<String, Object> figures(int iteration) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("iteration", iteration);
            figures.putAll(Exploration.figures(trajectories));
            return figures;
        }
    }

    private final String method;
    private final Settings settings;
    private final OptimizerConfig warmUp;
    private final SearchAlgorithmConfig explorerConfig;
    private final CriticConfig criticConfig;

    /** Parts are resolved and checked by the factory before the method is built. */
    ExplorationRounds(String method, Settings settings, Parts.Common parts) {
        this.method = method;
        this.settings = settings;
        this.warmUp = parts.warmUp();
        this.explorerConfig = parts.explorer();
        this.criticConfig = parts.critic();
    }

    /** The stage name of round {@code iteration} of {@code iterations}. */
    static String stageName(int iteration, int iterations) {
        return iteration == iterations ? "final" : "iter-" + iteration;
    }

    @Override
    public final void run(MethodContext context) throws Exception {
        Policy policy = context.policy();
        Demonstrations demonstrations = new Demonstrations(context.environment(), context.capped(
                "method.demonstrations", settings.demonstrations(), context.environment().tasks(Split.TRAIN).size(),
                "training tasks"), method);
        SearchAlgorithm explorer = context.create(explorerConfig);
        context.stage("baseline", () -> {
            WarmStart.run(context, policy, warmUp, settings.checkpoint(), demonstrations, method);
            context.evaluate("baseline", policy);
        });
        try (Critic critic = context.create(criticConfig)) {
            for (int i = 1; i <= settings.iterations(); i++) {
                Round round = new Round(context, policy, demonstrations, explorer, critic, i);
                String stage = stageName(i, settings.iterations());
                context.stage(stage, () -> {
                    round(round);
                    context.evaluate(stage, policy);
                });
            }
        }
    }

    /** Explores, trains the policy and records the round's metrics; the loop evaluates after it. */
    abstract void round(Round round);

    /**
     * Explores this round's tasks of the pool with the current policy and writes them to
     * {@code trajectories/iter-N-explore.jsonl}.
     */
    final Explored explore(Round round) {
        MethodContext context = round.context();
        String name = round.name();
        List<Task> tasks = ExplorationPool.of(settings.explorationPool()).tasks(context.environment(),
                round.demonstrations(), settings.explorationTasks(), context.random(name + "/tasks"));
        Map<String, List<Trajectory>> explored = Exploration.run(round.explorer(), context.environment(), tasks,
                round.policy(), round.critic(), context.seed(name + "/explore"), name + "/explore");
        context.writeTrajectories(name + "-explore", Exploration.flatten(explored));
        return new Explored(tasks, explored);
    }
}
