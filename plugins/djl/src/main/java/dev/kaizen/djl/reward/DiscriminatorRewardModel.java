package dev.kaizen.djl.reward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.reward.RewardFitData;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.policy.Examples;
import dev.kaizen.djl.training.GradientSteps;
import dev.kaizen.djl.training.Minibatches;
import dev.kaizen.djl.training.Ops;
import dev.kaizen.djl.training.StepContexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GAIL-style discriminator: {@code D(s, a) = σ(f(s, a))}, where {@code f} is the raw score of the
 * action under a scorer network of its own (same features as the policy, separate parameters).
 * {@link #fit} maximises {@code E_expert[log D] + E_agent[log(1 − D)]} on the pairs' steps (chosen =
 * expert, rejected = agent; every step of each continuation), continuing from the previous fit.
 * Step rewards follow {@link RewardForm}. Reports {@code discriminator-epoch} events with
 * {@code loss} and {@code accuracy}. Not thread-safe; the creator closes it.
 */
final class DiscriminatorRewardModel implements RewardModel {

    private final String name;
    private final DiscriminatorConfig config;
    private final DjlScorerPolicy network;
    private final MetricsSink metrics;

    DiscriminatorRewardModel(String name, DiscriminatorConfig config, DjlScorerPolicy network, MetricsSink metrics) {
        this.name = name;
        this.config = config;
        this.network = network;
        this.metrics = metrics;
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public Map<String, Double> fit(RewardFitData data) {
        StepContexts steps = new StepContexts();
        List<Float> labels = new ArrayList<>();
        for (PreferencePair pair : data.pairs()) {
            label(steps.add(pair.context(), pair.chosen()), 1f, labels);
            label(steps.add(pair.context(), pair.rejected()), 0f, labels);
        }
        if (steps.isEmpty()) {
            return Map.of("examples", 0.0);
        }
        Examples examples = network.encode(steps.contexts(), steps.actions());
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return DjlRuntime.call(() -> train(examples, y, data.seed()));
    }

    /** Gives the steps {@code [range[0], range[1])} the label {@code label}. */
    private static void label(int[] range, float label, List<Float> labels) {
        for (int i = range[0]; i < range[1]; i++) {
            labels.add(label);
        }
    }

    private Map<String, Double> train(Examples examples, float[] labels, long seed) {
        Map<String, Double> last = new LinkedHashMap<>();
        try (NDScope callScope = new NDScope()) {
            callScope.suppressNotUsedWarning();
            GradientSteps steps = new GradientSteps(network.parameters(), config.learningRate(), config.weightDecay(), 0);
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                double lossSum = 0;
                double correct = 0;
                for (int[] indices : Minibatches.of(examples.size(), config.batchSize(), seed, epoch)) {
                    Examples part = examples.subset(indices);
                    float[] y = new float[indices.length];
                    for (int k = 0; k < indices.length; k++) {
                        y[k] = labels[indices[k]];
                    }
                    double[] hits = new double[1];
                    float loss = steps.step(manager -> {
                        NDArray logits = network.score(manager, part, false).chosenScores();
                        float[] values = logits.toFloatArray();
                        for (int k = 0; k < values.length; k++) {
                            hits[0] += (values[k] > 0) == (y[k] > 0.5f) ? 1 : 0;
                        }
                        NDArray target = manager.create(y);
                        // binary cross-entropy with logits: y·softplus(−s) + (1 − y)·softplus(s)
                        NDArray positive = Ops.softplus(logits.neg()).mul(target);
                        NDArray negative = Ops.softplus(logits).mul(target.neg().add(1f));
                        return positive.add(negative).mean();
                    });
                    lossSum += loss * indices.length;
                    correct += hits[0];
                }
                last = new LinkedHashMap<>();
                last.put("epoch", (double) epoch + 1);
                last.put("loss", lossSum / examples.size());
                last.put("accuracy", correct / examples.size());
                last.put("examples", (double) examples.size());
                metrics.record(name + "-epoch", new LinkedHashMap<>(last));
            }
        }
        last.remove("epoch");
        return last;
    }

    /** {@code D(s, a)} for each step of each trajectory. */
    List<double[]> probabilities(List<Trajectory> trajectories) {
        List<double[]> logits = logits(trajectories);
        List<double[]> out = new ArrayList<>();
        for (double[] l : logits) {
            double[] p = new double[l.length];
            for (int t = 0; t < l.length; t++) {
                p[t] = RewardForm.D.apply(l[t]);
            }
            out.add(p);
        }
        return out;
    }

    private List<double[]> logits(List<Trajectory> trajectories) {
        StepContexts steps = StepContexts.of(trajectories);
        double[] all = steps.isEmpty() ? new double[0] : network.actionScores(steps.contexts(), steps.actions());
        return StepContexts.perTrajectory(all, trajectories);
    }

    @Override
    public List<double[]> stepRewards(List<Trajectory> trajectories) {
        List<double[]> out = logits(trajectories);
        for (double[] l : out) {
            for (int t = 0; t < l.length; t++) {
                l[t] = config.form().apply(l[t]);
            }
        }
        return out;
    }

    @Override
    public void close() {
        network.close();
    }
}
