package dev.kaizen.djl.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.kaizen.djl.features.EncodedContext;
import dev.kaizen.djl.features.Row;
import dev.kaizen.djl.training.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * The differentiable outputs of a forward pass over {@link Examples}; the arrays live in the
 * caller's {@code NDScope}. A context's distribution is a softmax over its rows; a template row's
 * filler then keeps each instruction token with probability {@code σ(tokenLogit)}.
 *
 * @param logProbabilities {@code [examples × maxRows]} row log-probabilities (padding about -1e9)
 * @param mask {@code [examples × maxRows]} 1 for real rows
 * @param tokenLogits {@code [examples × maxTokens]} filler token logits
 * @param tokenMask {@code [examples × maxTokens]} 1 for real tokens
 * @param templateMass {@code [examples]} the probability of choosing any template row
 * @param chosen {@code [examples]} {@code log π} of each example's given action (0 where none)
 * @param chosenScores {@code [examples]} the given action's raw score: its row's logit plus, for a
 *     filler, its tokens' log-likelihood
 * @param values {@code [examples]} the value head's estimates, or null if not requested
 */
public record Scores(NDArray logProbabilities, NDArray mask, NDArray tokenLogits, NDArray tokenMask,
                     NDArray templateMass, NDArray chosen, NDArray chosenScores, NDArray values) {

    /**
     * The scores of {@code examples} from {@code forward}, the network's pass over {@code batch}
     * (their encoded contexts): the given actions' log-probabilities and raw scores (a filler's
     * tokens' log-likelihood added, {@link DjlScorerPolicy#UNALIGNED} for one its tokens cannot
     * write) and each context's template mass.
     */
    static Scores of(NDManager manager, ScorerNetwork.Forward forward, EncodedBatch batch, Examples examples) {
        List<EncodedContext.Choice> choices = examples.choices();
        int n = choices.size();
        long[] flat = new long[n];
        long[] rowIndex = new long[n];
        float[] given = new float[n];
        float[] unaligned = new float[n];
        float[] kept = new float[n * batch.maxTokens];
        float[] fill = new float[n];
        float[] templates = new float[n * batch.maxRows];
        for (int i = 0; i < n; i++) {
            EncodedContext.Choice choice = choices.get(i);
            int row = Math.max(choice.row(), 0);
            flat[i] = (long) i * batch.maxRows + row;
            rowIndex[i] = batch.offsets[i] + Math.min(row, Math.max(0, examples.rows(i) - 1));
            given[i] = choice.row() >= 0 ? 1f : 0f;
            unaligned[i] = choice.unaligned() ? (float) DjlScorerPolicy.UNALIGNED : 0f;
            if (choice.tokens() != null) {
                fill[i] = 1f;
                for (int t = 0; t < choice.tokens().length; t++) {
                    kept[i * batch.maxTokens + t] = choice.tokens()[t] ? 1f : 0f;
                }
            }
            List<Row> rows = examples.encoded().get(i).rows();
            for (int r = 0; r < rows.size(); r++) {
                templates[i * batch.maxRows + r] = rows.get(r).isTemplate() ? 1f : 0f;
            }
        }
        Shape perExample = new Shape(n);
        Shape perToken = new Shape(n, batch.maxTokens);
        NDArray givenMask = manager.create(given, perExample);
        NDArray logits = forward.tokenLogits();
        NDArray keep = manager.create(kept, perToken);
        // log σ(s) = −softplus(−s); log σ(−s) = −softplus(s)
        NDArray tokenLog = Ops.softplus(logits.neg()).mul(keep).add(Ops.softplus(logits).mul(keep.neg().add(1f))).neg()
                .mul(forward.tokenMask()).sum(new int[] {1}).mul(manager.create(fill, perExample));
        NDArray extra = tokenLog.add(manager.create(unaligned, perExample));
        NDArray chosen = forward.logProbabilities().take(manager.create(flat, perExample)).add(extra).mul(givenMask);
        NDArray chosenScores = forward.scores().take(manager.create(rowIndex, perExample)).add(extra).mul(givenMask);
        NDArray templateMass = forward.logProbabilities().exp().mul(forward.mask())
                .mul(manager.create(templates, new Shape(n, batch.maxRows))).sum(new int[] {1});
        return new Scores(forward.logProbabilities(), forward.mask(), logits, forward.tokenMask(), templateMass,
                chosen, chosenScores, forward.values());
    }

    /**
     * How many of {@code examples} (those these scores are of) have their given action as the
     * policy's greedy choice: the row with the highest probability, and for a filler the most likely
     * tokens.
     */
    public int greedyHits(Examples examples) {
        float[] rows = logProbabilities().toFloatArray();
        float[] tokens = tokenLogits().toFloatArray();
        int width = Math.toIntExact(logProbabilities().getShape().get(1));
        int tokenWidth = Math.toIntExact(tokenLogits().getShape().get(1));
        int hits = 0;
        for (int i = 0; i < examples.size(); i++) {
            EncodedContext.Choice choice = examples.choices().get(i);
            if (choice.row() < 0) {
                continue;
            }
            int best = 0;
            for (int r = 1; r < examples.rows(i); r++) {
                if (rows[i * width + r] > rows[i * width + best]) {
                    best = r;
                }
            }
            if (best != choice.row()) {
                continue;
            }
            if (choice.unaligned()) {
                continue;
            }
            if (choice.tokens() != null) {
                float[] logits = Arrays.copyOfRange(tokens, i * tokenWidth, i * tokenWidth + examples.tokens(i));
                List<boolean[]> mode = QueryModel.best(logits, 1);
                if (mode.isEmpty() || !Arrays.equals(mode.get(0), choice.tokens())) {
                    continue;
                }
            }
            hits++;
        }
        return hits;
    }
}
