package dev.kaizen.rememberer.method;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.api.memory.ExperienceMemoryConfig;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.rememberer.advice.AdviceValues;
import dev.kaizen.rememberer.memory.LuceneMemoryConfig;

/**
 * Config of method {@code rememberer}.
 *
 * @param demonstrations the behaviour-cloning warm-up: expert demonstrations of the first N
 *     training tasks (as method {@code bc} collects them); 0 skips it (the policy is used as
 *     built, or as loaded from {@code checkpoint}), default 1000
 * @param optimizer trains the warm-up (default {@code {type: bc}})
 * @param checkpoint a policy checkpoint directory to start from instead of the warm-up; null for none
 * @param memory the experience memory (default {@code {type: lucene}})
 * @param epochs training epochs over the training tasks, {@code >= 1} (default 3); the last one is
 *     stage {@code final}
 * @param trainTasks how many training tasks the epochs run, {@code >= 1} (default 100; capped by
 *     the split)
 * @param taskOffset the first of them in the {@code train} split, {@code >= 0} (default 0)
 * @param batchSize episodes run together before each memory update, {@code >= 1} (default 16)
 * @param temperature the policy's sampling temperature in training epochs, {@code >= 0}; 0 acts
 *     greedily, as at evaluation (default 0)
 * @param adviceRecords how many retrieved records advise each decision ({@code m}), {@code >= 1}
 *     (default 2)
 * @param minSimilarity records less similar than this ({@code S}) give no advice, in [0, 1]
 *     (default 0)
 * @param adviceValues how advised actions' values reach the policy: {@code q} (the remembered
 *     Q-values, as in the paper) or {@code advantage} ({@code Q − V}, V the record's visit-weighted
 *     mean value); default {@code q}
 * @param evaluateEpochs whether every epoch is evaluated, not just the last (default false)
 * @param zeroAdviceControl whether stage {@code final} also evaluates a control: the same records
 *     attached to the same contexts with every value set to 0, recorded with search name
 *     {@code greedy-zero-advice}; the difference to the advised evaluation is what the remembered
 *     values do, apart from the policy's response to advice being present at all (default false)
 */
public record RemembererConfig(Integer demonstrations,
                               @JsonProperty(defaultValue = "{type: bc}") OptimizerConfig optimizer,
                               String checkpoint,
                               @JsonProperty(defaultValue = "{type: lucene}") ExperienceMemoryConfig memory,
                               Integer epochs, Integer trainTasks, Integer taskOffset, Integer batchSize,
                               Double temperature, Integer adviceRecords, Double minSimilarity,
                               String adviceValues, Boolean evaluateEpochs, Boolean zeroAdviceControl)
        implements TrainingMethodConfig {

    public RemembererConfig {
        demonstrations = demonstrations == null ? 1000 : demonstrations;
        checkpoint = checkpoint == null || checkpoint.isBlank() ? null : checkpoint;
        memory = memory == null ? new LuceneMemoryConfig() : memory;
        epochs = epochs == null ? 3 : epochs;
        trainTasks = trainTasks == null ? 100 : trainTasks;
        taskOffset = taskOffset == null ? 0 : taskOffset;
        batchSize = batchSize == null ? 16 : batchSize;
        temperature = temperature == null ? 0.0 : temperature;
        adviceRecords = adviceRecords == null ? 2 : adviceRecords;
        minSimilarity = minSimilarity == null ? 0.0 : minSimilarity;
        adviceValues = adviceValues == null ? AdviceValues.Q.id() : adviceValues.trim().toLowerCase(java.util.Locale.ROOT);
        evaluateEpochs = evaluateEpochs == null ? Boolean.FALSE : evaluateEpochs;
        zeroAdviceControl = zeroAdviceControl == null ? Boolean.FALSE : zeroAdviceControl;
        if (demonstrations < 0) {
            throw new IllegalArgumentException("method.demonstrations must be >= 0 (0 skips behaviour cloning), got "
                    + demonstrations);
        }
        if (demonstrations > 0 && optimizer == null) {
            throw new IllegalArgumentException("method.optimizer is required for the behaviour-cloning warm-up,"
                    + " e.g. optimizer: {type: bc}; or set method.demonstrations: 0");
        }
        if (demonstrations > 0 && checkpoint != null) {
            throw new IllegalArgumentException("method.checkpoint and method.demonstrations are alternatives: set"
                    + " method.demonstrations: 0 to start from checkpoint " + checkpoint);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("method.epochs must be >= 1, got " + epochs);
        }
        if (trainTasks < 1) {
            throw new IllegalArgumentException("method.trainTasks must be >= 1, got " + trainTasks);
        }
        if (taskOffset < 0) {
            throw new IllegalArgumentException("method.taskOffset must be >= 0, got " + taskOffset);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("method.batchSize must be >= 1, got " + batchSize);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("method.temperature must be finite and >= 0, got " + temperature);
        }
        if (adviceRecords < 1) {
            throw new IllegalArgumentException("method.adviceRecords must be >= 1, got " + adviceRecords);
        }
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("method.minSimilarity must be in [0, 1], got " + minSimilarity);
        }
        AdviceValues.of(adviceValues);
    }
}
