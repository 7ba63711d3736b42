package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.registry.RegisteredComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns trees of plain values (from YAML, {@code --set}, or a part's own maps) into config records
 * and back, with every registered part's config class known under its name.
 *
 * <p>Before binding, defaults declared on record components with
 * {@code @JsonProperty(defaultValue = "...")} are filled where the field is absent or null; the
 * default is read as YAML, so a nested part can default to {@code "{type: bc}"} and that part's own
 * defaults follow. Where the field is an object without a {@code type} (or with the default's), the
 * default's fields fill in the missing ones, so {@code --set method.optimizer.epochs=3} works on a
 * recipe that names no optimizer. Unknown fields are rejected; floats are not truncated into
 * integer fields.
 * Thread-safe.
 */
public final class ConfigBinder {

    private final ComponentRegistry registry;
    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public ConfigBinder(ComponentRegistry registry) {
        this.registry = registry;
        this.json = configure(JsonMapper.builder().build());
        this.yaml = configure(new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                .build()));
    }

    private ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        for (ComponentKind kind : ComponentKind.values()) {
            for (RegisteredComponent component : registry.components(kind)) {
                mapper.registerSubtypes(new NamedType(component.configType(), component.name()));
            }
        }
        return mapper;
    }

    /** The registry whose parts this binder knows. */
    public ComponentRegistry registry() {
        return registry;
    }

    /** A JSON mapper that knows every registered config type. */
    public ObjectMapper json() {
        return json;
    }

    /** A YAML mapper that knows every registered config type. */
    public ObjectMapper yaml() {
        return yaml;
    }

    /**
     * Binds {@code tree} to {@code type}, filling declared defaults first.
     *
     * @param path where the tree sits in the recipe, for messages ({@code ""} for the top level)
     * @param overrides the {@code --set} overrides applied to the tree, so that errors they caused name them
     * @throws BadInputException with a message naming the field path and what is allowed
     */
    public <T> T bind(JsonNode tree, Class<T> type, String path, List<SetOverride> overrides) {
        JsonNode copy = tree.deepCopy();
        fillDefaults(copy, type, path);
        try {
            return json.treeToValue(copy, type);
        } catch (JsonProcessingException e) {
            throw new BadInputException(linkage(e, path).orElseGet(() ->
                    BindingErrors.describe(e, copy, path, overrides, registry)), e);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException cause) {
                throw new BadInputException(linkage(cause, path).orElseGet(() ->
                        BindingErrors.describe(cause, copy, path, overrides, registry)), cause);
            }
            throw new BadInputException(BindingErrors.location(path) + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new BadInputException(linkage(e, path).orElse(BindingErrors.location(path) + e), e);
        }
    }

    /** A plugin's config class that could not link while it was built, named with its plugin. */
    private Optional<String> linkage(Throwable thrown, String path) {
        String where = thrown instanceof JsonMappingException mapping ? BindingErrors.path(mapping, path) : path;
        String at = where.isEmpty() ? "" : BindingErrors.location(where);
        return registry.plugins().linkageFailure(thrown).map(message -> at + message);
    }

    /** {@link #bind(JsonNode, Class, String, List)} without overrides. */
    public <T> T bind(JsonNode tree, Class<T> type, String path) {
        return bind(tree, type, path, List.of());
    }

    /** A config as a tree, with its {@code type}. */
    public ObjectNode tree(ComponentConfig<?> config) {
        Class<?> base = ComponentKind.ofConfigType(config.getClass()).map(ComponentKind::configBase)
                .orElseThrow(() -> new IllegalArgumentException("not a part config: " + config.getClass().getName()));
        try {
            return (ObjectNode) json.readTree(json.writerFor(base).writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + config.getClass().getName() + " as JSON", e);
        }
    }

    /** {@link #tree} with every secret field's value masked, for what is printed or written. */
    public ObjectNode maskedTree(ComponentConfig<?> config) {
        ObjectNode tree = tree(config);
        Class<?> base = ComponentKind.ofConfigType(config.getClass()).map(ComponentKind::configBase).orElseThrow();
        SecretFields.mask(tree, SecretFields.find(tree, base, this));
        return tree;
    }

    /**
     * A copy of {@code config} with fields replaced; keys are dotted field paths.
     *
     * @throws BadInputException (an IllegalArgumentException) if a key names no field or a value does not fit
     */
    @SuppressWarnings("unchecked")
    public <C extends ComponentConfig<?>> C override(C config, Map<String, ?> fields) {
        ObjectNode tree = tree(config);
        List<SetOverride> overrides = fields.entrySet().stream()
                .map(e -> new SetOverride(e.getKey() + "=" + e.getValue(), List.of(e.getKey().split("\\.", -1)),
                        json.valueToTree(e.getValue())))
                .toList();
        for (SetOverride override : overrides) {
            override.applyTo(tree);
        }
        ComponentKind kind = ComponentKind.ofConfigType(config.getClass()).orElseThrow();
        try {
            return (C) bind(tree, kind.configBase(), "", overrides);
        } catch (BadInputException e) {
            throw new BadInputException("cannot override " + kind.id() + " '" + tree.path("type").asText() + "' with "
                    + fields + ": " + e.getMessage().replaceFirst("^--set ", ""), e.getCause());
        }
    }

    /**
     * Fills {@code @JsonProperty(defaultValue)} defaults of records (and of part configs, resolved
     * by their {@code type}) into {@code node}, recursively.
     */
    void fillDefaults(JsonNode node, Type declared, String path) {
        Class<?> raw = rawClass(declared);
        if (raw == null) {
            return;
        }
        if (node instanceof ArrayNode array && Collection.class.isAssignableFrom(raw)
                && declared instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            for (int i = 0; i < array.size(); i++) {
                fillDefaults(array.get(i), element, path + "[" + i + "]");
            }
            return;
        }
        if (node instanceof ObjectNode object && Map.class.isAssignableFrom(raw)
                && declared instanceof ParameterizedType parameterized) {
            Type value = parameterized.getActualTypeArguments()[1];
            object.fields().forEachRemaining(e -> fillDefaults(e.getValue(), value, path + "." + e.getKey()));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Class<?> concrete = concreteType(raw, object).orElse(null);
        if (concrete == null || !concrete.isRecord()) {
            return;
        }
        for (RecordComponent component : concrete.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
            JsonNode child = object.get(name);
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (property != null && !property.defaultValue().isEmpty()) {
                JsonNode fallbackValue;
                try {
                    fallbackValue = yaml.readTree(property.defaultValue());
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the declared default of " + concrete.getName() + "." + name
                            + " is not YAML: " + property.defaultValue(), e);
                }
                if (child == null || child.isNull()) {
                    child = fallbackValue;
                    object.set(name, child);
                } else if (child instanceof ObjectNode given && fallbackValue instanceof ObjectNode fallback
                        && sameType(given, fallback)) {
                    // e.g. --set method.optimizer.epochs=3 where the recipe names no optimizer: the rest is the default's
                    fallback.fields().forEachRemaining(e -> {
                        if (!given.has(e.getKey())) {
                            given.set(e.getKey(), e.getValue());
                        }
                    });
                }
            }
            if (child != null) {
                fillDefaults(child, component.getGenericType(), childPath);
            }
        }
    }

    private static boolean sameType(ObjectNode given, ObjectNode fallback) {
        JsonNode type = given.get("type");
        return type == null || type.isNull() || type.equals(fallback.get("type"));
    }

    /** The record a tree is read as: {@code raw} itself, or the part config its {@code type} names. */
    Optional<Class<?>> concreteType(Class<?> raw, ObjectNode object) {
        if (raw.isRecord()) {
            return Optional.of(raw);
        }
        if (raw.isAnnotationPresent(JsonTypeInfo.class)) {
            Optional<ComponentKind> kind = ComponentKind.ofConfigType(raw);
            JsonNode type = object.get("type");
            if (kind.isPresent() && type != null && type.isTextual()) {
                return registry.find(kind.get(), type.asText()).map(RegisteredComponent::configType);
            }
        }
        return Optional.empty();
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
