package dev.kaizen.stepagent;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.reward.RewardModelConfig;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.stepagent.inspection.InspectionResult;
import dev.kaizen.stepagent.inspection.Inspector;
import dev.kaizen.stepagent.inspection.PairArchive;
import dev.kaizen.stepagent.inspection.Prefix;
import dev.kaizen.stepagent.reflection.ImplicitReflection;
import dev.kaizen.stepagent.reflection.InverseReflection;
import dev.kaizen.stepagent.reflection.Reflector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * StepAgent (novice to expert, step by step): a behaviour-cloning warm-up (or a checkpoint) as the
 * baseline, then iterations of inspection (the policy acts on every prefix of every expert
 * trajectory; disagreements become step pairs) and reflection (implicit: step-level DPO on the
 * pairs; inverse: a reward model fitted on the pairs relabels the policy's rollouts for PPO), each
 * evaluated.
 *
 * <p>Stages: {@code baseline}, {@code iter-1}, …, and {@code final} for the last iteration. State
 * lives in the policy and, when aggregating, in the persisted archive of earlier disagreements; the
 * expert demonstrations are recomputed from the environment when a resumed run needs them, and
 * every random draw is seeded from the stage name.
 */
public final class StepAgentMethod implements TrainingMethod {

    /**
     * The seed stream and label of the warm-up training: the same as the host's {@code bc} method
     * uses, so that with the same recipe seed, demonstrations and optimiser the baseline stage is
     * the policy that {@code bc} trains.
     */
    static final String WARMUP_SEED_STREAM = "bc/train";
    static final String WARMUP_LABEL = "bc";

    /** The name of the persisted disagreements of earlier iterations (when aggregating). */
    static final String ARCHIVE = "stepagent-disagreements";

    /** The name of the persisted baseline policy (when restarting from it). */
    static final String BASELINE = "stepagent-baseline";

    private final StepAgentConfig config;
    private final OptimizerConfig warmup;
    private final OptimizerConfig optimizer;
    private final RewardModelConfig reward;

    /**
     * @param config the method's config
     * @param warmup the warm-up optimiser; null when starting from a checkpoint
     * @param optimizer the reflection's optimiser, before per-iteration overrides
     * @param reward the inverse variant's reward model; null for the implicit variant
     */
    public StepAgentMethod(StepAgentConfig config, OptimizerConfig warmup, OptimizerConfig optimizer,
                           RewardModelConfig reward) {
        this.config = requireNonNull(config, "config is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        if (config.checkpoint() == null) {
            requireNonNull(warmup, "warmup is null");
        }
        if (config.reflection() == Reflection.INVERSE) {
            requireNonNull(reward, "reward is null");
        }
        this.warmup = warmup;
        this.reward = reward;
    }

    @Override
    public void run(MethodContext context) throws Exception {
        Policy policy = context.policy();
        if (config.reflection() == Reflection.INVERSE && !(policy instanceof TrainablePolicy)) {
            throw new IncompatiblePartsException("method 'stepagent' with reflection: inverse scores steps with the "
                    + "policy's log-probabilities and trains it with PPO on relabelled rollouts, but the recipe's "
                    + "policy (" + policy.getClass().getSimpleName() + ") is not trainable; use reflection: implicit "
                    + "(step pairs for its optimizer, e.g. an external trainer) or a trainable policy such as "
                    + "djl-scorer");
        }
        if (config.restart() && !(policy instanceof TrainablePolicy)) {
            throw new IncompatiblePartsException("method 'stepagent' with restart: true keeps a frozen copy of the "
                    + "baseline policy, but the recipe's policy (" + policy.getClass().getSimpleName() + ") cannot be "
                    + "copied; set restart: false or use a trainable policy such as djl-scorer");
        }
        Demonstrations demonstrations = new Demonstrations(context.environment(), context.capped(
                "method.demonstrations", config.demonstrations(), context.environment().tasks(Split.TRAIN).size(),
                "training tasks"));
        PairArchive archive = new PairArchive();
        if (config.aggregate()) {
            context.persist(ARCHIVE, archive);
        }
        try (BaselineSnapshot baseline = config.restart()
                ? new BaselineSnapshot(((TrainablePolicy) policy).frozenCopy()) : null) {
            if (baseline != null) {
                context.persist(BASELINE, baseline);
            }
            runStages(context, policy, demonstrations, archive, baseline);
        }
    }

    private void runStages(MethodContext context, Policy trainable, Demonstrations demonstrations,
                           PairArchive archive, BaselineSnapshot baseline) throws Exception {
        context.stage("baseline", () -> {
            if (config.checkpoint() != null) {
                Path directory = Path.of(config.checkpoint());
                if (!Files.isDirectory(directory)) {
                    throw new IllegalArgumentException("method.checkpoint: '" + config.checkpoint()
                            + "' is not a directory; give a policy checkpoint directory or leave it out to warm up");
                }
                if (!(trainable instanceof Checkpointable checkpointable)) {
                    throw new IncompatiblePartsException("method.checkpoint: the recipe's policy ("
                            + trainable.getClass().getSimpleName() + ") cannot load a checkpoint; leave it out to warm up");
                }
                checkpointable.load(directory);
            } else {
                warmUp(context, trainable, demonstrations.get(context));
            }
            if (baseline != null) {
                baseline.take((TrainablePolicy) trainable);
            }
            context.evaluate("baseline", trainable);
        });
        for (int i = 1; i <= config.iterations(); i++) {
            String stage = i == config.iterations() ? "final" : "iter-" + i;
            int iteration = i;
            context.stage(stage, () -> iterate(context, trainable, stage, iteration,
                    demonstrations.inspected(context, config.inspection().tasks()), archive, baseline));
        }
    }

    private void warmUp(MethodContext context, Policy policy, List<Trajectory> demonstrations) {
        context.writeTrajectories("demonstrations", demonstrations);
        TrainingReport report;
        try (Optimizer trainer = context.create(warmup)) {
            report = trainer.train(policy, TrainingBatch.ofTrajectories(demonstrations,
                    context.seed(WARMUP_SEED_STREAM), WARMUP_LABEL));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", "baseline");
        fields.put("demonstrations", demonstrations.size());
        fields.put("steps", demonstrations.stream().mapToInt(Trajectory::length).sum());
        report.metrics().forEach((name, value) -> fields.put("optimizer." + name, value));
        context.metrics().record("stepagent-warmup", fields);
    }

    private void iterate(MethodContext context, Policy policy, String stage, int iteration,
                         List<Trajectory> demonstrations, PairArchive archive, BaselineSnapshot baseline)
            throws Exception {
        InspectionSettings settings = config.inspection();
        Inspector inspector = new Inspector(settings.batchSize(), settings.agreement());
        Sampling sampling = new Sampling(settings.samples(), settings.temperature(), context.seed(stage + "/inspect"));
        InspectionResult inspection;
        try (ProgressReporter progress = context.progress(stage + "/inspect", Prefix.cut(demonstrations).size())) {
            inspection = inspector.inspect(policy, demonstrations, sampling, progress);
        }
        context.writePairs(stage, inspection.pairs());
        List<PreferencePair> training = inspection.pairs();
        if (config.aggregate()) {
            archive.add(iteration, inspection.disagreements());
            training = archive.pairs(demonstrations);
        }
        Map<String, Object> inspected = new LinkedHashMap<>();
        inspected.put("stage", stage);
        inspected.put("iteration", iteration);
        inspected.putAll(inspection.metrics());
        inspected.put("trainingPairs", training.size());
        context.metrics().record("stepagent-inspection", inspected);

        if (baseline != null) {
            baseline.restoreInto((TrainablePolicy) policy, context.runDirectory().resolve("stepagent"));
        }
        Map<String, Object> overrides = config.optimizerOverrides(iteration);
        OptimizerConfig scheduled = overrides.isEmpty() ? optimizer : context.override(optimizer, overrides);
        ExplorationSettings exploration = config.exploration();
        Reflector reflector = config.reflection() == Reflection.IMPLICIT
                ? new ImplicitReflection(context, scheduled)
                : new InverseReflection(context, reward, scheduled, config.preference(), exploration.tasks(),
                        exploration.samples(), exploration.temperature());
        Map<String, Object> reflected = new LinkedHashMap<>();
        reflected.put("stage", stage);
        reflected.put("iteration", iteration);
        reflected.put("reflection", config.reflection().id());
        reflected.putAll(reflector.reflect(stage, policy, training, demonstrations));
        context.metrics().record("stepagent-reflection", reflected);

        context.evaluate(stage, policy);
    }

    /**
     * The expert demonstrations of the first {@code min(demonstrations, |train|)} training tasks (as
     * the host's {@code bc} method gathers them), gathered once when first needed.
     */
    private static final class Demonstrations {
        private final Environment environment;
        private final int count;
        private List<Trajectory> gathered;
        private List<Trajectory> inspected;

        Demonstrations(Environment environment, int count) {
            this.environment = environment;
            this.count = count;
        }

        List<Trajectory> get(MethodContext context) {
            if (gathered == null) {
                gathered = gather(context);
            }
            return gathered;
        }

        /**
         * The expert trajectories inspected: the demonstrations, then the expert's trajectories of the
         * training tasks that follow them, {@code tasks} in all (capped by the training tasks), in task
         * order; the same list every iteration, so the archive's indices stay valid.
         */
        List<Trajectory> inspected(MethodContext context, int tasks) {
            if (inspected == null) {
                List<Trajectory> all = new ArrayList<>(get(context));
                List<Task> train = environment.tasks(Split.TRAIN);
                int missing = 0;
                for (Task task : train.subList(Math.min(count, train.size()), Math.min(Math.max(count, tasks),
                        train.size()))) {
                    var expert = environment.demonstration(task);
                    if (expert.isPresent()) {
                        all.add(expert.get());
                    } else {
                        missing++;
                    }
                }
                context.metrics().record("stepagent-inspected", Map.of("expertTrajectories", all.size(),
                        "beyondDemonstrations", all.size() - gathered.size(), "missing", missing));
                inspected = List.copyOf(all);
            }
            return inspected;
        }

        private List<Trajectory> gather(MethodContext context) {
            List<Task> train = environment.tasks(Split.TRAIN);
            List<Task> tasks = train.subList(0, Math.min(count, train.size()));
            List<Trajectory> demonstrations = new ArrayList<>(tasks.size());
            int missing = 0;
            for (Task task : tasks) {
                var demonstration = environment.demonstration(task);
                if (demonstration.isPresent()) {
                    demonstrations.add(demonstration.get());
                } else {
                    missing++;
                }
            }
            if (demonstrations.stream().allMatch(d -> d.length() == 0)) {
                throw new IncompatiblePartsException("method 'stepagent' needs expert demonstrations, but the "
                        + "environment gave none for its first " + tasks.size() + " training tasks; use an "
                        + "environment with an expert");
            }
            context.metrics().record("stepagent-demonstrations", Map.of("demonstrations", demonstrations.size(),
                    "missing", missing));
            return List.copyOf(demonstrations);
        }
    }
}
