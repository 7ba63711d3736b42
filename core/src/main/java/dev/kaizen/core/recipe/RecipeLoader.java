package dev.kaizen.core.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.secret.SecretNames;
import dev.kaizen.core.secret.SecretValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads recipes: UTF-8 files of at most {@link InputLimits#MAX_RECIPE_BYTES}, YAML read by
 * {@link YamlReader} (anchors, aliases and merge keys resolved), then {@code --set} overrides, then
 * {@code ${env:NAME}} references, then binding with defaults. The secrets found on the way are
 * remembered ({@link SecretValues}) so that no line printed shows them. Every problem is a {@link BadInputException} whose message starts with the
 * recipe's file name. Thread-safe.
 */
public final class RecipeLoader {

    private final ConfigBinder binder;
    private final YamlReader yaml;
    private final Map<String, String> environment;

    /** @param environment the variables {@code ${env:NAME}} reads */
    public RecipeLoader(ConfigBinder binder, Map<String, String> environment) {
        this.binder = binder;
        this.yaml = new YamlReader(binder.yaml());
        this.environment = Map.copyOf(environment);
    }

    /** The binder recipes are bound with. */
    public ConfigBinder binder() {
        return binder;
    }

    /** Reads {@code file} with {@code --set} overrides (each {@code path=value}). */
    public Recipe load(Path file, List<String> sets) {
        String text = RecipeText.read(file);
        String fileName = file.getFileName().toString();
        String name = fileName.replaceFirst("\\.(ya?ml|YA?ML)$", "");
        return read(text, fileName, name, sets);
    }

    /**
     * Reads a recipe from text.
     *
     * @param source the file name, for messages
     * @param defaultName the name when the recipe has none
     */
    public Recipe read(String text, String source, String defaultName, List<String> sets) {
        if (text.length() > InputLimits.MAX_RECIPE_BYTES) {
            throw new BadInputException(source + ": the recipe is " + text.length() + " characters; a recipe is at most "
                    + InputLimits.binary(InputLimits.MAX_RECIPE_BYTES));
        }
        JsonNode root;
        try {
            root = yaml.read(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(BindingErrors.malformed(e, source), e);
        } catch (BadInputException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = binder.json().createObjectNode();
        }
        if (!(root instanceof ObjectNode object)) {
            throw new BadInputException(source + ": a recipe is a map of fields (name, seed, environment, policy, "
                    + "method, evaluation, rollout), got " + root.getNodeType().toString().toLowerCase());
        }
        List<SetOverride> overrides = new ArrayList<>();
        for (String set : sets) {
            overrides.add(SetOverride.parse(set, binder.yaml()));
        }
        for (SetOverride override : overrides) {
            override.applyTo(object);
        }
        Map<String, String> references;
        try {
            references = EnvironmentReferences.resolve(object, environment);
        } catch (BadInputException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
        for (SecretFields.Found secret : SecretFields.find(object, Recipe.class, binder)) {
            if (secret.value().asText().equals(SecretNames.MASK) && !references.containsKey(secret.pointer())) {
                throw new BadInputException(source + ": " + secret.path() + " is '" + SecretNames.MASK + "', which "
                        + "Kaizen writes in place of a secret given as a value, so a run whose recipe had one cannot "
                        + "be resumed; start a new run that reads it from the environment, e.g. "
                        + (secret.name() == null ? "" : secret.name() + ": ") + "${env:NAME}");
            }
            SecretValues.add(secret.value().asText());
        }
        if (!object.hasNonNull("name")) {
            object.set("name", TextNode.valueOf(defaultName));
        }
        try {
            return binder.bind(object, Recipe.class, "", overrides).withEnvironmentReferences(references);
        } catch (BadInputException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e.getCause());
        }
    }

    /**
     * The recipe as YAML, every default written out, with each value read from the environment
     * written as the {@code ${env:NAME}} text that read it and every other secret as
     * {@link SecretNames#MASK}: what {@code recipe.yaml} holds.
     */
    public String toYaml(Recipe recipe) {
        try {
            JsonNode tree = binder.yaml().valueToTree(recipe);
            SecretFields.mask(tree, SecretFields.find(tree, Recipe.class, binder));
            recipe.environmentReferences().forEach((pointer, text) -> SecretFields.put(tree, pointer, text));
            return binder.yaml().writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write the recipe as YAML: " + e.getMessage(), e);
        }
    }
}
