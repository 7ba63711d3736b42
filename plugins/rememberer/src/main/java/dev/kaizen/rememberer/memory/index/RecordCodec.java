package dev.kaizen.rememberer.memory.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.rememberer.memory.record.ActionEntry;
import dev.kaizen.rememberer.memory.record.InstructionTerms;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a record as JSON (the stored field of its Lucene document) and reads it back exactly:
 * doubles are written in their shortest round-trip form. Thread-safe.
 */
final class RecordCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    byte[] encode(MemoryRecord record) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", record.id());
        root.put("touched", record.touched());
        root.put("instruction", record.instruction());
        Observation o = record.observation();
        ObjectNode observation = root.putObject("observation");
        observation.put("text", o.text());
        ArrayNode actions = observation.putArray("actions");
        o.actions().forEach(a -> actions.add(a.text()));
        ArrayNode templates = observation.putArray("templates");
        o.templates().forEach(templates::add);
        observation.put("done", o.done());
        observation.put("reward", o.reward());
        putMap(observation.putObject("info"), o.info());
        putMap(observation.putObject("descriptions"), o.descriptions());
        ArrayNode entries = root.putArray("values");
        for (ActionEntry entry : record.actions()) {
            ObjectNode node = entries.addObject();
            node.put("action", entry.action().text());
            node.put("value", entry.value());
            node.put("visits", entry.visits());
            node.put("lastReward", entry.lastReward());
            node.put("touched", entry.touched());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode memory record " + record.id(), e);
        }
    }

    /**
     * Reads a record.
     *
     * @param analyse turns an instruction into its terms
     * @throws IllegalArgumentException if the bytes are not a memory record (says what is wrong)
     */
    MemoryRecord decode(byte[] bytes, Function<String, InstructionTerms> analyse) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a memory record (malformed JSON): " + e.getMessage(), e);
        }
        try {
            String instruction = text(root, "instruction");
            JsonNode o = required(root, "observation");
            List<Action> actions = new ArrayList<>();
            required(o, "actions").forEach(a -> actions.add(Action.of(a.asText())));
            List<String> templates = new ArrayList<>();
            required(o, "templates").forEach(t -> templates.add(t.asText()));
            Observation observation = new Observation(text(o, "text"), actions, templates,
                    required(o, "done").asBoolean(), required(o, "reward").asDouble(), map(required(o, "info")),
                    map(required(o, "descriptions")));
            MemoryRecord record = new MemoryRecord(required(root, "id").asLong(), instruction, observation,
                    analyse.apply(instruction), 0);
            for (JsonNode node : required(root, "values")) {
                record.restore(new ActionEntry(Action.of(text(node, "action")), required(node, "value").asDouble(),
                        required(node, "visits").asInt(), required(node, "lastReward").asDouble(),
                        required(node, "touched").asLong()));
            }
            record.touch(required(root, "touched").asLong());
            return record;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a memory record: " + e.getMessage(), e);
        }
    }

    private static void putMap(ObjectNode node, Map<String, String> map) {
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> node.put(e.getKey(), e.getValue()));
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return child;
    }

    private static String text(JsonNode node, String field) {
        JsonNode child = required(node, field);
        if (!child.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return child.asText();
    }
}
