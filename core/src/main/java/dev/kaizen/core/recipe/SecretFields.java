package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kaizen.core.secret.SecretNames;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the secrets in a recipe or config tree: the fields of config records that are marked
 * {@link dev.kaizen.api.Secret} or named like a secret ({@link SecretNames}), with part configs
 * resolved by their {@code type}, and any other field (in a map, say) named like one. Everything
 * under a secret field is secret. Stateless.
 */
final class SecretFields {

    /**
     * A secret value in a tree.
     *
     * @param holder the object that holds it (null for a list element)
     * @param name its field name in {@code holder}
     * @param pointer where it is, as a JSON pointer
     * @param path where it is, as recipes and messages write it (e.g. {@code method.critic.license})
     * @param value the value
     */
    record Found(ObjectNode holder, String name, String pointer, String path, JsonNode value) {
    }

    private SecretFields() {
    }

    /** Every secret value (non-null scalar) in {@code root}, read as {@code declared}. */
    static List<Found> find(JsonNode root, Type declared, ConfigBinder binder) {
        List<Found> found = new ArrayList<>();
        walk(root, declared, "", "", false, binder, found);
        return found;
    }

    private static void walk(JsonNode node, Type declared, String pointer, String path, boolean secret,
                             ConfigBinder binder, List<Found> found) {
        Class<?> raw = ConfigBinder.rawClass(declared);
        if (node instanceof ArrayNode array) {
            Type element = raw != null && Collection.class.isAssignableFrom(raw)
                    && declared instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : null;
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (secret && child.isValueNode() && !child.isNull()) {
                    found.add(new Found(null, null, pointer + "/" + i, path + "[" + i + "]", child));
                } else {
                    walk(child, element, pointer + "/" + i, path + "[" + i + "]", secret, binder, found);
                }
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        boolean map = raw != null && Map.class.isAssignableFrom(raw);
        Type values = map && declared instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[1] : null;
        Class<?> concrete = raw == null || map ? null : binder.concreteType(raw, object).orElse(null);
        Map<String, RecordComponent> components = components(concrete);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode child = field.getValue();
            RecordComponent component = components.get(name);
            boolean secretField = secret || (component != null ? SecretNames.isSecret(component, name)
                    : SecretNames.isSecretName(name));
            String childPointer = pointer + "/" + escape(name);
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (secretField && child.isValueNode() && !child.isNull()) {
                found.add(new Found(object, name, childPointer, childPath, child));
            } else {
                walk(child, component != null ? component.getGenericType() : values, childPointer, childPath,
                        secretField, binder, found);
            }
        }
    }

    /** Replaces each found value in {@code root} by {@link SecretNames#MASK}. */
    static void mask(JsonNode root, List<Found> secrets) {
        for (Found secret : secrets) {
            put(root, secret.pointer(), SecretNames.MASK);
        }
    }

    /** Sets the text at {@code pointer} in {@code root}, where its parent exists. */
    static void put(JsonNode root, String pointer, String text) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ObjectNode object && at.last().mayMatchProperty()) {
            object.put(at.last().getMatchingProperty(), text);
        } else if (parent instanceof ArrayNode array && at.last().mayMatchElement()
                && at.last().getMatchingIndex() < array.size()) {
            array.set(at.last().getMatchingIndex(), TextNode.valueOf(text));
        }
    }

    /** A record's components by the name recipes use for them. */
    private static Map<String, RecordComponent> components(Class<?> type) {
        Map<String, RecordComponent> byName = new HashMap<>();
        if (type != null && type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                byName.put(property != null && !property.value().isEmpty() ? property.value() : component.getName(),
                        component);
            }
        }
        return byName;
    }

    /** A field name as one step of a JSON pointer. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
