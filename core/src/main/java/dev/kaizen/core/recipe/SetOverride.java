package dev.kaizen.core.recipe;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.secret.SecretNames;
import dev.kaizen.core.secret.SecretValues;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code --set path.to.field=value} override. The value is read as YAML: numbers, booleans,
 * {@code null}, strings, flow lists ({@code [seen, unseen]}) and flow maps ({@code {type: sample}}).
 *
 * @param text the override as given, for messages
 * @param path the field names from the recipe's top level
 * @param value the parsed value
 */
public record SetOverride(String text, List<String> path, JsonNode value) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

    public SetOverride {
        requireNonNull(text, "text is null");
        path = List.copyOf(requireNonNull(path, "path is null"));
        requireNonNull(value, "value is null");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path is empty");
        }
    }

    /**
     * Parses {@code path.to.field=value}.
     *
     * @param yaml reads the value
     * @throws BadInputException if there is no {@code =}, a path segment is empty or odd, or the value is too long
     *     or not YAML
     */
    public static SetOverride parse(String text, ObjectMapper yaml) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new BadInputException("--set " + text + ": expected path.to.field=value, e.g. --set seed=11");
        }
        String key = text.substring(0, equals).strip();
        String raw = text.substring(equals + 1);
        if (SecretNames.isSecretName(key.substring(key.lastIndexOf('.') + 1)) && !raw.contains("${env:")) {
            // before anything can fail: an error about this override must not print the secret
            SecretValues.add(raw);
        }
        if (raw.length() > InputLimits.MAX_VALUE_CHARS) {
            throw new BadInputException("--set " + key + "=...: " + InputLimits.valueTooLong(raw.length()));
        }
        List<String> path = List.of(key.split("\\.", -1));
        for (String segment : path) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new BadInputException("--set " + text + ": '" + key
                        + "' is not a dotted field path (letters, digits, '-' and '_' between dots)");
            }
        }
        JsonNode value;
        if (raw.isBlank()) {
            value = TextNode.valueOf(raw);
        } else {
            try {
                value = new YamlReader(yaml).read(raw);
            } catch (JsonProcessingException e) {
                String at = BindingErrors.position(e);
                throw new BadInputException("--set " + text + ": the value is not valid YAML"
                        + (at.isEmpty() ? "" : " at " + at.replaceFirst("^line 1, ", "")) + ": "
                        + BindingErrors.yamlProblem(e) + "; quote it, e.g. --set " + key + "='" + raw + "'");
            } catch (BadInputException e) {
                throw new BadInputException("--set " + text + ": " + e.getMessage(), e);
            }
            if (value == null || value.isMissingNode()) {
                value = TextNode.valueOf(raw);
            }
        }
        return new SetOverride(text, path, value);
    }

    /** The dotted path. */
    public String dottedPath() {
        return String.join(".", path);
    }

    /**
     * Writes the value into {@code root}, creating objects on the way.
     *
     * @throws BadInputException if the path runs through a value that is not an object
     */
    public void applyTo(ObjectNode root) {
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String name = path.get(i);
            JsonNode child = node.get(name);
            if (child == null || child.isNull()) {
                node = node.putObject(name);
            } else if (child instanceof ObjectNode object) {
                node = object;
            } else {
                throw new BadInputException("--set " + text + ": '" + String.join(".", path.subList(0, i + 1))
                        + "' is " + child + ", not an object with fields");
            }
        }
        node.set(path.get(path.size() - 1), value.deepCopy());
    }

    /** A tree with all {@code overrides} applied to an empty object. */
    public static ObjectNode applyAll(ObjectNode root, List<SetOverride> overrides) {
        ObjectNode copy = root == null ? JsonNodeFactory.instance.objectNode() : root;
        for (SetOverride override : overrides) {
            override.applyTo(copy);
        }
        return copy;
    }
}
