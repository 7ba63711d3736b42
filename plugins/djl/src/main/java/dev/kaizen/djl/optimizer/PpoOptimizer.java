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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proximal policy optimisation on the batch's trajectories, whose per-step rewards are the
 * {@code Step.reward()} values (relabel them with a reward model first). The old policy and the
 * reference are the policy at the start of the call: its log-probabilities, full distributions and
 * value estimates are computed once before the first update. Advantages by GAE(γ, λ) per
 * trajectory (the last step ends it), optionally standardised; loss
 * {@code −surrogate + c_v·(V − R)² − c_e·H + c_kl·KL(π ‖ π_ref)}, where the entropy and the KL
 * are exact over rows and filler tokens. Reports {@code ppo-epoch} events
 * with {@code loss}, {@code policyLoss}, {@code valueLoss}, {@code entropy}, {@code kl} and
 * {@code clipFraction}.
 */
final class PpoOptimizer extends ScorerOptimizer<PpoConfig> {

    PpoOptimizer(String name, PpoConfig config, MetricsSink metrics, Progress progress) {
        super(name, config, metrics, progress);
    }

    @Override
    TrainingReport train(DjlScorerPolicy scorer, TrainingBatch batch) {
        StepContexts steps = new StepContexts();
        List<double[]> rewards = new ArrayList<>();
        for (Trajectory trajectory : batch.trajectories()) {
            if (trajectory.length() == 0) {
                continue;
            }
            double[] r = new double[trajectory.length()];
            for (int t = 0; t < trajectory.length(); t++) {
                r[t] = trajectory.steps().get(t).reward();
            }
            steps.add(trajectory);
            rewards.add(r);
        }
        if (steps.isEmpty()) {
            return TrainingReport.empty();
        }
        Examples examples = scorer.encode(steps.contexts(), steps.actions());
        return DjlRuntime.call(() -> run(scorer, examples, rewards, batch));
    }

    private TrainingReport run(DjlScorerPolicy scorer, Examples examples, List<double[]> rewards,
                               TrainingBatch batch) {
        int n = examples.size();
        StartingPolicy before = StartingPolicy.of(scorer, examples, true);
        double[] values = before.values();
        double[] advantages = new double[n];
        double[] targets = new double[n];
        int offset = 0;
        for (double[] r : rewards) {
            double[] v = Arrays.copyOfRange(values, offset, offset + r.length);
            double[] a = Gae.advantages(r, v, config.gamma(), config.lambda());
            double[] ret = Gae.returns(a, v);
            System.arraycopy(a, 0, advantages, offset, r.length);
            System.arraycopy(ret, 0, targets, offset, r.length);
            offset += r.length;
        }
        if (config.normalizeAdvantages() && n > 1) {
            double mean = Arrays.stream(advantages).average().orElse(0);
            double variance = Arrays.stream(advantages).map(a -> (a - mean) * (a - mean)).sum() / (n - 1);
            double std = Math.sqrt(variance) + 1e-8;
            for (int i = 0; i < n; i++) {
                advantages[i] = (advantages[i] - mean) / std;
            }
        }
        // the advantages are only read from here on
        Map<String, Double> summary = Map.of("meanAdvantage", Arrays.stream(advantages).average().orElse(0));
        return epochs(scorer, batch,
                (steps, epoch) -> epoch(scorer, examples, before, advantages, targets, batch, steps, epoch), summary);
    }

    private Map<String, Double> epoch(DjlScorerPolicy scorer, Examples examples, StartingPolicy before,
                                      double[] advantages, double[] targets, TrainingBatch batch,
                                      GradientSteps steps, int epoch) {
        int n = examples.size();
        double[] sums = new double[6];
        for (int[] indices : Minibatches.of(n, config.batchSize(), batch.seed(), epoch)) {
            Examples part = examples.subset(indices);
            float[] old = before.oldLog(indices);
            float[] adv = new float[indices.length];
            float[] ret = new float[indices.length];
            for (int k = 0; k < indices.length; k++) {
                adv[k] = (float) advantages[indices[k]];
                ret[k] = (float) targets[indices[k]];
            }
            double[] parts = new double[5];
            float loss = steps.step(manager -> {
                Scores scores = scorer.score(manager, part, true);
                NDArray oldArray = manager.create(old);
                NDArray surrogate = PpoObjective.clippedSurrogate(scores.chosen(), oldArray,
                        manager.create(adv), config.clip()).mean();
                NDArray valueLoss = scores.values().sub(manager.create(ret)).square().mean();
                NDArray entropy = StartingPolicy.entropy(scores).mean();
                NDArray total = surrogate.neg()
                        .add(Ops.times(valueLoss, config.valueCoefficient().floatValue()))
                        .sub(Ops.times(entropy, config.entropyCoefficient().floatValue()));
                NDArray kl = before.kl(manager, scores, indices).mean();
                if (config.klCoefficient() > 0) {
                    total = total.add(Ops.times(kl, config.klCoefficient().floatValue()));
                }
                parts[0] = -surrogate.getFloat();
                parts[1] = valueLoss.getFloat();
                parts[2] = entropy.getFloat();
                parts[3] = kl.getFloat();
                parts[4] = PpoObjective.clipped(scores.chosen(), oldArray, config.clip()).mean().getFloat();
                return total;
            });
            sums[0] += loss * indices.length;
            for (int p = 0; p < 5; p++) {
                sums[p + 1] += parts[p] * indices.length;
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("loss", sums[0] / n);
        figures.put("policyLoss", sums[1] / n);
        figures.put("valueLoss", sums[2] / n);
        figures.put("entropy", sums[3] / n);
        figures.put("kl", sums[4] / n);
        figures.put("clipFraction", sums[5] / n);
        figures.put("examples", (double) n);
        return figures;
    }
}
