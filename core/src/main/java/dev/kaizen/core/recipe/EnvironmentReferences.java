package dev.kaizen.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kaizen.core.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} in a recipe's text values (e.g. {@code license: ${env:ACME_LICENSE}}): replaced
 * by the environment variable's value before the recipe is bound, and remembered with the text that
 * read it, so that {@code recipe.yaml} keeps the reference and a resumed run reads the variable
 * again. Stateless.
 */
final class EnvironmentReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvironmentReferences() {
    }

    /**
     * Replaces every reference in {@code root}, in place.
     *
     * @return the text of each value that held one, by JSON pointer
     * @throws BadInputException naming the field and the variable if a variable is not set or a name is not one
     */
    static Map<String, String> resolve(JsonNode root, Map<String, String> environment) {
        Map<String, String> references = new TreeMap<>();
        walk(root, "", "", environment, references);
        return references;
    }

    private static void walk(JsonNode node, String pointer, String path, Map<String, String> environment,
                             Map<String, String> references) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.properties().stream().map(Map.Entry::getKey).toList())) {
                JsonNode child = object.get(name);
                String childPointer = pointer + "/" + SecretFields.escape(name);
                String childPath = path.isEmpty() ? name : path + "." + name;
                if (child.isTextual() && REFERENCE.matcher(child.textValue()).find()) {
                    object.set(name, TextNode.valueOf(resolve(child.textValue(), childPath, environment)));
                    references.put(childPointer, child.textValue());
                } else {
                    walk(child, childPointer, childPath, environment, references);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                String childPath = path + "[" + i + "]";
                if (child.isTextual() && REFERENCE.matcher(child.textValue()).find()) {
                    array.set(i, TextNode.valueOf(resolve(child.textValue(), childPath, environment)));
                    references.put(pointer + "/" + i, child.textValue());
                } else {
                    walk(child, pointer + "/" + i, childPath, environment, references);
                }
            }
        }
    }

    private static String resolve(String text, String path, Map<String, String> environment) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            if (!VARIABLE.matcher(name).matches()) {
                throw new BadInputException(path + ": '" + reference.group() + "' does not name an environment variable "
                        + "(letters, digits and '_', not starting with a digit), e.g. ${env:ACME_LICENSE}");
            }
            String value = environment.get(name);
            if (value == null) {
                throw new BadInputException(path + ": environment variable " + name + " is not set; the recipe reads "
                        + "it with ${env:" + name + "}: set it (export " + name + "=...) and run again");
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        reference.appendTail(out);
        return out.toString();
    }
}
