package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.trajectory.PreferencePair;
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
final class DpoOptimizer extends ScorerOptimizer<DpoConfig> {

    DpoOptimizer(String name, DpoConfig config, MetricsSink metrics, Progress progress) {
        super(name, config, metrics, progress);
    }

    @Override
    TrainingReport train(DjlScorerPolicy scorer, TrainingBatch batch) {
        List<PreferencePair> pairs = batch.pairs();
        if (pairs.isEmpty()) {
            return TrainingReport.empty();
        }
        StepContexts steps = new StepContexts();
        int[][] chosenRange = new int[pairs.size()][];
        int[][] rejectedRange = new int[pairs.size()][];
        for (int p = 0; p < pairs.size(); p++) {
            PreferencePair pair = pairs.get(p);
            chosenRange[p] = steps.add(pair.context(), pair.chosen());
            rejectedRange[p] = steps.add(pair.context(), pair.rejected());
        }
        double[] reference = scorer.logProbabilities(steps.contexts(), steps.actions());
        Examples examples = scorer.encode(steps.contexts(), steps.actions());
        double[] referenceChosen = new double[pairs.size()];
        double[] referenceRejected = new double[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            referenceChosen[p] = sum(reference, chosenRange[p]);
            referenceRejected[p] = sum(reference, rejectedRange[p]);
        }
        PairSteps pairSteps = new PairSteps(chosenRange, rejectedRange, referenceChosen, referenceRejected);
        return DjlRuntime.call(() -> epochs(scorer, batch,
                (gradientSteps, epoch) -> epoch(scorer, examples, pairSteps, batch, gradientSteps, epoch), Map.of()));
    }

    /**
     * Each pair's continuations as ranges of the examples, and their reference log-probabilities.
     *
     * @param chosen per pair, the chosen continuation's steps {@code [start, end)}
     * @param rejected per pair, the rejected continuation's steps
     * @param referenceChosen per pair, {@code log π_ref} of the chosen continuation
     * @param referenceRejected per pair, {@code log π_ref} of the rejected continuation
     */
    private record PairSteps(int[][] chosen, int[][] rejected, double[] referenceChosen, double[] referenceRejected) {
    }

    private static double sum(double[] values, int[] range) {
        double total = 0;
        for (int i = range[0]; i < range[1]; i++) {
            total += values[i];
        }
        return total;
    }

    private Map<String, Double> epoch(DjlScorerPolicy scorer, Examples examples, PairSteps pairSteps,
                                      TrainingBatch batch, GradientSteps steps, int epoch) {
        int[][] chosenRange = pairSteps.chosen();
        int[][] rejectedRange = pairSteps.rejected();
        double[] referenceChosen = pairSteps.referenceChosen();
        double[] referenceRejected = pairSteps.referenceRejected();
        int pairs = chosenRange.length;
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
        figures.put("loss", lossSum / pairs);
        figures.put("accuracy", wins / pairs);
        figures.put("margin", marginSum / pairs);
        figures.put("pairs", (double) pairs);
        return figures;
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
