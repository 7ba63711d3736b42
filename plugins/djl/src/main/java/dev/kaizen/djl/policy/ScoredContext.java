package dev.kaizen.djl.policy;

import dev.kaizen.djl.features.EncodedContext;

/**
 * One context's scores from an inference pass.
 *
 * @param encoded the context as encoded
 * @param rows its rows' log-probabilities
 * @param tokens its filler token logits (none without templates)
 */
record ScoredContext(EncodedContext encoded, float[] rows, float[] tokens) {
}
