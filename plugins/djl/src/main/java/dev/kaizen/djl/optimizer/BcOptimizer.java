package dev.kaizen.djl.optimizer;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.policy.Examples;
import dev.kaizen.djl.training.GradientSteps;
import dev.kaizen.djl.training.Minibatches;
import dev.kaizen.djl.training.StepContexts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Behaviour cloning: maximises {@code Σ log π(a_t | h_t)} over the steps of the batch's
 * trajectories (the loss is on actions only; observations are context). Every step of every given
 * trajectory is a training example; methods choose which trajectories to give. Reports
 * {@code bc-epoch} events with {@code loss} (mean negative log-likelihood) and {@code accuracy}
 * (share of steps where the demonstrated action, filler included, is the policy's greedy choice).
 */
final class BcOptimizer extends ScorerOptimizer<BcConfig> {

    BcOptimizer(String name, BcConfig config, MetricsSink metrics, Progress progress) {
        super(name, config, metrics, progress);
    }

    @Override
    TrainingReport train(DjlScorerPolicy scorer, TrainingBatch batch) {
        StepContexts steps = StepContexts.of(batch.trajectories());
        if (steps.isEmpty()) {
            return TrainingReport.empty();
        }
        Examples examples = scorer.encode(steps.contexts(), steps.actions());
        return DjlRuntime.call(() -> epochs(scorer, batch,
                (gradientSteps, epoch) -> epoch(scorer, examples, batch, gradientSteps, epoch), Map.of()));
    }

    private Map<String, Double> epoch(DjlScorerPolicy scorer, Examples examples, TrainingBatch batch,
                                      GradientSteps steps, int epoch) {
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
        figures.put("loss", lossSum / examples.size());
        figures.put("accuracy", correct / examples.size());
        figures.put("examples", (double) examples.size());
        return figures;
    }
}
