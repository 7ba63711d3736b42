package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDScope;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.policy.Examples;
import dev.kaizen.djl.training.GradientSteps;
import dev.kaizen.djl.training.Minibatches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Behaviour cloning: maximises {@code Σ log π(a_t | h_t)} over the steps of the batch's
 * trajectories (the loss is on actions only; observations are context). Every step of every given
 * trajectory is a training example; methods choose which trajectories to give. Reports
 * {@code bc-epoch} events with {@code loss} (mean negative log-likelihood) and {@code accuracy}
 * (share of steps where the demonstrated action, filler included, is the policy's greedy choice).
 */
final class BcOptimizer implements Optimizer {

    private final String name;
    private final BcConfig config;
    private final MetricsSink metrics;
    private final Progress progress;

    BcOptimizer(String name, BcConfig config, MetricsSink metrics, Progress progress) {
        this.name = name;
        this.config = config;
        this.metrics = metrics;
        this.progress = progress;
    }

    @Override
    public TrainingReport train(Policy policy, TrainingBatch batch) {
        DjlScorerPolicy scorer = Trainables.require(policy, name);
        List<AgentContext> contexts = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (Trajectory trajectory : batch.trajectories()) {
            for (int t = 0; t < trajectory.length(); t++) {
                contexts.add(trajectory.contextAt(t));
                actions.add(trajectory.steps().get(t).action());
            }
        }
        if (contexts.isEmpty()) {
            return TrainingReport.empty();
        }
        Examples examples = scorer.encode(contexts, actions);
        return DjlRuntime.call(() -> run(scorer, examples, batch));
    }

    private TrainingReport run(DjlScorerPolicy scorer, Examples examples, TrainingBatch batch) {
        List<Map<String, Double>> epochs = new ArrayList<>();
        try (NDScope callScope = new NDScope();
             ProgressReporter bar = progress.open(batch.label() + "/" + name, config.epochs())) {
            callScope.suppressNotUsedWarning();
            GradientSteps steps = new GradientSteps(scorer.parameters(), config.learningRate(), config.weightDecay(),
                    config.gradientClip());
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                double lossSum = 0;
                double correct = 0;
                for (int[] indices : Minibatches.of(examples.size(), config.batchSize(), batch.seed(), epoch)) {
                    Examples part = examples.subset(indices);
                    double[] hits = new double[1];
                    float loss = steps.step(manager -> {
                        var scores = scorer.score(manager, part, false);
                        hits[0] = scores.greedyHits(part);
                        return scores.chosen().neg().mean();
                    });
                    lossSum += loss * indices.length;
                    correct += hits[0];
                }
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("epoch", (double) epoch + 1);
                figures.put("loss", lossSum / examples.size());
                figures.put("accuracy", correct / examples.size());
                figures.put("examples", (double) examples.size());
                epochs.add(figures);
                Map<String, Object> event = new LinkedHashMap<>(figures);
                event.put("label", batch.label());
                metrics.record(name + "-epoch", event);
                bar.advance(1);
                bar.message(String.format("loss %.4f", figures.get("loss")));
            }
        }
        Map<String, Double> last = new LinkedHashMap<>(epochs.get(epochs.size() - 1));
        last.remove("epoch");
        last.put("epochs", (double) epochs.size());
        return new TrainingReport(last, epochs);
    }
}
