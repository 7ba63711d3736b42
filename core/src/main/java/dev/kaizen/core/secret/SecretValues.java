package dev.kaizen.core.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values this JVM has seen (from recipes, {@code --set} and the environment), masked
 * as {@link SecretNames#MASK} wherever the host prints or logs a line or writes free text. JVM-wide
 * because logging is: one process may run several recipes at once (a sweep's cells), and no line it
 * prints may show any of their secrets. Values shorter than {@value #MIN_LENGTH} characters are
 * masked in config fields only, not in free text, where they would hide ordinary words and numbers.
 * Thread-safe.
 */
public final class SecretValues {

    /** The shortest value masked in free text. */
    public static final int MIN_LENGTH = 4;

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private SecretValues() {
    }

    /** Remembers a secret value, so that every later line masks it. */
    public static void add(String value) {
        if (value != null && value.length() >= MIN_LENGTH && VALUES.add(value)) {
            synchronized (VALUES) {
                longestFirst = VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()
                        .thenComparing(Comparator.naturalOrder())).toList();
            }
        }
    }

    /** {@code text} with every known secret value replaced by {@link SecretNames#MASK}. */
    public static String mask(String text) {
        List<String> values = longestFirst;
        if (text == null || values.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String value : values) {
            if (masked.contains(value)) {
                masked = masked.replace(value, SecretNames.MASK);
            }
        }
        return masked;
    }

    /**
     * Masks a JSON tree in place, for a line of {@code metrics.jsonl} or a part's report: text under
     * a secret's name, and known secret values in any text.
     */
    public static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.properties().stream().map(Map.Entry::getKey).toList())) {
                JsonNode value = object.get(name);
                if (value.isTextual() && SecretNames.isSecretName(name)) {
                    object.put(name, SecretNames.MASK);
                } else if (value.isTextual()) {
                    object.put(name, mask(value.textValue()));
                } else {
                    mask(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    array.set(i, TextNode.valueOf(mask(element.textValue())));
                } else {
                    mask(element);
                }
            }
        }
    }
}
