package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.registry.ComponentRegistry;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where recipe and config errors become messages: each names the field path, what
 * was wrong and what is allowed, in one line, e.g.
 * {@code policy.type: unknown policy 'djl-scorr'; known: [djl-scorer, tabular]}.
 */
public final class BindingErrors {

    private static final Pattern NULL_FIELD = Pattern.compile("^(\\w+) is null$");

    private BindingErrors() {
    }

    /** The prefix for a message about {@code path}: {@code "path: "}, or {@code "recipe: "} at the top. */
    public static String location(String path) {
        return (path.isEmpty() ? "recipe" : path) + ": ";
    }

    /** A YAML syntax error in {@code source}, with its line and column. */
    public static String malformed(JsonProcessingException e, String source) {
        String at = position(e);
        return source + ": malformed YAML" + (at.isEmpty() ? "" : " at " + at) + ": " + yamlProblem(e);
    }

    /** Where a YAML syntax error is, e.g. {@code line 3, column 5}, or {@code ""} if unknown. */
    static String position(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? ""
                : "line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /** What is wrong in a YAML syntax error, in one line, e.g. {@code expected ',' or ']', but got <stream end>}. */
    static String yamlProblem(JsonProcessingException e) {
        // SnakeYAML's message: an unindented context line, an indented mark, an unindented problem line, ...
        List<String> statements = e.getOriginalMessage() == null ? List.of()
                : e.getOriginalMessage().lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip).toList();
        return statements.isEmpty() ? firstLine(e.getOriginalMessage())
                : statements.size() == 1 ? statements.get(0)
                : statements.get(statements.size() - 1) + " (" + statements.get(0) + ")";
    }

    /** A binding error as one message. */
    static String describe(JsonProcessingException e, JsonNode input, String rootPath, List<SetOverride> overrides,
                           ComponentRegistry registry) {
        if (!(e instanceof JsonMappingException mapping)) {
            return location(rootPath) + firstLine(e.getOriginalMessage());
        }
        List<Object> path = path(mapping);
        String at = join(rootPath, path);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String objectPath = join(rootPath, path.subList(0, Math.max(0, path.size() - 1)));
            List<String> allowed = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).toList();
            return unknownProperty(unknown.getPropertyName(), allowed, objectPath, overrides);
        }
        if (e instanceof InvalidTypeIdException typeId) {
            Optional<ComponentKind> kind = ComponentKind.ofConfigType(typeId.getBaseType().getRawClass());
            String kindName = kind.map(ComponentKind::id).orElse(typeId.getBaseType().getRawClass().getSimpleName());
            List<String> known = kind.map(registry::names).orElse(List.of());
            String typePath = at.isEmpty() ? "type" : at + ".type";
            JsonNode node = find(input, path);
            if (node != null && !node.isObject()) {
                return location(at) + "expected " + expected(typeId.getBaseType().getRawClass(), registry) + ", got "
                        + render(node) + from(overrides, at);
            }
            JsonNode type = node == null ? null : node.get("type");
            if (type != null && (type.isArray() || type.isObject())) {
                return typePath + ": must be one " + kindName + " name, got " + render(type) + "; known: " + known
                        + from(overrides, typePath);
            }
            if (typeId.getTypeId() == null) {
                return typePath + ": missing; name the " + kindName + " to use; known: " + known + from(overrides, at);
            }
            Optional<String> unavailable = kind.flatMap(k -> registry.whyUnavailable(k, typeId.getTypeId()));
            if (unavailable.isPresent()) {
                return typePath + ": " + unavailable.get() + from(overrides, typePath);
            }
            return typePath + ": unknown " + kindName + " '" + typeId.getTypeId() + "'; known: " + known
                    + from(overrides, typePath);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause() != null ? instantiation.getCause() : instantiation;
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            Matcher nullField = NULL_FIELD.matcher(message);
            Class<?> type = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
            // Jackson reports unknown fields of a record only once it is built; a misspelt required field fails first
            Optional<String> unknown = unknownField(find(input, path), type);
            if (unknown.isPresent()) {
                return unknownProperty(unknown.get(), fieldNames(type), at, overrides);
            }
            if (cause instanceof NullPointerException && nullField.matches() && isComponent(type, nullField.group(1))) {
                return location(at) + "missing required field '" + nullField.group(1) + "'" + from(overrides, at);
            }
            return location(at) + message + from(overrides, at);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            JsonNode node = find(input, path);
            return location(at) + "expected " + expected(mismatch.getTargetType(), registry) + ", got "
                    + render(node) + from(overrides, at);
        }
        return location(at) + firstLine(e.getOriginalMessage()) + from(overrides, at);
    }

    private static String unknownProperty(String property, List<String> allowed, String objectPath,
                                          List<SetOverride> overrides) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(allowed));
        String full = objectPath.isEmpty() ? property : objectPath + "." + property;
        String level = objectPath.isEmpty() ? "the top level" : objectPath;
        String suggestion = Suggestions.didYouMean(property, sorted);
        for (SetOverride override : overrides) {
            String set = override.dottedPath();
            if (set.equals(full) || set.startsWith(full + ".")) {
                return "--set " + override.text() + ": no field '" + property + "' at " + level + "; valid: " + sorted
                        + suggestion;
            }
        }
        return "unknown property '" + property + "' at " + level + "; allowed: " + sorted + suggestion;
    }

    /** The first field of {@code node} that the record {@code type} does not have ({@code type} aside for parts). */
    private static Optional<String> unknownField(JsonNode node, Class<?> type) {
        if (node == null || !node.isObject() || type == null || !type.isRecord()) {
            return Optional.empty();
        }
        List<String> names = fieldNames(type);
        boolean part = ComponentKind.ofConfigType(type).isPresent();
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!names.contains(field) && !(part && field.equals("type"))) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** A record's field names as written in recipes. */
    private static List<String> fieldNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> !component.getAccessor().isAnnotationPresent(JsonIgnore.class)).map(component -> {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : component.getName();
        }).toList();
    }

    private static boolean isComponent(Class<?> type, String name) {
        return type != null && type.isRecord()
                && Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).anyMatch(name::equals);
    }

    private static String from(List<SetOverride> overrides, String at) {
        for (SetOverride override : overrides) {
            String set = override.dottedPath();
            if (!at.isEmpty() && (set.equals(at) || set.startsWith(at + ".") || at.startsWith(set + "."))) {
                return " (from --set " + override.text() + ")";
            }
        }
        return "";
    }

    /** Where a mapping error happened, as a field path below {@code rootPath}. */
    static String path(JsonMappingException e, String rootPath) {
        return join(rootPath, path(e));
    }

    private static List<Object> path(JsonMappingException e) {
        List<Object> out = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                out.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.add(reference.getIndex());
            }
        }
        return out;
    }

    private static String join(String root, List<Object> path) {
        StringBuilder out = new StringBuilder(root);
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    private static JsonNode find(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }

    private static String render(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        if (node.isObject()) {
            return "an object " + node;
        }
        if (node.isArray()) {
            return "a list " + node;
        }
        return node.toString();
    }

    private static String expected(Class<?> type, ComponentRegistry registry) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        Optional<ComponentKind> kind = ComponentKind.ofConfigType(type);
        if (kind.isPresent()) {
            return "a " + kind.get().id() + " like {type: NAME, ...} with NAME one of " + registry.names(kind.get());
        }
        if (type.isRecord()) {
            return "an object with fields " + Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return "a " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
