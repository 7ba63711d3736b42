package dev.kaizen.rememberer.method;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.memory.ExperienceMemory;
import dev.kaizen.api.method.EvaluationRequest;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.rememberer.advice.AdviceValues;
import dev.kaizen.rememberer.advice.AdvisedPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rememberer: the policy learns nothing after its warm-up; an experience memory learns.
 *
 * <ol>
 *   <li>Stage {@code baseline}: behaviour cloning on the expert demonstrations of the first
 *       {@code demonstrations} training tasks (as method {@code bc} does, with the same seed, so
 *       the policy equals {@code bc}'s), or loading {@code checkpoint}; then the policy is
 *       evaluated without memory. Its weights are not changed again.
 *   <li>Stages {@code iter-1} … {@code iter-(E−1)} and {@code final}: one epoch each over the
 *       training tasks {@code [taskOffset, taskOffset + trainTasks)}, in batches of
 *       {@code batchSize} episodes acted by the advised policy; after each batch the memory learns
 *       from its episodes (n-step Q-learning). Stage {@code final} then evaluates the advised
 *       policy with the memory frozen (so do the epochs, with {@code evaluateEpochs}); with
 *       {@code zeroAdviceControl} it also evaluates the same advice with every value set to 0.
 * </ol>
 *
 * The memory is registered with {@link MethodContext#persist} as {@code memory}, so it is
 * checkpointed with every stage and a resumed run continues from it.
 */
final class RemembererMethod implements TrainingMethod {

    /** The search name recorded with the zero-advice control evaluation. */
    static final String CONTROL_SEARCH = "greedy-zero-advice";

    private final RemembererConfig config;

    RemembererMethod(RemembererConfig config) {
        this.config = config;
    }

    @Override
    public void run(MethodContext context) throws Exception {
        Environment environment = context.environment();
        Policy policy = context.policy();
        List<Task> tasks = trainingTasks(environment);
        try (ExperienceMemory memory = context.create(config.memory())) {
            context.persist("memory", memory);
            AdvisedPolicy advised = new AdvisedPolicy(policy, memory, environment.observationSimilarity(),
                    config.adviceRecords(), config.minSimilarity(), AdviceValues.of(config.adviceValues()));
            context.stage("baseline", () -> {
                warmUp(context, environment, policy);
                context.evaluate("baseline", policy);
            });
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                boolean last = epoch == config.epochs();
                String stage = last ? "final" : "iter-" + epoch;
                int number = epoch;
                context.stage(stage, () -> {
                    runEpoch(context, environment, memory, advised, tasks, stage, number);
                    if (last || config.evaluateEpochs()) {
                        evaluate(context, stage, advised, null);
                    }
                    if (last && config.zeroAdviceControl()) {
                        evaluate(context, stage, advised.withValuesZeroed(), CONTROL_SEARCH);
                    }
                });
            }
        }
    }

    /** Evaluates with the recipe's search; a control is recorded under its own search name. */
    private static void evaluate(MethodContext context, String stage, AdvisedPolicy advised, String searchName) {
        advised.statistics().drain();
        if (searchName == null) {
            context.evaluate(stage, advised);
        } else {
            context.evaluate(new EvaluationRequest(stage, advised, null, null, searchName));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", stage);
        fields.put("control", searchName != null);
        fields.putAll(advised.statistics().drain());
        context.metrics().record("advice-evaluation", fields);
    }

    private List<Task> trainingTasks(Environment environment) {
        List<Task> train = environment.tasks(Split.TRAIN);
        if (config.taskOffset() >= train.size()) {
            throw new IllegalArgumentException("method.taskOffset " + config.taskOffset() + " leaves no training task:"
                    + " the environment has " + train.size() + " in split train");
        }
        return train.subList(config.taskOffset(), Math.min(train.size(), config.taskOffset() + config.trainTasks()));
    }

    private void warmUp(MethodContext context, Environment environment, Policy policy) throws Exception {
        if (config.checkpoint() != null) {
            if (!(policy instanceof Checkpointable checkpointable)) {
                throw new IncompatiblePartsException("method.checkpoint: the recipe's policy ("
                        + policy.getClass().getSimpleName() + ") cannot load checkpoints; use a trainable policy"
                        + " or drop the checkpoint");
            }
            checkpointable.load(policyFolder(Path.of(config.checkpoint())));
            return;
        }
        if (config.demonstrations() == 0) {
            return;
        }
        List<Task> train = environment.tasks(Split.TRAIN);
        List<Trajectory> demonstrations = new ArrayList<>();
        int count = context.capped("method.demonstrations", config.demonstrations(), train.size(), "training tasks");
        for (Task task : train.subList(0, count)) {
            Optional<Trajectory> demonstration = environment.demonstration(task);
            demonstration.ifPresent(demonstrations::add);
        }
        if (demonstrations.isEmpty()) {
            throw new IncompatiblePartsException("method 'rememberer' warms up by behaviour cloning, but the"
                    + " environment gave no expert demonstration for its first "
                    + Math.min(config.demonstrations(), train.size()) + " training tasks; set"
                    + " method.demonstrations: 0 (with method.checkpoint or an already trained policy)");
        }
        context.writeTrajectories("demonstrations", demonstrations);
        context.metrics().record("demonstrations", Map.of("tasks", demonstrations.size(),
                "steps", demonstrations.stream().mapToInt(Trajectory::length).sum()));
        try (Optimizer optimizer = context.create(config.optimizer())) {
            // The seed stream is the one method 'bc' uses, so that this warm-up gives the same policy.
            TrainingReport report = optimizer.train(policy,
                    TrainingBatch.ofTrajectories(demonstrations, context.seed("bc/train"), "bc"));
            record(context, "bc", report);
        }
    }

    private void runEpoch(MethodContext context, Environment environment, ExperienceMemory memory,
                          AdvisedPolicy advised, List<Task> tasks, String stage, int epoch) {
        advised.statistics().drain();
        int successes = 0;
        double rewards = 0;
        int batches = (tasks.size() + config.batchSize() - 1) / config.batchSize();
        for (int b = 0; b < batches; b++) {
            List<Task> batch = tasks.subList(b * config.batchSize(), Math.min(tasks.size(), (b + 1) * config.batchSize()));
            long seed = context.seed(stage + "/explore/" + b);
            Sampling sampling = new Sampling(1, config.temperature(), seed);
            List<Trajectory> episodes = context.rollouts().run(new RolloutRequest(environment, batch, advised,
                    sampling, TrajectorySource.AGENT, stage + "/explore"));
            context.writeTrajectories(stage + "-explore", episodes);
            memory.update(episodes);
            int batchSuccesses = (int) episodes.stream().filter(Trajectory::success).count();
            double batchReward = episodes.stream().mapToDouble(Trajectory::reward).sum();
            successes += batchSuccesses;
            rewards += batchReward;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stage", stage);
            fields.put("epoch", epoch);
            fields.put("batch", b + 1);
            fields.put("episodes", episodes.size());
            fields.put("successRate", batchSuccesses / (double) episodes.size());
            fields.put("meanReward", batchReward / episodes.size());
            fields.put("records", memory.size());
            context.metrics().record("rememberer-batch", fields);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", stage);
        fields.put("epoch", epoch);
        fields.put("episodes", tasks.size());
        fields.put("successRate", successes / (double) tasks.size());
        fields.put("meanReward", rewards / tasks.size());
        fields.put("records", memory.size());
        fields.putAll(advised.statistics().drain());
        context.metrics().record("rememberer-epoch", fields);
    }

    /** The folder holding the policy's files: {@code DIR/policy} when DIR is a stage checkpoint, else DIR. */
    static Path policyFolder(Path checkpoint) {
        if (!Files.isDirectory(checkpoint)) {
            throw new IllegalArgumentException("method.checkpoint " + checkpoint + " is not a folder; name a policy"
                    + " checkpoint folder or a run's checkpoints/STAGE folder");
        }
        Path inner = checkpoint.resolve("policy");
        return Files.isDirectory(inner) ? inner : checkpoint;
    }

    /** Records a training report as a {@code train} event and one {@code train-epoch} event per epoch, as {@code bc} does. */
    private static void record(MethodContext context, String label, TrainingReport report) {
        for (int i = 0; i < report.epochs().size(); i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("label", label);
            fields.put("epoch", i + 1);
            fields.putAll(report.epochs().get(i));
            context.metrics().record("train-epoch", fields);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("label", label);
        fields.putAll(report.metrics());
        context.metrics().record("train", fields);
    }
}
