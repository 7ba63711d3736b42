package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDArray;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.policy.Examples;
import dev.kaizen.djl.policy.Scores;
import dev.kaizen.djl.training.GradientSteps;
import dev.kaizen.djl.training.Minibatches;
import dev.kaizen.djl.training.Ops;
import dev.kaizen.djl.training.StepContexts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The group-relative policy-gradient update (GRPO) on the batch's trajectories, whose per-step
 * rewards are the steps' advantages, already computed relative to their groups (method
 * {@code grpo} does that). No value head and no GAE: per step, the clipped surrogate
 * {@code min(ρ·A, clip(ρ, 1−ε, 1+ε)·A)} with {@code ρ = π/π_old}, minus {@code c_kl·KL(π ‖ π_ref)}
 * (exact over rows and filler tokens) plus {@code c_e·H}; the old policy and the reference are the
 * policy at the start of the call. Steps are weighted {@code 1/|τ|} within their trajectory
 * (GRPO's sequence mean) or equally (Dr. GRPO), the weights normalised over each minibatch.
 * Reports {@code grpo-epoch} events with {@code loss}, {@code policyLoss}, {@code kl},
 * {@code entropy} and {@code clipFraction}; the report adds {@code sequences} (trajectories trained
 * on) and {@code meanAbsAdvantage}.
 */
final class GrpoOptimizer extends ScorerOptimizer<GrpoConfig> {

    GrpoOptimizer(String name, GrpoConfig config, MetricsSink metrics, Progress progress) {
        super(name, config, metrics, progress);
    }

    @Override
    TrainingReport train(DjlScorerPolicy scorer, TrainingBatch batch) {
        StepContexts steps = new StepContexts();
        int trajectories = 0;
        for (Trajectory trajectory : batch.trajectories()) {
            if (trajectory.length() > 0) {
                steps.add(trajectory);
                trajectories++;
            }
        }
        if (steps.isEmpty()) {
            return TrainingReport.empty();
        }
        int n = steps.contexts().size();
        double[] advantages = new double[n];
        double[] weights = new double[n];
        int offset = 0;
        for (Trajectory trajectory : batch.trajectories()) {
            for (int t = 0; t < trajectory.length(); t++) {
                advantages[offset + t] = trajectory.steps().get(t).reward();
                weights[offset + t] = config.lengthNormalization() ? 1.0 / trajectory.length() : 1.0;
            }
            offset += trajectory.length();
        }
        Examples examples = scorer.encode(steps.contexts(), steps.actions());
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("sequences", (double) trajectories);
        summary.put("meanAbsAdvantage", Arrays.stream(advantages).map(Math::abs).average().orElse(0));
        return DjlRuntime.call(() -> {
            StartingPolicy before = StartingPolicy.of(scorer, examples, false);
            return epochs(scorer, batch,
                    (gradient, epoch) -> epoch(scorer, examples, before, advantages, weights, batch, gradient, epoch),
                    summary);
        });
    }

    private Map<String, Double> epoch(DjlScorerPolicy scorer, Examples examples, StartingPolicy before,
                                      double[] advantages, double[] weights, TrainingBatch batch,
                                      GradientSteps steps, int epoch) {
        int n = examples.size();
        double[] sums = new double[5];
        for (int[] indices : Minibatches.of(n, config.batchSize(), batch.seed(), epoch)) {
            Examples part = examples.subset(indices);
            float[] old = before.oldLog(indices);
            float[] adv = new float[indices.length];
            float[] weight = new float[indices.length];
            double total = 0;
            for (int k = 0; k < indices.length; k++) {
                total += weights[indices[k]];
            }
            for (int k = 0; k < indices.length; k++) {
                adv[k] = (float) advantages[indices[k]];
                weight[k] = (float) (weights[indices[k]] / total);
            }
            double[] parts = new double[4];
            float loss = steps.step(manager -> {
                Scores scores = scorer.score(manager, part, false);
                NDArray oldArray = manager.create(old);
                NDArray w = manager.create(weight);
                NDArray surrogate = PpoObjective.clippedSurrogate(scores.chosen(), oldArray, manager.create(adv),
                        config.clip()).mul(w).sum();
                NDArray kl = before.kl(manager, scores, indices).mul(w).sum();
                NDArray entropy = StartingPolicy.entropy(scores).mul(w).sum();
                NDArray objective = surrogate.neg().add(Ops.times(kl, config.klCoefficient().floatValue()))
                        .sub(Ops.times(entropy, config.entropyCoefficient().floatValue()));
                parts[0] = -surrogate.getFloat();
                parts[1] = kl.getFloat();
                parts[2] = entropy.getFloat();
                parts[3] = PpoObjective.clipped(scores.chosen(), oldArray, config.clip()).mean().getFloat();
                return objective;
            });
            sums[0] += loss * indices.length;
            for (int p = 0; p < 4; p++) {
                sums[p + 1] += parts[p] * indices.length;
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("loss", sums[0] / n);
        figures.put("policyLoss", sums[1] / n);
        figures.put("kl", sums[2] / n);
        figures.put("entropy", sums[3] / n);
        figures.put("clipFraction", sums[4] / n);
        figures.put("examples", (double) n);
        return figures;
    }
}
