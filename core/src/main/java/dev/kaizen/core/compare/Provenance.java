package dev.kaizen.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What produced a run ({@code run.json}'s first process: build, JVM, OS, processor, plugins, parts),
 * flattened to {@code dotted.key → value} so that pooled runs can be told apart. Keys that differ
 * between any two runs by design are left out: times ({@code started}, {@code time},
 * {@code wall*}), file locations ({@code path}) and the {@code seed}. Stateless.
 */
public final class Provenance {

    private static final Set<String> IGNORED = Set.of("started", "time", "path", "seed");

    private Provenance() {
    }

    /**
     * The flattened record: objects by dotted key, arrays of objects by index ({@code plugins[0].id}),
     * arrays of plain values as one value.
     */
    public static Map<String, String> flatten(JsonNode process) {
        Map<String, String> out = new TreeMap<>();
        flatten("", process, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!ignored(field.getKey())) {
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
                }
            }
        } else if (node.isArray() && containsContainers(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    private static boolean ignored(String key) {
        return IGNORED.contains(key) || key.startsWith("wall");
    }

    private static boolean containsContainers(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    /** The keys whose values (or presence) are not the same in all {@code records}, sorted. */
    public static List<String> differingKeys(Collection<Map<String, String>> records) {
        Set<String> keys = new TreeSet<>();
        records.forEach(r -> keys.addAll(r.keySet()));
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (records.stream().map(r -> r.get(key)).distinct().count() > 1) {
                differing.add(key);
            }
        }
        return differing;
    }
}
