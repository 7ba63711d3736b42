package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDScope;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.training.GradientSteps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every optimiser of the {@code djl-scorer} policy shares. {@link #train(Policy, TrainingBatch)}
 * checks that the policy is a {@link DjlScorerPolicy} ({@link Trainables}) and hands it to the
 * subclass, which gathers and encodes its examples and calls {@link #epochs}: the configured number
 * of epochs of AdamW steps ({@link GradientSteps}) in one {@code NDScope}, each epoch's figures
 * recorded as a {@code <name>-epoch} metric event (with the batch's label) and shown on a progress
 * bar, and the last epoch's figures with the number of epochs as the report's metrics.
 *
 * @param <C> the config
 */
abstract class ScorerOptimizer<C extends TrainingSettings> implements Optimizer {

    /** One epoch of training: its figures ({@code loss} first), in the order they are reported. */
    @FunctionalInterface
    interface Epoch {
        Map<String, Double> run(GradientSteps steps, int epoch);
    }

    /** The optimiser's name, in messages, metric events and progress labels. */
    protected final String name;
    protected final C config;
    private final MetricsSink metrics;
    private final Progress progress;

    ScorerOptimizer(String name, C config, MetricsSink metrics, Progress progress) {
        this.name = name;
        this.config = config;
        this.metrics = metrics;
        this.progress = progress;
    }

    @Override
    public final TrainingReport train(Policy policy, TrainingBatch batch) {
        return train(Trainables.require(policy, name), batch);
    }

    /** Trains {@code scorer} on {@code batch}; {@link TrainingReport#empty()} when it has nothing to train on. */
    abstract TrainingReport train(DjlScorerPolicy scorer, TrainingBatch batch);

    /**
     * Runs the epochs on {@code scorer}'s parameters. Call inside {@link DjlRuntime}.
     *
     * @param summary figures added to the report's metrics after the last epoch's
     */
    final TrainingReport epochs(DjlScorerPolicy scorer, TrainingBatch batch, Epoch epoch, Map<String, Double> summary) {
        List<Map<String, Double>> epochs = new ArrayList<>();
        try (NDScope callScope = new NDScope();
             ProgressReporter bar = progress.open(batch.label() + "/" + name, config.epochs())) {
            callScope.suppressNotUsedWarning();
            GradientSteps steps = new GradientSteps(scorer.parameters(), config.learningRate(), config.weightDecay(),
                    config.gradientClip());
            for (int e = 0; e < config.epochs(); e++) {
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("epoch", (double) e + 1);
                figures.putAll(epoch.run(steps, e));
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
        last.putAll(summary);
        return new TrainingReport(last, epochs);
    }
}
