package dev.kaizen.djl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.features.FeatureEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code djl-scorer} checkpoint in a directory: {@value #META} (format, type, the model fields and
 * the feature counts the parameters were shaped for) and {@value #PARAMETERS} (the network's
 * parameters). Loading checks that the checkpoint fits the policy and says which field does not.
 * Stateless.
 */
final class Checkpoint {

    private static final int FORMAT = 3;
    private static final String META = "djl-scorer.json";
    private static final String PARAMETERS = "parameters.ndlist";

    private Checkpoint() {
    }

    /** Writes {@code network}, built with {@code config}, into {@code directory}. */
    static void save(Path directory, DjlScorerConfig config, String typeName, ScorerNetwork network)
            throws IOException {
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
        onEngine(() -> network.save(directory.resolve(PARAMETERS)));
    }

    /** Reads the checkpoint in {@code directory} into {@code network}, built with {@code config}. */
    static void load(Path directory, DjlScorerConfig config, String typeName, ScorerNetwork network)
            throws IOException {
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
        onEngine(() -> network.load(directory.resolve(PARAMETERS)));
    }

    private static void check(Path file, JsonNode meta, String field, int expected) throws IOException {
        int saved = meta.path(field).asInt(-1);
        if (saved != expected) {
            throw new IOException(file + " was saved with " + field + " " + meta.path(field) + " but this policy has "
                    + expected + "; build the policy with the checkpoint's model fields");
        }
    }

    /** File work on the network's parameters. */
    @FunctionalInterface
    private interface ParameterFiles {
        void run() throws IOException;
    }

    /** Runs {@code body} in {@link DjlRuntime}, its I/O and runtime failures as they are. */
    private static void onEngine(ParameterFiles body) throws IOException {
        try {
            DjlRuntime.callChecked(() -> {
                body.run();
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
