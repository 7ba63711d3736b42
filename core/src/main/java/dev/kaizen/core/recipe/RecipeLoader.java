package dev.kaizen.core.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kaizen.core.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads recipes: UTF-8 files of at most {@link InputLimits#MAX_RECIPE_BYTES}, YAML read by
 * {@link YamlReader} (anchors, aliases and merge keys resolved), then {@code --set} overrides, then
 * binding with defaults. Every problem is a {@link BadInputException} whose message starts with the
 * recipe's file name. Thread-safe.
 */
public final class RecipeLoader {

    private final ConfigBinder binder;
    private final YamlReader yaml;

    public RecipeLoader(ConfigBinder binder) {
        this.binder = binder;
        this.yaml = new YamlReader(binder.yaml());
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
        if (!object.hasNonNull("name")) {
            object.set("name", TextNode.valueOf(defaultName));
        }
        try {
            return binder.bind(object, Recipe.class, "", overrides);
        } catch (BadInputException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e.getCause());
        }
    }

    /** The recipe as YAML, every default written out. */
    public String toYaml(Recipe recipe) {
        try {
            return binder.yaml().writeValueAsString(recipe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the recipe as YAML: " + e.getOriginalMessage(), e);
        }
    }
}
