package dev.kaizen.djl.policy;

import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.djl.config.Fields;

/**
 * Config of the {@code djl-scorer} policy. Every field has a default; null means default.
 *
 * @param buckets hashed embedding rows (words and roles share the table), 1,024 to 4,194,304; default 16,384
 * @param embeddingSize width of the embeddings, 4 to 512; default 32
 * @param hiddenSize width of the two hidden layers, 4 to 2,048; default 64
 * @param wordEmbeddings whether a row also reads an embedding bag of the candidate's own words
 *     (argument and description) and its element-wise product with the instruction's; default
 *     false: on the store it memorises training titles and lowers success on held-out tasks
 * @param adviceWeight fixed logit bias per unit of advised value ({@code adviceWeight·Q} on an advised
 *     action's row; {@code ±adviceWeight·Q} on the tokens of an advised filler), so that memory changes
 *     even a frozen policy's choices; finite, {@code >= 0}; default 2.0
 * @param threads PyTorch intra-op threads (process-wide; fixed for reproducible sums), 1 to 64; default 1
 * @param initScale the half-width of the uniform initialisation of the embeddings, (0, 1]; default 0.05
 */
public record DjlScorerConfig(Integer buckets, Integer embeddingSize, Integer hiddenSize, Boolean wordEmbeddings,
                              Double adviceWeight, Integer threads, Double initScale) implements PolicyConfig {

    public DjlScorerConfig {
        buckets = buckets == null ? 16_384 : buckets;
        embeddingSize = embeddingSize == null ? 32 : embeddingSize;
        hiddenSize = hiddenSize == null ? 64 : hiddenSize;
        wordEmbeddings = wordEmbeddings == null ? Boolean.FALSE : wordEmbeddings;
        adviceWeight = adviceWeight == null ? 2.0 : adviceWeight;
        threads = threads == null ? 1 : threads;
        initScale = initScale == null ? 0.05 : initScale;
        Fields.range("buckets", buckets, 1_024, 4_194_304);
        Fields.range("embeddingSize", embeddingSize, 4, 512);
        Fields.range("hiddenSize", hiddenSize, 4, 2_048);
        Fields.range("threads", threads, 1, 64);
        Fields.nonNegative("adviceWeight", adviceWeight);
        Fields.positive("initScale", initScale);
        Fields.range("initScale", initScale, 0, 1);
    }

    /** The defaults. */
    public DjlScorerConfig() {
        this(null, null, null, null, null, null, null);
    }
}
