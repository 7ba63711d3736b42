package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code run.json}: what produced a run. The first process's record comes first; each process that
 * resumed the run appends its own.
 *
 * @param processes every process that worked on the run, in order
 * @param changed whether a later process ran with anything different from the first
 * @param differences the keys whose values differ between the first process and any later one, as
 *     {@link #differences(ProcessProvenance, ProcessProvenance)} names them, sorted
 */
@JsonPropertyOrder({"processes", "changed", "differences"})
public record RunProvenance(List<ProcessProvenance> processes, boolean changed, List<String> differences) {

    /** Keys that differ between any two processes and say nothing about the numbers. */
    private static final Set<String> IGNORED = Set.of("started", "resumed", "file");

    /** Reads and writes the file; tolerates fields that a later Kaizen adds. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public RunProvenance {
        processes = List.copyOf(requireNonNull(processes, "processes is null"));
        differences = List.copyOf(requireNonNull(differences, "differences is null"));
    }

    /**
     * Reads a run's {@code run.json}, {@link dev.kaizen.core.run.RunDirectory#provenance()}.
     *
     * @throws IOException if it is missing or is not a {@code run.json}
     */
    public static RunProvenance read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunProvenance.class);
    }

    /**
     * The keys whose values differ between two processes' records, sorted; empty when they ran with
     * the same build, machine, plugins and parts. Keys are dotted paths into the record, with
     * plugins named by id: {@code kaizen.commit}, {@code cpu.flags}, {@code plugins.djl.sha256},
     * {@code parts.policy.provenance.pytorch}. A key present in one record only differs. When a
     * process started, whether it resumed and the plugins' file names are left out.
     */
    public static List<String> differences(ProcessProvenance a, ProcessProvenance b) {
        return differences(JSON.valueToTree(a), JSON.valueToTree(b));
    }

    /** As {@link #differences(ProcessProvenance, ProcessProvenance)}, over the records as JSON. */
    static List<String> differences(JsonNode a, JsonNode b) {
        Map<String, String> left = new LinkedHashMap<>();
        Map<String, String> right = new LinkedHashMap<>();
        flatten("", a, left);
        flatten("", b, right);
        Set<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(left.get(key), right.get(key))) {
                differing.add(key);
            }
        }
        return differing;
    }

    /**
     * Leaves of {@code node} as JSON text (so that 7 read back from a file equals the 7L written) by
     * dotted path; arrays of objects with an {@code id} are keyed by it.
     */
    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!IGNORED.contains(field.getKey())) {
                    flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
                }
            });
        } else if (node.isArray() && node.size() > 0 && allHaveIds(node)) {
            for (JsonNode element : node) {
                String prefix = path + "." + element.path("id").asText();
                element.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("id") && !IGNORED.contains(field.getKey())) {
                        flatten(prefix + "." + field.getKey(), field.getValue(), leaves);
                    }
                });
            }
        } else {
            leaves.put(path, node.toString());
        }
    }

    private static boolean allHaveIds(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject() || !element.path("id").isTextual()) {
                return false;
            }
        }
        return true;
    }
}
