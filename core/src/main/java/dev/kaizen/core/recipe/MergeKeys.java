package dev.kaizen.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.core.BadInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML merge keys: in a map, {@code <<: *base} adds the fields of the map {@code base} that the map
 * does not set itself, and {@code <<: [*a, *b]} those of several maps, earlier maps first. The
 * merged fields take the place of the {@code <<} field.
 */
final class MergeKeys {

    static final String KEY = "<<";

    private MergeKeys() {
    }

    /**
     * Resolves every merge key in {@code node}, innermost first, changing the tree in place.
     *
     * @param path where {@code node} sits, for messages ({@code ""} at the top)
     * @throws BadInputException if a merge key's value is not a map or a list of maps
     */
    static void resolve(JsonNode node, String path) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                resolve(array.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            resolve(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        }
        JsonNode merged = object.get(KEY);
        if (merged == null) {
            return;
        }
        List<ObjectNode> sources = sources(merged, path.isEmpty() ? KEY : path + "." + KEY);
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals(KEY)) {
                result.put(field.getKey(), field.getValue());
                continue;
            }
            for (ObjectNode source : sources) {
                source.fields().forEachRemaining(e -> {
                    if (!object.has(e.getKey()) && !result.containsKey(e.getKey())) {
                        result.put(e.getKey(), e.getValue());
                    }
                });
            }
        }
        object.removeAll();
        object.setAll(result);
    }

    private static List<ObjectNode> sources(JsonNode merged, String path) {
        List<ObjectNode> maps = new ArrayList<>();
        for (JsonNode source : merged.isArray() ? merged : List.of(merged)) {
            if (!(source instanceof ObjectNode map)) {
                throw new BadInputException(BindingErrors.location(path) + "a merge key takes a map or a list of "
                        + "maps, e.g. <<: *base, got " + merged);
            }
            maps.add(map);
        }
        return maps;
    }
}
