package dev.kaizen.djl.features;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.djl.text.QueryTokens;
import dev.kaizen.djl.text.TextProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Advice from memory, merged per action, and the logit bias it gives to the filler tokens of the
 * token block. Stateless.
 */
final class AdviceValues {

    private AdviceValues() {
    }

    /**
     * The advice by action text, in the order first advised: the similarity-weighted sum of values
     * ({@code [0]}), the sum of weights ({@code [1]}; the advised value is {@code [0] / [1]}) and the
     * best similarity ({@code [2]}).
     */
    static Map<String, double[]> byAction(List<Advice> advice) {
        if (advice.isEmpty()) {
            return Map.of();
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Advice a : advice) {
            double weight = Math.max(a.similarity(), 1e-6);
            for (ActionValue value : a.actions()) {
                double[] acc = out.computeIfAbsent(value.action().text(), k -> new double[3]);
                acc[0] += weight * value.value();
                acc[1] += weight;
                acc[2] = Math.max(acc[2], a.similarity());
            }
        }
        return out;
    }

    /**
     * Advised fillers shift their tokens' logits by {@code ±adviceWeight·Q}: up for the tokens that
     * write the filler, down for the others.
     */
    static void biasTokens(List<Row> rows, TextProfile instruction, Map<String, double[]> advice,
                           double adviceWeight, float[] bias) {
        if (advice.isEmpty()) {
            return;
        }
        for (Map.Entry<String, double[]> entry : advice.entrySet()) {
            Action action = new Action(entry.getKey());
            for (Row row : rows) {
                String filler = row.fillerOf(action);
                if (filler == null) {
                    continue;
                }
                boolean[] chosen = QueryTokens.align(instruction, filler, bias.length);
                if (chosen != null) {
                    double value = entry.getValue()[0] / entry.getValue()[1];
                    for (int t = 0; t < bias.length; t++) {
                        bias[t] += (float) (adviceWeight * value * (chosen[t] ? 1 : -1));
                    }
                }
                break;
            }
        }
    }
}
