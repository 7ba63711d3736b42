package dev.kaizen.djl.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.text.SpanQueryGenerator;
import dev.kaizen.djl.text.TextProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The {@code djl-scorer} policy: scores every candidate action of every context in one forward
 * pass; {@code π(a|h)} is the softmax over the context's candidates.
 *
 * <p>Sampling follows the api's {@link Sampling} contract: greedy takes the highest log-probabilities
 * (ties to the earlier candidate); above temperature 0, distinct actions are drawn without
 * replacement by Gumbel top-k on {@code log π / T}, with the randomness of each context derived from
 * the sampling seed, its task id and its step, so a context's result does not depend on its batch.
 * Reported log-probabilities are those of the policy itself (temperature 1).
 *
 * <p>Contexts are encoded in parallel on the common pool; large batches are scored in chunks of at
 * most {@value #MAX_ROWS} candidate rows. Not thread-safe: one caller at a time. The creator closes
 * it, which frees its native memory; a {@link #frozenCopy()} is a separate policy to close too.
 */
public final class DjlScorerPolicy implements TrainablePolicy {

    /** The most candidate rows scored in one forward pass. */
    static final int MAX_ROWS = 8_192;

    private static final int FORMAT = 1;
    private static final String META = "djl-scorer.json";
    private static final String PARAMETERS = "parameters.ndlist";

    private final DjlScorerConfig config;
    private final String typeName;
    private final FeatureEncoder encoder;
    private final CandidateBuilder candidates;
    private final ScorerNetwork network;
    private boolean closed;

    private DjlScorerPolicy(DjlScorerConfig config, String typeName, CandidateBuilder candidates,
                            ScorerNetwork network) {
        this.config = config;
        this.typeName = typeName;
        this.candidates = candidates;
        this.encoder = new FeatureEncoder(candidates, config.buckets(), config.adviceWeight());
        this.network = network;
    }

    /**
     * A policy with parameters initialised from {@code seed}.
     *
     * @param typeName the part's name, written into checkpoints
     */
    public static DjlScorerPolicy create(DjlScorerConfig config, String typeName, long seed) {
        DjlRuntime.threads(config.threads());
        CandidateBuilder builder = new CandidateBuilder(
                new SpanQueryGenerator(config.maxSpanWords(), config.maxQueries(), config.maxRuns()),
                new TextProfiles(200_000));
        ScorerNetwork network = DjlRuntime.call(() -> ScorerNetwork.initialise(config, Seeds.derive(seed, "init")));
        return new DjlScorerPolicy(config, typeName, builder, network);
    }

    /** The config it was built with. */
    public DjlScorerConfig config() {
        return config;
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        ensureOpen();
        List<EncodedContext> encoded = encodeAll(contexts, null);
        List<float[]> logProbabilities = logProbabilityRows(encoded);
        List<Decision> decisions = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            decisions.add(pick(contexts.get(i), encoded.get(i).candidates(), logProbabilities.get(i), sampling));
        }
        return decisions;
    }

    private static Decision pick(AgentContext context, List<Action> actions, float[] logProbabilities,
                                 Sampling sampling) {
        int n = actions.size();
        if (n == 0) {
            return new Decision(List.of());
        }
        double[] keys = new double[n];
        if (sampling.isGreedy()) {
            for (int i = 0; i < n; i++) {
                keys[i] = logProbabilities[i];
            }
        } else {
            SplittableRandom random = new SplittableRandom(Seeds.derive(
                    Seeds.derive(sampling.seed(), context.task().id()), context.step()));
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                double gumbel = -Math.log(-Math.log(u + 1e-300) + 1e-300);
                keys[i] = logProbabilities[i] / sampling.temperature() + gumbel;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -keys[i]).thenComparingInt(i -> i));
        int count = Math.min(sampling.count(), n);
        List<Candidate> picked = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int i = order[k];
            picked.add(new Candidate(actions.get(i), Math.min(0.0, logProbabilities[i])));
        }
        return new Decision(picked);
    }

    @Override
    public double[] logProbabilities(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        if (contexts.size() != actions.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: " + contexts.size() + " vs "
                    + actions.size());
        }
        List<EncodedContext> encoded = encodeAll(contexts, actions);
        List<float[]> rows = logProbabilityRows(encoded);
        double[] out = new double[contexts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[encoded.get(i).rowOf(actions.get(i))];
        }
        return out;
    }

    /**
     * The raw scores (logits before the softmax, advice bias included) of {@code actions[i]} in
     * {@code contexts[i]}, in one batch; used by reward models built on this network.
     */
    public double[] actionScores(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        if (contexts.size() != actions.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: " + contexts.size() + " vs "
                    + actions.size());
        }
        Examples examples = encode(contexts, actions);
        double[] out = new double[contexts.size()];
        int start = 0;
        while (start < out.length) {
            int end = start;
            int rows = 0;
            while (end < out.length && (end == start || rows + examples.candidates(end).size() <= MAX_ROWS)) {
                rows += examples.candidates(end).size();
                end++;
            }
            int[] indices = new int[end - start];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            Examples part = examples.subset(indices);
            float[] scores = DjlRuntime.call(() -> {
                try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                    scope.suppressNotUsedWarning();
                    return score(manager, part, false).chosenScores().toFloatArray();
                }
            });
            for (int i = 0; i < scores.length; i++) {
                out[start + i] = scores[i];
            }
            start = end;
        }
        return out;
    }

    /** Every candidate of each context with its log-probability (for inspection and tests). */
    public List<List<Candidate>> distributions(List<AgentContext> contexts) {
        ensureOpen();
        List<EncodedContext> encoded = encodeAll(contexts, null);
        List<float[]> rows = logProbabilityRows(encoded);
        List<List<Candidate>> out = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            List<Candidate> list = new ArrayList<>();
            for (int r = 0; r < rows.get(i).length; r++) {
                list.add(new Candidate(encoded.get(i).candidates().get(r), Math.min(0.0, rows.get(i)[r])));
            }
            out.add(list);
        }
        return out;
    }

    private List<EncodedContext> encodeAll(List<AgentContext> contexts, List<Action> extras) {
        EncodedContext[] out = new EncodedContext[contexts.size()];
        IntStream stream = IntStream.range(0, contexts.size());
        if (contexts.size() > 1) {
            stream = stream.parallel();
        }
        stream.forEach(i -> out[i] = encoder.encode(contexts.get(i), extras == null ? null : extras.get(i)));
        return Arrays.asList(out);
    }

    private List<float[]> logProbabilityRows(List<EncodedContext> encoded) {
        List<float[]> out = new ArrayList<>(encoded.size());
        int start = 0;
        while (start < encoded.size()) {
            int end = start;
            int rows = 0;
            while (end < encoded.size() && (end == start || rows + encoded.get(end).rows() <= MAX_ROWS)) {
                rows += encoded.get(end).rows();
                end++;
            }
            EncodedBatch batch = new EncodedBatch(encoded.subList(start, end));
            float[] grid = DjlRuntime.call(() -> {
                try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                    scope.suppressNotUsedWarning();
                    return network.forward(manager, batch, false).logProbabilities().toFloatArray();
                }
            });
            for (int b = 0; b < batch.contexts; b++) {
                int n = encoded.get(start + b).rows();
                out.add(Arrays.copyOfRange(grid, b * batch.maxCandidates, b * batch.maxCandidates + n));
            }
            start = end;
        }
        return out;
    }

    /**
     * Encodes contexts once for training; {@code actions} (nullable, or with null entries) are added
     * to the candidates where missing and marked as each example's chosen row.
     */
    public Examples encode(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        if (actions != null && actions.size() != contexts.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: " + contexts.size() + " vs "
                    + actions.size());
        }
        List<EncodedContext> encoded = encodeAll(contexts, actions);
        int[] chosen = new int[encoded.size()];
        for (int i = 0; i < chosen.length; i++) {
            Action action = actions == null ? null : actions.get(i);
            chosen[i] = action == null ? -1 : encoded.get(i).rowOf(action);
        }
        return new Examples(encoded, chosen);
    }

    /**
     * The differentiable forward pass over {@code examples}. Call inside {@link DjlRuntime} and an
     * {@code NDScope}; under a gradient collector the result can be back-propagated into
     * {@link #parameters()}.
     */
    public Scores score(NDManager manager, Examples examples, boolean withValues) {
        ensureOpen();
        EncodedBatch batch = new EncodedBatch(examples.encoded());
        ScorerNetwork.Forward forward = network.forward(manager, batch, withValues);
        int[] chosenRows = examples.chosenRows();
        long[] flat = new long[chosenRows.length];
        long[] rowIndex = new long[chosenRows.length];
        float[] given = new float[chosenRows.length];
        for (int i = 0; i < chosenRows.length; i++) {
            int row = Math.max(chosenRows[i], 0);
            flat[i] = (long) i * batch.maxCandidates + row;
            rowIndex[i] = batch.offsets[i] + row;
            given[i] = chosenRows[i] >= 0 ? 1f : 0f;
        }
        NDArray givenMask = manager.create(given, new Shape(chosenRows.length));
        NDArray chosen = forward.logProbabilities().take(manager.create(flat, new Shape(flat.length))).mul(givenMask);
        NDArray chosenScores = forward.scores().take(manager.create(rowIndex, new Shape(rowIndex.length)));
        return new Scores(forward.logProbabilities(), forward.mask(), chosen, chosenScores, forward.values());
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
        return new DjlScorerPolicy(config, typeName, candidates, copy);
    }

    @Override
    public void save(Path directory) throws IOException {
        ensureOpen();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode meta = mapper.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("type", typeName);
        meta.put("buckets", config.buckets());
        meta.put("embeddingSize", config.embeddingSize());
        meta.put("hiddenSize", config.hiddenSize());
        meta.put("wordInteractions", config.wordInteractions());
        meta.put("denseFeatures", FeatureEncoder.DENSE);
        meta.putPOJO("parameters", ScorerNetwork.NAMES);
        Files.writeString(directory.resolve(META), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
        try {
            DjlRuntime.callChecked(() -> {
                network.save(directory.resolve(PARAMETERS));
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public void load(Path directory) throws IOException {
        ensureOpen();
        Path metaFile = directory.resolve(META);
        if (!Files.isRegularFile(metaFile) || !Files.isRegularFile(directory.resolve(PARAMETERS))) {
            throw new IOException("not a " + typeName + " checkpoint: " + directory + " needs " + META + " and "
                    + PARAMETERS);
        }
        var meta = new ObjectMapper().readTree(metaFile.toFile());
        if (meta.path("format").asInt(-1) != FORMAT) {
            throw new IOException(metaFile + ": unsupported checkpoint format " + meta.path("format")
                    + "; this version reads format " + FORMAT);
        }
        check(metaFile, meta, "buckets", config.buckets());
        check(metaFile, meta, "embeddingSize", config.embeddingSize());
        check(metaFile, meta, "hiddenSize", config.hiddenSize());
        check(metaFile, meta, "denseFeatures", FeatureEncoder.DENSE);
        if (meta.path("wordInteractions").asBoolean() != config.wordInteractions()) {
            throw new IOException(metaFile + " was saved with wordInteractions " + meta.path("wordInteractions")
                    + " but this policy has " + config.wordInteractions() + "; use the checkpoint's model fields");
        }
        try {
            DjlRuntime.callChecked(() -> {
                network.load(directory.resolve(PARAMETERS));
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void check(Path file, com.fasterxml.jackson.databind.JsonNode meta, String field, int expected)
            throws IOException {
        int saved = meta.path(field).asInt(-1);
        if (saved != expected) {
            throw new IOException(file + " was saved with " + field + " " + meta.path(field) + " but this policy has "
                    + expected + "; build the policy with the checkpoint's model fields");
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
