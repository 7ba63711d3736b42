package dev.kaizen.djl.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.pytorch.jni.JniUtils;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.features.FeatureEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The scorer's parameters and its forward pass.
 *
 * <p>Per row: the mean-pooled hashed embedding of its role tokens, optionally
 * ({@code wordEmbeddings}) that of its words and its element-wise product with the instruction's,
 * and the dense features, through two ReLU layers to one score plus the fixed advice bias; a
 * context's log-probabilities are the log-softmax of its rows' scores. Per instruction token: the
 * embeddings of the token and its neighbours and its features, through one ReLU layer to a logit. The value head reads the mean of the last hidden
 * layer over a context's rows.
 *
 * <p>Owns an {@link NDManager}; close it to free the native memory. Not thread-safe. Every method
 * that touches DJL must run inside {@link DjlRuntime}.
 */
final class ScorerNetwork implements AutoCloseable {

    /** Parameter names in a fixed order (also the checkpoint order). */
    static final List<String> NAMES = List.of("embedding", "w1", "b1", "w2", "b2", "w3", "b3", "wv", "bv",
            "tw1", "tb1", "tw2", "tb2");

    private static final float PAD_SCORE = -1e9f;

    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final int embeddingSize;
    private final boolean words;

    private ScorerNetwork(NDManager manager, int embeddingSize, boolean words) {
        this.manager = manager;
        this.embeddingSize = embeddingSize;
        this.words = words;
    }

    /** The width of the first layer's input. */
    static int inputSize(int embeddingSize, boolean words) {
        return (words ? 3 : 1) * embeddingSize + FeatureEncoder.DENSE;
    }

    /** The shapes of the parameters for a config, by name. */
    static Map<String, Shape> shapes(int buckets, int embeddingSize, int hiddenSize, boolean words) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("embedding", new Shape(buckets, embeddingSize));
        shapes.put("w1", new Shape(inputSize(embeddingSize, words), hiddenSize));
        shapes.put("b1", new Shape(hiddenSize));
        shapes.put("w2", new Shape(hiddenSize, hiddenSize));
        shapes.put("b2", new Shape(hiddenSize));
        shapes.put("w3", new Shape(hiddenSize, 1));
        shapes.put("b3", new Shape(1));
        shapes.put("wv", new Shape(hiddenSize, 1));
        shapes.put("bv", new Shape(1));
        shapes.put("tw1", new Shape(FeatureEncoder.TOKEN_IDS * embeddingSize + FeatureEncoder.TOKEN_DENSE, hiddenSize));
        shapes.put("tb1", new Shape(hiddenSize));
        shapes.put("tw2", new Shape(hiddenSize, 1));
        shapes.put("tb2", new Shape(1));
        return shapes;
    }

    /**
     * A network with freshly initialised parameters drawn from {@code seed}: embeddings uniform in
     * {@code ±initScale}, weights Xavier-uniform, biases zero; the first-layer rows that read the
     * advice features are zero (drawn and then cleared, so every other parameter is the same as
     * without advice features): a policy trained without advice has no untrained response to it.
     */
    static ScorerNetwork initialise(DjlScorerConfig config, long seed) {
        NDManager manager = DjlRuntime.engine().newBaseManager();
        ScorerNetwork network = new ScorerNetwork(manager, config.embeddingSize(), config.wordEmbeddings());
        SplittableRandom random = new SplittableRandom(seed);
        for (Map.Entry<String, Shape> entry : shapes(config.buckets(), config.embeddingSize(), config.hiddenSize(),
                config.wordEmbeddings()).entrySet()) {
            Shape shape = entry.getValue();
            float[] values = new float[Math.toIntExact(shape.size())];
            String name = entry.getKey();
            double limit;
            if (name.equals("embedding")) {
                limit = config.initScale();
            } else if (name.startsWith("w") || name.startsWith("tw")) {
                limit = Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
            } else {
                limit = 0;
            }
            if (limit > 0) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
            }
            if (name.equals("w1")) {
                int hidden = Math.toIntExact(shape.get(1));
                int denseOffset = inputSize(config.embeddingSize(), config.wordEmbeddings()) - FeatureEncoder.DENSE;
                for (int feature : new int[] {FeatureEncoder.ADVICE_VALUE, FeatureEncoder.ADVICE_SIMILARITY,
                        FeatureEncoder.HAS_ADVICE}) {
                    Arrays.fill(values, (denseOffset + feature) * hidden, (denseOffset + feature + 1) * hidden, 0f);
                }
            }
            network.put(name, manager.create(values, shape));
        }
        return network;
    }

    private void put(String name, NDArray array) {
        array.setName(name);
        array.setRequiresGradient(true);
        parameters.put(name, array);
    }

    /** The parameters by name, in {@link #NAMES} order; trained in place. */
    Map<String, NDArray> parameters() {
        return parameters;
    }

    /** An independent copy of the parameters. */
    ScorerNetwork copy() {
        NDManager copyManager = DjlRuntime.engine().newBaseManager();
        ScorerNetwork copy = new ScorerNetwork(copyManager, embeddingSize, words);
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            NDArray values = entry.getValue().duplicate();
            values.attach(copyManager);
            copy.put(entry.getKey(), values);
        }
        return copy;
    }

    /** Copies every parameter value of {@code other} (same shapes) into this network. */
    void assign(ScorerNetwork other) {
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            NDArray source = other.parameters.get(entry.getKey());
            entry.getValue().set(source.toFloatArray());
        }
    }

    /** The parameter values as plain arrays, by name (for tests and checks). */
    Map<String, float[]> snapshot() {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((name, array) -> out.put(name, array.toFloatArray()));
        return out;
    }

    /**
     * The outputs of a forward pass; arrays belong to the caller's scope.
     *
     * @param scores {@code [rows]} raw row scores (advice bias included)
     * @param logProbabilities {@code [contexts × maxRows]} log-softmax over each context's rows
     * @param mask {@code [contexts × maxRows]} 1 for real rows
     * @param tokenLogits {@code [contexts × maxTokens]} filler token logits (advice bias included)
     * @param tokenMask {@code [contexts × maxTokens]} 1 for real tokens
     * @param values {@code [contexts]} value estimates, or null
     */
    record Forward(NDArray scores, NDArray logProbabilities, NDArray mask, NDArray tokenLogits, NDArray tokenMask,
                   NDArray values) {
    }

    /**
     * Runs the network on a batch. Arrays are created in {@code scope} (and the current
     * {@code NDScope}); the caller closes them.
     *
     * @param withValues whether to compute the value head
     */
    Forward forward(NDManager scope, EncodedBatch batch, boolean withValues) {
        RowHead head = rowHead(scope, batch);
        NDArray padded = head.scores().concat(scope.create(new float[] {PAD_SCORE}));
        NDArray grid = scope.create(batch.grid, new Shape(batch.contexts, batch.maxRows));
        NDArray logProbabilities = padded.take(grid).logSoftmax(1);
        NDArray mask = grid.lt(batch.rows).toType(DataType.FLOAT32, false);
        NDArray tokenGrid = scope.create(batch.tokenGrid, new Shape(batch.contexts, batch.maxTokens));
        NDArray tokenMask = tokenGrid.lt(batch.tokens).toType(DataType.FLOAT32, false);
        NDArray tokenLogits;
        if (batch.tokens == 0) {
            tokenLogits = scope.zeros(new Shape(batch.contexts, batch.maxTokens));
        } else {
            tokenLogits = tokenHead(scope, batch).concat(scope.zeros(new Shape(1))).take(tokenGrid);
        }
        NDArray values = null;
        if (withValues) {
            NDArray h2 = head.hidden();
            NDArray zero = scope.zeros(new Shape(1, h2.getShape().get(1)));
            NDArray pooled = h2.concat(zero, 0).get(grid).sum(new int[] {1})
                    .div(scope.create(batch.rowCount, new Shape(batch.contexts, 1)));
            values = pooled.matMul(parameters.get("wv")).add(parameters.get("bv")).reshape(batch.contexts);
        }
        return new Forward(head.scores(), logProbabilities, mask, tokenLogits, tokenMask, values);
    }

    /** The last hidden layer {@code [rows × hidden]} and the scores {@code [rows]}. */
    private record RowHead(NDArray hidden, NDArray scores) {
    }

    /** The row head: every row's last hidden layer and score. */
    private RowHead rowHead(NDManager scope, EncodedBatch batch) {
        int rows = batch.rows;
        NDArray embedding = parameters.get("embedding");
        NDArray role = bag(scope, embedding, batch.roleIds, batch.roleMask, batch.roleCount, rows,
                batch.roleLength);
        NDArray dense = scope.create(batch.dense, new Shape(rows, FeatureEncoder.DENSE));
        NDList inputs = new NDList(role);
        if (words) {
            NDArray text = bag(scope, embedding, batch.textIds, batch.textMask, batch.textCount, rows,
                    batch.textLength);
            inputs.add(text);
            NDArray instruction = bag(scope, embedding, batch.instructionIds, batch.instructionMask,
                    batch.instructionCount, batch.contexts, batch.instructionLength);
            NDArray perRow = instruction.get(scope.create(batch.rowContext, new Shape(rows)));
            inputs.add(text.mul(perRow));
        }
        inputs.add(dense);
        NDArray x = NDArrays.concat(inputs, 1);
        NDArray h1 = Activation.relu(x.matMul(parameters.get("w1")).add(parameters.get("b1")));
        NDArray h2 = Activation.relu(h1.matMul(parameters.get("w2")).add(parameters.get("b2")));
        NDArray scores = h2.matMul(parameters.get("w3")).add(parameters.get("b3")).reshape(rows)
                .add(scope.create(batch.bias, new Shape(rows)));
        return new RowHead(h2, scores);
    }

    /** The token head: every instruction token's filler logit (advice bias included). */
    private NDArray tokenHead(NDManager scope, EncodedBatch batch) {
        int tokens = batch.tokens;
        NDArray ids = scope.create(batch.tokenIds, new Shape(tokens, FeatureEncoder.TOKEN_IDS));
        NDArray tokenInputs = lookup(parameters.get("embedding"), ids)
                .reshape(tokens, FeatureEncoder.TOKEN_IDS * embeddingSize)
                .concat(scope.create(batch.tokenDense, new Shape(tokens, FeatureEncoder.TOKEN_DENSE)), 1);
        NDArray t1 = Activation.relu(tokenInputs.matMul(parameters.get("tw1")).add(parameters.get("tb1")));
        return t1.matMul(parameters.get("tw2")).add(parameters.get("tb2")).reshape(tokens)
                .add(scope.create(batch.tokenBias, new Shape(tokens)));
    }

    /**
     * Inference on a batch: the row head and the token head, which share no work, run at the same
     * time on two threads (the caller and a common-pool worker), each exactly as in
     * {@link #forward}, so the results are bit for bit those of {@code forward}. Helper threads
     * compute without gradient recording; the caller's gradient mode is restored.
     *
     * @return the log-probabilities {@code [contexts × maxRows]} and the filler token logits
     *     {@code [contexts × maxTokens]} (0 on padding)
     */
    float[][] infer(EncodedBatch batch) {
        float[][] heads = new float[2][];
        Work.forEach(batch.tokens > 0 ? 2 : 1, head -> DjlRuntime.run(() -> {
            boolean recording = JniUtils.isGradMode();
            if (recording) {
                JniUtils.setGradMode(false);
            }
            try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                scope.suppressNotUsedWarning();
                heads[head] = head == 0 ? rowHead(manager, batch).scores().toFloatArray()
                        : tokenHead(manager, batch).toFloatArray();
            } finally {
                if (recording) {
                    JniUtils.setGradMode(true);
                }
            }
        }));
        float[] logProbabilities;
        try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
            scope.suppressNotUsedWarning();
            NDArray padded = manager.create(heads[0]).concat(manager.create(new float[] {PAD_SCORE}));
            NDArray grid = manager.create(batch.grid, new Shape(batch.contexts, batch.maxRows));
            logProbabilities = padded.take(grid).logSoftmax(1).toFloatArray();
        }
        float[] tokenLogits = new float[batch.tokenGrid.length];
        for (int i = 0; i < tokenLogits.length; i++) {
            int token = (int) batch.tokenGrid[i];
            tokenLogits[i] = token < batch.tokens ? heads[1][token] : 0f;
        }
        return new float[][] {logProbabilities, tokenLogits};
    }

    /**
     * The rows of {@code embedding} at {@code index}, an exact copy either way. Without gradient
     * recording (inference), PyTorch's embedding lookup, which is cheaper than advanced indexing;
     * under a gradient collector (training), advanced indexing, whose backward pass training's
     * results depend on.
     */
    private static NDArray lookup(NDArray embedding, NDArray index) {
        if (JniUtils.isGradMode()) {
            return embedding.get(index);
        }
        return index.getNDArrayInternal().embedding(index, embedding, SparseFormat.DENSE).singletonOrThrow();
    }

    private static NDArray bag(NDManager scope, NDArray embedding, long[] ids, float[] mask, float[] count, int rows,
                               int length) {
        NDArray index = scope.create(ids, new Shape(rows, length));
        NDArray weights = scope.create(mask, new Shape(rows, length, 1));
        NDArray summed = lookup(embedding, index).mul(weights).sum(new int[] {1});
        return summed.div(scope.create(count, new Shape(rows, 1)));
    }

    /** Writes the parameters to {@code file} in DJL's NDList encoding. */
    void save(Path file) throws IOException {
        NDList list = new NDList();
        for (String name : NAMES) {
            list.add(parameters.get(name));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            list.encode(out);
        }
    }

    /**
     * Replaces the parameter values with those in {@code file}.
     *
     * @throws IOException if the file is unreadable, or its parameters are not this network's shapes
     */
    void load(Path file) throws IOException {
        try (NDManager temporary = manager.newSubManager(); InputStream in = Files.newInputStream(file)) {
            NDList list;
            try {
                list = NDList.decode(temporary, in);
            } catch (RuntimeException e) {
                throw new IOException("cannot read parameters from " + file + ": " + e.getMessage(), e);
            }
            if (list.size() != NAMES.size()) {
                throw new IOException(file + " holds " + list.size() + " arrays; a djl-scorer checkpoint holds "
                        + NAMES.size() + " " + NAMES);
            }
            List<float[]> values = new ArrayList<>();
            for (int i = 0; i < NAMES.size(); i++) {
                NDArray loaded = list.get(i);
                NDArray target = parameters.get(NAMES.get(i));
                if (!loaded.getShape().equals(target.getShape())) {
                    throw new IOException("parameter '" + NAMES.get(i) + "' in " + file + " has shape "
                            + loaded.getShape() + " but this policy needs " + target.getShape()
                            + "; build the policy with the config the checkpoint was saved with");
                }
                values.add(loaded.toType(DataType.FLOAT32, false).toFloatArray());
            }
            for (int i = 0; i < NAMES.size(); i++) {
                parameters.get(NAMES.get(i)).set(values.get(i));
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
