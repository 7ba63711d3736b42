package dev.kaizen.core.recipe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kaizen.core.BadInputException;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML text into trees the way recipes are written: anchors ({@code &name}) and aliases
 * ({@code *name}) are resolved into copies, merge keys ({@code <<: *name}) into fields, duplicate
 * keys are malformed, and the text is held to {@link InputLimits}: at most
 * {@link InputLimits#MAX_RECIPE_BYTES} code points, {@link InputLimits#MAX_VALUE_CHARS} per value,
 * and bounded aliases. Scalars are typed as Jackson's YAML parser types them. Thread-safe.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new AliasReplayingFactory(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));

    private final ObjectMapper mapper;

    /**
     * @param mapper builds the tree's nodes
     */
    public YamlReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InputLimits.MAX_RECIPE_BYTES);
        options.setMaxAliasesForCollections(InputLimits.MAX_ALIASES_FOR_COLLECTIONS);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /**
     * The tree of the first document in {@code text}, or a missing node if there is none.
     *
     * @throws JsonProcessingException if the text is not YAML or repeats a key; it has the line and column
     * @throws BadInputException if a value is too long, or an alias or merge key cannot be resolved; the
     *     message starts with the field path or the line and column
     */
    public JsonNode read(String text) throws JsonProcessingException {
        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(text)) {
            root = mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YAML from a string", e);
        }
        if (root == null) {
            return MissingNode.getInstance();
        }
        MergeKeys.resolve(root, "");
        checkLengths(root, "");
        return root;
    }

    private static void checkLengths(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().length() > InputLimits.MAX_VALUE_CHARS) {
            throw new BadInputException(BindingErrors.location(path) + InputLimits.valueTooLong(node.textValue().length()));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkLengths(node.get(i), path + "[" + i + "]");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.length() > InputLimits.MAX_VALUE_CHARS) {
                throw new BadInputException(BindingErrors.location(path) + "a field name is " + name.length()
                        + " characters; a field name is at most " + InputLimits.MAX_VALUE_CHARS + " characters");
            }
            checkLengths(field.getValue(), path.isEmpty() ? name : path + "." + name);
        }
    }

    /** Creates {@link AliasReplayingParser}s for text. */
    private static final class AliasReplayingFactory extends YAMLFactory {

        private static final long serialVersionUID = 1L;

        AliasReplayingFactory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader reader, IOContext context) {
            return new AliasReplayingParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions,
                    _objectCodec, reader);
        }

        @Override
        protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) {
            return _createParser(new CharArrayReader(data, offset, length), context);
        }
    }
}
