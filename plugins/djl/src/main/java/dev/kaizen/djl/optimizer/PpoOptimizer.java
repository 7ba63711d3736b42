package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
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

    private static final int CHUNK = 256;

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

    /**
     * The policy at the start of the call, per example: the given action's log-probability, the
     * value estimate, and the full row distribution and filler token logits (the KL reference).
     */
    private record StartingPolicy(float[] oldLog, double[] values, float[][] reference, float[][] referenceTokens) {
    }

    private static StartingPolicy startingPolicy(DjlScorerPolicy scorer, Examples examples) {
        int n = examples.size();
        float[] oldLog = new float[n];
        double[] values = new double[n];
        float[][] reference = new float[n][];
        float[][] referenceTokens = new float[n][];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            int[] indices = range(start, end);
            Examples part = examples.subset(indices);
            try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                scope.suppressNotUsedWarning();
                Scores scores = scorer.score(manager, part, true);
                float[] chosen = scores.chosen().toFloatArray();
                float[] v = scores.values().toFloatArray();
                float[] grid = scores.logProbabilities().toFloatArray();
                float[] tokens = scores.tokenLogits().toFloatArray();
                int width = Math.toIntExact(scores.logProbabilities().getShape().get(1));
                int tokenWidth = Math.toIntExact(scores.tokenLogits().getShape().get(1));
                for (int k = 0; k < indices.length; k++) {
                    oldLog[start + k] = chosen[k];
                    values[start + k] = v[k];
                    reference[start + k] = Arrays.copyOfRange(grid, k * width, k * width + part.rows(k));
                    referenceTokens[start + k] = Arrays.copyOfRange(tokens, k * tokenWidth,
                            k * tokenWidth + part.tokens(k));
                }
            }
        }
        return new StartingPolicy(oldLog, values, reference, referenceTokens);
    }

    private TrainingReport run(DjlScorerPolicy scorer, Examples examples, List<double[]> rewards,
                               TrainingBatch batch) {
        int n = examples.size();
        StartingPolicy before = startingPolicy(scorer, examples);
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
        float[] oldLog = before.oldLog();
        float[][] reference = before.reference();
        float[][] referenceTokens = before.referenceTokens();
        double[] sums = new double[6];
        for (int[] indices : Minibatches.of(n, config.batchSize(), batch.seed(), epoch)) {
            Examples part = examples.subset(indices);
            float[] old = new float[indices.length];
            float[] adv = new float[indices.length];
            float[] ret = new float[indices.length];
            for (int k = 0; k < indices.length; k++) {
                old[k] = oldLog[indices[k]];
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
                NDArray entropy = PpoObjective.entropy(scores.logProbabilities(), scores.mask())
                        .add(scores.templateMass().mul(PpoObjective.bernoulliEntropy(scores.tokenLogits(),
                                scores.tokenMask()))).mean();
                NDArray total = surrogate.neg()
                        .add(Ops.times(valueLoss, config.valueCoefficient().floatValue()))
                        .sub(Ops.times(entropy, config.entropyCoefficient().floatValue()));
                NDArray kl = PpoObjective.kl(scores.logProbabilities(),
                        referenceGrid(manager, reference, indices, scores.logProbabilities()), scores.mask())
                        .add(scores.templateMass().mul(PpoObjective.bernoulliKl(scores.tokenLogits(),
                                referenceGrid(manager, referenceTokens, indices, scores.tokenLogits()),
                                scores.tokenMask()))).mean();
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

    private static NDArray referenceGrid(NDManager manager, float[][] reference, int[] indices, NDArray like) {
        int width = Math.toIntExact(like.getShape().get(1));
        float[] grid = new float[indices.length * width];
        for (int k = 0; k < indices.length; k++) {
            float[] row = reference[indices[k]];
            System.arraycopy(row, 0, grid, k * width, row.length);
        }
        return manager.create(grid, new Shape(indices.length, width));
    }

    private static int[] range(int start, int end) {
        int[] out = new int[end - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = start + i;
        }
        return out;
    }
}
