package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The built-in profiles (YAML resources {@code agentgym/profiles/<name>.yaml}) and profiles from a
 * user's file. Every problem is an {@link IllegalArgumentException} that names the profile or file,
 * the place in it and what is allowed. Thread-safe.
 */
public final class Profiles {

    /** The built-in profiles' names. */
    public static final List<String> BUILT_IN = List.of("webshop", "alfworld", "babyai", "sciworld", "textcraft",
            "maze", "wordle", "sqlgym", "searchqa", "academia", "movie", "sheet", "todo", "weather", "webarena");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Profile> LOADED = new ConcurrentHashMap<>();

    private Profiles() {
    }

    /**
     * A built-in profile.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Profile builtIn(String name) {
        if (name == null || !BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("unknown profile " + (name == null ? "(none)" : "'" + name + "'")
                    + "; known: " + BUILT_IN + " (or give profileFile: a YAML file describing your server)");
        }
        return LOADED.computeIfAbsent(name, Profiles::readResource);
    }

    private static Profile readResource(String name) {
        String resource = "agentgym/profiles/" + name + ".yaml";
        try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile " + resource + " is missing from the plugin");
            }
            Profile profile = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in profile " + name);
            if (!profile.name().equals(name)) {
                throw new IllegalStateException("built-in profile " + resource + " is named " + profile.name());
            }
            return profile;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in profile " + resource, e);
        }
    }

    /**
     * A profile from a user's YAML file.
     *
     * @throws IllegalArgumentException naming the file, the line and the field that is wrong
     */
    public static Profile file(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("profile file " + file.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, "profile file " + file);
    }

    /** Reads a profile from YAML; {@code origin} names it in messages. */
    static Profile parse(String yaml, String origin) {
        if (yaml.isBlank()) {
            throw new IllegalArgumentException(origin + " is empty; it needs at least name, reset and step");
        }
        try {
            Profile profile = YAML.readValue(yaml, Profile.class);
            if (profile == null) {
                throw new IllegalArgumentException(origin + " is empty; it needs at least name, reset and step");
            }
            return profile;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(origin + ", line " + line(e) + ": unknown field '" + e.getPropertyName()
                    + "'" + at(e, 1) + "; allowed: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.toList()), e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(origin + ", line " + line(e) + at(e, 0) + ": " + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : "cannot read '" + e.getValue() + "' as " + e.getTargetType().getSimpleName();
            throw new IllegalArgumentException(origin + ", line " + line(e) + at(e, 0) + ": " + why, e);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(origin + ", line " + line(e) + at(e, 0) + ": expected "
                    + describe(e.getTargetType()) + " here", e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(origin + ", line " + line(e) + at(e, 0) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + " is not valid YAML (line " + line(e) + "): "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
    }

    /** {@code " at reset.body"}: the fields leading to the problem, without the last {@code drop}. */
    private static String at(JsonMappingException e, int drop) {
        List<JsonMappingException.Reference> path = e.getPath();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.size() - drop; i++) {
            JsonMappingException.Reference reference = path.get(i);
            if (reference.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "" : " at " + out;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Double.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }
}
