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
import dev.kaizen.djl.text.QueryTokens;
import dev.kaizen.djl.text.TextProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import dev.kaizen.djl.training.Ops;

/**
 * The {@code djl-scorer} policy: scores every row of every context in one forward pass. A row is a
 * concrete action of the observation or a free-text template; {@code π} is the softmax over a
 * context's rows, and a template's filler is written with the instruction's own tokens, each kept
 * with probability {@code σ(s_t)} from a token head ({@link QueryModel}), so that
 * {@code log π(template(q)) = log π(template) + log P(q | template)} exactly, for any in-order
 * subset of the instruction's tokens (span unions included).
 *
 * <p>Sampling follows the api's {@link Sampling} contract. Greedy returns the highest
 * log-probabilities (concrete actions and each template's most likely fillers), ties to the
 * earlier. Above temperature 0, actions are drawn from the distribution tempered at {@code T}
 * (rows by Gumbel-max on their tempered mass, fillers token by token), distinct ones kept until
 * {@code count} are found (sampling without replacement); the randomness of each context is
 * derived from the sampling seed, its task id and its step, so it does not depend on the batch.
 * Reported log-probabilities are the policy's own (temperature 1). A filler that cannot be written
 * with the instruction's tokens gets {@code log π(template)} {@value #UNALIGNED} (it is never
 * proposed).
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

    private static final int FORMAT = 3;
    /** Short texts (instructions, action arguments, titles) analysed once and kept. */
    private static final int PROFILE_CACHE = 30_000;
    private static final int DISTRIBUTION_FILLS = 20;
    private static final String META = "djl-scorer.json";
    private static final String PARAMETERS = "parameters.ndlist";

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
        FeatureEncoder encoder = new FeatureEncoder(new TextProfiles(PROFILE_CACHE), config.buckets(), config.adviceWeight(),
                config.wordEmbeddings());
        ScorerNetwork network = DjlRuntime.call(() -> ScorerNetwork.initialise(config, Seeds.derive(seed, "init")));
        return new DjlScorerPolicy(config, typeName, encoder, network);
    }

    /** The config it was built with. */
    public DjlScorerConfig config() {
        return config;
    }

    /** One context's scores: its rows' log-probabilities and its filler token logits. */
    private record Scored(EncodedContext encoded, float[] rows, float[] tokens) {
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        ensureOpen();
        List<Scored> scored = infer(encodeAll(contexts, null));
        Decision[] decisions = new Decision[contexts.size()];
        // each context's choice depends on its own scores and seed only, so contexts are picked in parallel
        Work.forEach(contexts.size(), i -> decisions[i] = pick(contexts.get(i), scored.get(i), sampling));
        return Arrays.asList(decisions);
    }

    /** A proposal with its exact log-probability. */
    private record Proposal(Action action, double logProbability) {
    }

    private static List<Proposal> greedy(Scored s, int count) {
        List<Proposal> all = new ArrayList<>();
        List<Row> rows = s.encoded().rows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (!row.isTemplate()) {
                all.add(new Proposal(row.action(), s.rows()[r]));
            } else if (s.tokens().length > 0) {
                for (boolean[] chosen : QueryModel.best(s.tokens(), count)) {
                    all.add(new Proposal(row.fill(QueryTokens.text(s.encoded().instruction(), chosen)),
                            s.rows()[r] + QueryModel.logLikelihood(s.tokens(), chosen)));
                }
            }
        }
        List<Proposal> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble((Proposal p) -> -p.logProbability()));
        List<Proposal> out = new ArrayList<>();
        Set<Action> seen = new HashSet<>();
        for (Proposal p : sorted) {
            if (out.size() >= count) {
                break;
            }
            if (seen.add(p.action())) {
                out.add(p);
            }
        }
        return out;
    }

    private static Decision pick(AgentContext context, Scored s, Sampling sampling) {
        List<Row> rows = s.encoded().rows();
        int usable = 0;
        for (Row row : rows) {
            usable += row.isTemplate() && s.tokens().length == 0 ? 0 : 1;
        }
        if (usable == 0) {
            return new Decision(List.of());
        }
        List<Proposal> best = greedy(s, sampling.count());
        if (sampling.isGreedy()) {
            return new Decision(best.stream().map(p -> new Candidate(p.action(), Math.min(0.0, p.logProbability())))
                    .toList());
        }
        double temperature = sampling.temperature();
        double[] tempered = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.isTemplate()) {
                tempered[r] = s.tokens().length == 0 ? Double.NEGATIVE_INFINITY
                        : s.rows()[r] / temperature + QueryModel.temperedLogMass(s.tokens(), temperature);
            } else {
                tempered[r] = s.rows()[r] / temperature;
            }
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(
                Seeds.derive(sampling.seed(), context.task().id()), context.step()));
        Map<Action, Double> picked = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 100 * sampling.count() && picked.size() < sampling.count(); attempt++) {
            int row = -1;
            double top = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows.size(); r++) {
                double u = random.nextDouble();
                double key = tempered[r] - Math.log(-Math.log(u + 1e-300) + 1e-300);
                if (key > top) {
                    top = key;
                    row = r;
                }
            }
            Row chosen = rows.get(row);
            if (chosen.isTemplate()) {
                boolean[] tokens = QueryModel.sample(s.tokens(), temperature, random);
                picked.putIfAbsent(chosen.fill(QueryTokens.text(s.encoded().instruction(), tokens)),
                        s.rows()[row] + QueryModel.logLikelihood(s.tokens(), tokens));
            } else {
                picked.putIfAbsent(chosen.action(), (double) s.rows()[row]);
            }
        }
        for (Proposal p : greedy(s, sampling.count() + picked.size())) {
            if (picked.size() >= sampling.count()) {
                break;
            }
            picked.putIfAbsent(p.action(), p.logProbability());
        }
        List<Candidate> candidates = new ArrayList<>();
        picked.forEach((action, lp) -> candidates.add(new Candidate(action, Math.min(0.0, lp))));
        return new Decision(candidates);
    }

    @Override
    public double[] logProbabilities(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        if (contexts.size() != actions.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: " + contexts.size() + " vs "
                    + actions.size());
        }
        return evaluate(encode(contexts, actions), false);
    }

    /**
     * The raw scores of {@code actions[i]} in {@code contexts[i]}: the row's logit (advice bias
     * included) plus, for a filler, its tokens' log-likelihood; used by reward models built on this
     * network.
     */
    public double[] actionScores(List<AgentContext> contexts, List<Action> actions) {
        ensureOpen();
        if (contexts.size() != actions.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: " + contexts.size() + " vs "
                    + actions.size());
        }
        return evaluate(encode(contexts, actions), true);
    }

    /**
     * For inspection and tests: each context's concrete actions and its templates' most likely
     * fillers (up to {@value #DISTRIBUTION_FILLS} per template), with their log-probabilities.
     */
    public List<List<Candidate>> distributions(List<AgentContext> contexts) {
        ensureOpen();
        List<List<Candidate>> out = new ArrayList<>();
        for (Scored s : infer(encodeAll(contexts, null))) {
            List<Candidate> list = new ArrayList<>();
            for (Proposal p : greedy(s, s.encoded().size() + DISTRIBUTION_FILLS)) {
                list.add(new Candidate(p.action(), Math.min(0.0, p.logProbability())));
            }
            out.add(list);
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

    private List<Scored> infer(List<EncodedContext> encoded) {
        List<Scored> out = new ArrayList<>(encoded.size());
        for (int[] chunk : chunks(encoded)) {
            EncodedBatch batch = new EncodedBatch(encoded.subList(chunk[0], chunk[1]));
            float[][] arrays = DjlRuntime.call(() -> network.infer(batch));
            for (int b = 0; b < batch.contexts; b++) {
                EncodedContext e = encoded.get(chunk[0] + b);
                out.add(new Scored(e, Arrays.copyOfRange(arrays[0], b * batch.maxRows, b * batch.maxRows + e.size()),
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
        if (actions != null && actions.size() != contexts.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: " + contexts.size() + " vs "
                    + actions.size());
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
        ScorerNetwork.Forward forward = network.forward(manager, batch, withValues);
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
            unaligned[i] = choice.unaligned() ? (float) UNALIGNED : 0f;
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
     * How many examples have their given action as the policy's greedy choice, from a forward
     * pass's arrays (the row with the highest probability, and for a filler the most likely tokens).
     */
    public static int greedyHits(Scores scores, Examples examples) {
        float[] rows = scores.logProbabilities().toFloatArray();
        float[] tokens = scores.tokenLogits().toFloatArray();
        int width = Math.toIntExact(scores.logProbabilities().getShape().get(1));
        int tokenWidth = Math.toIntExact(scores.tokenLogits().getShape().get(1));
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
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode meta = mapper.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("type", typeName);
        meta.put("buckets", config.buckets());
        meta.put("embeddingSize", config.embeddingSize());
        meta.put("hiddenSize", config.hiddenSize());
        meta.put("wordEmbeddings", config.wordEmbeddings());
        meta.put("denseFeatures", FeatureEncoder.DENSE);
        meta.put("tokenFeatures", FeatureEncoder.TOKEN_DENSE);
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
        check(metaFile, meta, "tokenFeatures", FeatureEncoder.TOKEN_DENSE);
        if (meta.path("wordEmbeddings").asBoolean() != config.wordEmbeddings()) {
            throw new IOException(metaFile + " was saved with wordEmbeddings " + meta.path("wordEmbeddings")
                    + " but this policy has " + config.wordEmbeddings() + "; use the checkpoint's model fields");
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
