package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Fills a profile's request body: every string value that is exactly {@code $instance},
 * {@code $task} or {@code $action} becomes the instance id (as the server gave it), the task index
 * (a number) or the action text; everything else is sent as written. Stateless.
 */
public final class BodyTemplate {

    public static final String INSTANCE = "$instance";
    public static final String TASK = "$task";
    public static final String ACTION = "$action";

    private BodyTemplate() {
    }

    /** The body for one request; {@code template} is not changed. Null values of the arguments are left out of use. */
    public static ObjectNode fill(JsonNode template, JsonNode instance, Integer task, String action) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (template == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.set(field.getKey(), value(field.getValue(), instance, task, action));
        }
        return out;
    }

    private static JsonNode value(JsonNode node, JsonNode instance, Integer task, String action) {
        if (node.isTextual()) {
            switch (node.asText()) {
                case INSTANCE -> {
                    return require(instance, INSTANCE);
                }
                case TASK -> {
                    return JsonNodeFactory.instance.numberNode(require(task, TASK));
                }
                case ACTION -> {
                    return JsonNodeFactory.instance.textNode(require(action, ACTION));
                }
                default -> {
                    return node;
                }
            }
        }
        if (node.isObject()) {
            return fill(node, instance, task, action);
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(value(item, instance, task, action)));
            return array;
        }
        return node;
    }

    private static <T> T require(T value, String placeholder) {
        if (value == null) {
            throw new IllegalStateException(placeholder + " has no value in this request");
        }
        return value;
    }

    /** Whether {@code template} uses {@code placeholder} anywhere. */
    static boolean mentions(JsonNode template, String placeholder) {
        if (template.isTextual()) {
            return template.asText().equals(placeholder);
        }
        for (JsonNode child : template) {
            if (mentions(child, placeholder)) {
                return true;
            }
        }
        return false;
    }
}
