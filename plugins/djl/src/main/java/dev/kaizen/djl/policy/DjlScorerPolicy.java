package dev.kaizen.djl.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.features.EncodedContext;
import dev.kaizen.djl.features.FeatureEncoder;
import dev.kaizen.djl.text.TextProfiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The {@code djl-scorer} policy: scores every row of every context in one forward pass. A row is a
 * concrete action of the observation or a free-text template; {@code π} is the softmax over a
 * context's rows, and a template's filler is written with the instruction's own tokens, each kept
 * with probability {@code σ(s_t)} from a token head ({@link QueryModel}), so that
 * {@code log π(template(q)) = log π(template) + log P(q | template)} exactly, for any in-order
 * subset of the instruction's tokens (span unions included).
 *
 * <p>Contexts are encoded by a {@link FeatureEncoder}. Sampling follows the api's {@link Sampling}
 * contract ({@link CandidateSampler}). A filler that cannot be written with the instruction's tokens
 * gets {@code log π(template)} {@value #UNALIGNED} (it is never proposed). Checkpoints are
 * {@link Checkpoint}s.
 *
 * <p>Contexts are encoded, and their actions picked, in parallel on the common pool; the network's
 * row head and token head run at the same time on two threads ({@link Work}), bit for bit as in one
 * pass; large batches are scored in chunks of at most {@value #MAX_ROWS} rows. Not thread-safe: one
 * caller at a time. The creator closes it, which frees its native memory; a {@link #frozenCopy()}
 * is a separate policy to close too.
 */
public final class DjlScorerPolicy implements TrainablePolicy {

    /** The most rows (plus tokens) scored in one forward pass. */
    static final int MAX_ROWS = 8_192;
    /** Added to {@code log π(template)} for fillers not written with the instruction's tokens. */
    static final double UNALIGNED = -30.0;

    /** Short texts (instructions, action arguments, titles) analysed once and kept. */
    private static final int PROFILE_CACHE = 30_000;
    private static final int DISTRIBUTION_FILLS = 20;

    private final DjlScorerConfig config;
    private final String typeName;
    private final FeatureEncoder encoder;
    private final ScorerNetwork network;
    private boolean closed;

    private DjlScorerPolicy(DjlScorerConfig config, String typeName, FeatureEncoder encoder, ScorerNetwork network) {
        this.config = config;
        this.typeName = typeName;
        this.encoder = encoder;
        this.network = network;
    }

    /**
     * A policy with parameters initialised from {@code seed}.
     *
     * @param typeName the part's name, written into checkpoints and messages
     */
    public static DjlScorerPolicy create(DjlScorerConfig config, String typeName, long seed) {
        DjlRuntime.threads(config.threads());
        FeatureEncoder encoder = new FeatureEncoder(new TextProfiles(PROFILE_CACHE), config.buckets(),
                config.adviceWeight(), config.wordEmbeddings());
        ScorerNetwork network = DjlRuntime.call(() -> ScorerNetwork.initialise(config, Seeds.derive(seed, "init")));
        return new DjlScorerPolicy(config, typeName, encoder, network);
    }

    /** The config it was built with. */
    public DjlScorerConfig config() {
        return config;
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        ensureOpen();
        List<ScoredContext> scored = infer(encodeAll(contexts, null));
        Decision[] decisions = new Decision[contexts.size()];
        // each context's choice depends on its own scores and seed only, so contexts are picked in parallel
        Work.forEach(contexts.size(), i -> decisions[i] = CandidateSampler.pick(contexts.get(i), scored.get(i),
                sampling));
        return Arrays.asList(decisions);
    }

    @Override
    public double[] logProbabilities(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        requireSameLength(contexts, actions);
        return evaluate(encode(contexts, actions), false);
    }

    /**
     * The raw scores of {@code actions[i]} in {@code contexts[i]}: the row's logit (advice bias
     * included) plus, for a filler, its tokens' log-likelihood; used by reward models built on this
     * network.
     */
    public double[] actionScores(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        requireSameLength(contexts, actions);
        return evaluate(encode(contexts, actions), true);
    }

    /**
     * For inspection and tests: each context's concrete actions and its templates' most likely
     * fillers (up to {@value #DISTRIBUTION_FILLS} per template), with their log-probabilities.
     */
    public List<List<Candidate>> distributions(List<AgentContext> contexts) {
        ensureOpen();
        List<List<Candidate>> out = new ArrayList<>();
        for (ScoredContext s : infer(encodeAll(contexts, null))) {
            out.add(CandidateSampler.mostLikely(s, s.encoded().size() + DISTRIBUTION_FILLS));
        }
        return out;
    }

    private List<EncodedContext> encodeAll(List<AgentContext> contexts, List<Action> extras) {
        EncodedContext[] out = new EncodedContext[contexts.size()];
        // a parallel stream (blocks of consecutive contexts per thread); handing contexts out one at a time
        // (Work) was measured only before training's dependence on garbage-collector timing was found and
        // removed (training.Ops), and is not used here
        IntStream.range(0, contexts.size()).parallel().forEach(i -> out[i] = encoder.encode(contexts.get(i),
                extras == null ? null : extras.get(i)));
        return Arrays.asList(out);
    }

    /** Consecutive chunks of at most {@link #MAX_ROWS} rows plus tokens. */
    private static List<int[]> chunks(List<EncodedContext> encoded) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < encoded.size()) {
            int end = start;
            int size = 0;
            while (end < encoded.size()
                    && (end == start || size + encoded.get(end).size() + encoded.get(end).tokens() <= MAX_ROWS)) {
                size += encoded.get(end).size() + encoded.get(end).tokens();
                end++;
            }
            out.add(new int[] {start, end});
            start = end;
        }
        return out;
    }

    private List<ScoredContext> infer(List<EncodedContext> encoded) {
        List<ScoredContext> out = new ArrayList<>(encoded.size());
        for (int[] chunk : chunks(encoded)) {
            EncodedBatch batch = new EncodedBatch(encoded.subList(chunk[0], chunk[1]));
            float[][] arrays = DjlRuntime.call(() -> network.infer(batch));
            for (int b = 0; b < batch.contexts; b++) {
                EncodedContext e = encoded.get(chunk[0] + b);
                out.add(new ScoredContext(e,
                        Arrays.copyOfRange(arrays[0], b * batch.maxRows, b * batch.maxRows + e.size()),
                        Arrays.copyOfRange(arrays[1], b * batch.maxTokens, b * batch.maxTokens + e.tokens())));
            }
        }
        return out;
    }

    private double[] evaluate(Examples examples, boolean raw) {
        double[] out = new double[examples.size()];
        for (int[] chunk : chunks(examples.encoded())) {
            int[] indices = IntStream.range(chunk[0], chunk[1]).toArray();
            Examples part = examples.subset(indices);
            float[] values = DjlRuntime.call(() -> {
                try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                    scope.suppressNotUsedWarning();
                    Scores scores = score(manager, part, false);
                    return (raw ? scores.chosenScores() : scores.chosen()).toFloatArray();
                }
            });
            for (int k = 0; k < values.length; k++) {
                out[chunk[0] + k] = values[k];
            }
        }
        return out;
    }

    /**
     * Encodes contexts once for training; {@code actions} (nullable, or with null entries) are made
     * scorable where missing and become each example's given action.
     */
    public Examples encode(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        if (actions != null) {
            requireSameLength(contexts, actions);
        }
        List<EncodedContext> encoded = encodeAll(contexts, actions);
        List<EncodedContext.Choice> choices = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            Action action = actions == null ? null : actions.get(i);
            choices.add(action == null ? new EncodedContext.Choice(-1, null, false) : encoded.get(i).choose(action));
        }
        return new Examples(encoded, choices);
    }

    /**
     * The differentiable forward pass over {@code examples}. Call inside {@link DjlRuntime} and an
     * {@code NDScope}; under a gradient collector the result can be back-propagated into
     * {@link #parameters()}.
     */
    public Scores score(NDManager manager, Examples examples, boolean withValues) {
        ensureOpen();
        EncodedBatch batch = new EncodedBatch(examples.encoded());
        return Scores.of(manager, network.forward(manager, batch, withValues), batch, examples);
    }

    /** The trainable parameters by name; optimisers update them in place. */
    public Map<String, NDArray> parameters() {
        ensureOpen();
        return network.parameters();
    }

    /** A copy of every parameter's values (for tests and checks). */
    public Map<String, float[]> parameterValues() {
        ensureOpen();
        return DjlRuntime.call(network::snapshot);
    }

    @Override
    public DjlScorerPolicy frozenCopy() {
        ensureOpen();
        ScorerNetwork copy = DjlRuntime.call(network::copy);
        return new DjlScorerPolicy(config, typeName, encoder, copy);
    }

    @Override
    public void save(Path directory) throws IOException {
        ensureOpen();
        Checkpoint.save(directory, config, typeName, network);
    }

    @Override
    public void load(Path directory) throws IOException {
        ensureOpen();
        Checkpoint.load(directory, config, typeName, network);
    }

    private static void requireSameLength(List<AgentContext> contexts, List<Action> actions) {
        if (contexts.size() != actions.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: " + contexts.size() + " vs "
                    + actions.size());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this " + typeName + " policy is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DjlRuntime.run(network::close);
        }
    }
}
