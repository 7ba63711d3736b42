package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.policy.Examples;
import dev.kaizen.djl.training.GradientSteps;
import dev.kaizen.djl.training.Minibatches;
import dev.kaizen.djl.training.Ops;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct preference optimisation on the batch's pairs, at whatever level each pair is: the
 * log-probability of a continuation is the sum of {@code log π(a_j | context_j)} over its steps
 * (a whole trajectory for trajectory-level pairs, one action for step-level pairs), as
 * {@link PreferencePair} documents. The reference {@code π_ref} is the policy as it is at the start
 * of each {@link #train} call: its log-probabilities are computed once, before the first update,
 * which is exactly what a frozen copy taken then would give. Optional NLL term on the chosen
 * continuation (per step, weight {@code nllWeight}). Reports {@code dpo-epoch} events with
 * {@code loss}, {@code accuracy} (share of pairs whose log-ratio margin is positive) and
 * {@code margin} (mean {@code β·margin}).
 */
final class DpoOptimizer implements Optimizer {

    private final String name;
    private final DpoConfig config;
    private final MetricsSink metrics;
    private final Progress progress;

    DpoOptimizer(String name, DpoConfig config, MetricsSink metrics, Progress progress) {
        this.name = name;
        this.config = config;
        this.metrics = metrics;
        this.progress = progress;
    }

    @Override
    public TrainingReport train(Policy policy, TrainingBatch batch) {
        DjlScorerPolicy scorer = Trainables.require(policy, name);
        List<PreferencePair> pairs = batch.pairs();
        if (pairs.isEmpty()) {
            return TrainingReport.empty();
        }
        List<AgentContext> contexts = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        int[][] chosenRange = new int[pairs.size()][];
        int[][] rejectedRange = new int[pairs.size()][];
        for (int p = 0; p < pairs.size(); p++) {
            PreferencePair pair = pairs.get(p);
            chosenRange[p] = expand(pair.context(), pair.chosen(), contexts, actions);
            rejectedRange[p] = expand(pair.context(), pair.rejected(), contexts, actions);
        }
        double[] reference = scorer.logProbabilities(contexts, actions);
        Examples examples = scorer.encode(contexts, actions);
        double[] referenceChosen = new double[pairs.size()];
        double[] referenceRejected = new double[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            referenceChosen[p] = sum(reference, chosenRange[p]);
            referenceRejected[p] = sum(reference, rejectedRange[p]);
        }
        return DjlRuntime.call(() -> run(scorer, examples, chosenRange, rejectedRange, referenceChosen,
                referenceRejected, batch));
    }

    private static int[] expand(AgentContext context, List<Step> continuation, List<AgentContext> contexts,
                                List<Action> actions) {
        int start = contexts.size();
        for (int j = 0; j < continuation.size(); j++) {
            contexts.add(PreferencePair.contextFor(context, continuation, j));
            actions.add(continuation.get(j).action());
        }
        return new int[] {start, contexts.size()};
    }

    private static double sum(double[] values, int[] range) {
        double total = 0;
        for (int i = range[0]; i < range[1]; i++) {
            total += values[i];
        }
        return total;
    }

    private TrainingReport run(DjlScorerPolicy scorer, Examples examples, int[][] chosenRange, int[][] rejectedRange,
                               double[] referenceChosen, double[] referenceRejected, TrainingBatch batch) {
        int pairs = chosenRange.length;
        List<Map<String, Double>> epochs = new ArrayList<>();
        try (NDScope callScope = new NDScope();
             ProgressReporter bar = progress.open(batch.label() + "/" + name, config.epochs())) {
            callScope.suppressNotUsedWarning();
            GradientSteps steps = new GradientSteps(scorer.parameters(), config.learningRate(), config.weightDecay(),
                    config.gradientClip());
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                double lossSum = 0;
                double wins = 0;
                double marginSum = 0;
                for (int[] batchPairs : Minibatches.of(pairs, config.batchSize(), batch.seed(), epoch)) {
                    List<Integer> rows = new ArrayList<>();
                    int[][] chosenRows = new int[batchPairs.length][];
                    int[][] rejectedRows = new int[batchPairs.length][];
                    for (int k = 0; k < batchPairs.length; k++) {
                        chosenRows[k] = take(rows, chosenRange[batchPairs[k]]);
                        rejectedRows[k] = take(rows, rejectedRange[batchPairs[k]]);
                    }
                    Examples part = examples.subset(rows.stream().mapToInt(Integer::intValue).toArray());
                    float[] refChosen = new float[batchPairs.length];
                    float[] refRejected = new float[batchPairs.length];
                    float[] chosenLengths = new float[batchPairs.length];
                    for (int k = 0; k < batchPairs.length; k++) {
                        refChosen[k] = (float) referenceChosen[batchPairs[k]];
                        refRejected[k] = (float) referenceRejected[batchPairs[k]];
                        chosenLengths[k] = chosenRows[k][1] - chosenRows[k][0];
                    }
                    double[] figures = new double[2];
                    float loss = steps.step(manager -> {
                        NDArray stepLog = scorer.score(manager, part, false).chosen();
                        NDArray chosen = segmentSums(manager, stepLog, chosenRows, rows.size());
                        NDArray rejected = segmentSums(manager, stepLog, rejectedRows, rows.size());
                        NDArray refW = manager.create(refChosen);
                        NDArray refL = manager.create(refRejected);
                        NDArray margin = DpoObjective.margin(chosen, rejected, refW, refL);
                        float[] m = margin.toFloatArray();
                        for (float v : m) {
                            figures[0] += v > 0 ? 1 : 0;
                            figures[1] += config.beta() * v;
                        }
                        NDArray total = DpoObjective.loss(chosen, rejected, refW, refL, config.beta()).mean();
                        if (config.nllWeight() > 0) {
                            NDArray nll = chosen.neg().div(manager.create(chosenLengths)).mean();
                            total = total.add(Ops.times(nll, config.nllWeight().floatValue()));
                        }
                        return total;
                    });
                    lossSum += loss * batchPairs.length;
                    wins += figures[0];
                    marginSum += figures[1];
                }
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("epoch", (double) epoch + 1);
                figures.put("loss", lossSum / pairs);
                figures.put("accuracy", wins / pairs);
                figures.put("margin", marginSum / pairs);
                figures.put("pairs", (double) pairs);
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

    private static int[] take(List<Integer> rows, int[] range) {
        int start = rows.size();
        for (int i = range[0]; i < range[1]; i++) {
            rows.add(i);
        }
        return new int[] {start, rows.size()};
    }

    /** Sums of {@code values} over each row range, as a {@code [ranges]} array. */
    static NDArray segmentSums(NDManager manager, NDArray values, int[][] ranges, int length) {
        float[] matrix = new float[ranges.length * length];
        for (int k = 0; k < ranges.length; k++) {
            for (int i = ranges[k][0]; i < ranges[k][1]; i++) {
                matrix[k * length + i] = 1f;
            }
        }
        NDArray weights = manager.create(matrix, new Shape(ranges.length, length));
        return weights.matMul(values.reshape(length, 1)).reshape(ranges.length);
    }
}
