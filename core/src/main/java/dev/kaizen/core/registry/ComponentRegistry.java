package dev.kaizen.core.registry;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentFactory;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.export.DatasetFormat;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.plugin.LoadedExtension;
import dev.kaizen.core.plugin.PluginFailure;
import dev.kaizen.core.plugin.PluginHost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every factory found by the {@link PluginHost}, by kind and name, plus the benchmarks and dataset
 * formats by name. A factory whose name is not kebab-case or whose config type does not fit its
 * kind is recorded as a plugin failure and left out; two factories of one kind with the same name
 * are an error naming both origins. Immutable and thread-safe after construction.
 */
public final class ComponentRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<ComponentKind, Map<String, RegisteredComponent>> byKind = new EnumMap<>(ComponentKind.class);
    private final Map<Class<?>, RegisteredComponent> byConfigType = new HashMap<>();
    private final Map<String, LoadedExtension<Benchmark>> benchmarks;
    private final Map<String, LoadedExtension<DatasetFormat>> formats;
    private final List<PluginFailure> failures = new ArrayList<>();

    /**
     * Collects the extensions of {@code host}.
     *
     * @throws BadInputException if two parts of one kind share a name
     */
    public ComponentRegistry(PluginHost host) {
        for (ComponentKind kind : ComponentKind.values()) {
            Map<String, RegisteredComponent> named = new TreeMap<>();
            for (LoadedExtension<?> found : host.extensions(kind.factoryType())) {
                ComponentFactory<?, ?> factory = (ComponentFactory<?, ?>) found.extension();
                Optional<String> problem = problem(kind, factory);
                if (problem.isPresent()) {
                    failures.add(new PluginFailure(found.origin(), kind.id() + " factory "
                            + factory.getClass().getName() + " skipped: " + problem.get()));
                    continue;
                }
                RegisteredComponent component = new RegisteredComponent(kind, factory, found.origin());
                RegisteredComponent earlier = named.putIfAbsent(factory.name(), component);
                if (earlier != null) {
                    throw new BadInputException(kind.id() + " '" + factory.name() + "' is defined twice: by "
                            + describe(earlier) + " and by " + describe(component) + "; remove one of them");
                }
                RegisteredComponent sharing = byConfigType.putIfAbsent(factory.configType(), component);
                if (sharing != null) {
                    throw new BadInputException("config type " + factory.configType().getName() + " is used by both "
                            + sharing.kind().id() + " '" + sharing.name() + "' (" + describe(sharing) + ") and "
                            + kind.id() + " '" + factory.name() + "' (" + describe(component) + "); each part needs its own");
                }
            }
            byKind.put(kind, Collections.unmodifiableMap(named));
        }
        benchmarks = named(host.extensions(Benchmark.class), Benchmark::name, "benchmark");
        formats = named(host.extensions(DatasetFormat.class), DatasetFormat::name, "dataset format");
    }

    private static Optional<String> problem(ComponentKind kind, ComponentFactory<?, ?> factory) {
        String name;
        Class<?> configType;
        try {
            name = factory.name();
            configType = factory.configType();
        } catch (RuntimeException e) {
            return Optional.of("name() or configType() failed: " + e);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of("name '" + name + "' is not lowercase kebab-case");
        }
        if (configType == null || !kind.configBase().isAssignableFrom(configType)) {
            return Optional.of("config type " + configType + " does not implement " + kind.configBase().getSimpleName());
        }
        return Optional.empty();
    }

    private static String describe(RegisteredComponent component) {
        String origin = component.origin();
        String where = origin.equals(LoadedExtension.CORE) || origin.equals(LoadedExtension.CLASSPATH)
                ? origin : "plugin '" + origin + "'";
        return where + " (" + component.factory().getClass().getName() + ")";
    }

    private <T> Map<String, LoadedExtension<T>> named(List<LoadedExtension<T>> found, Function<T, String> name,
                                                      String what) {
        Map<String, LoadedExtension<T>> out = new TreeMap<>();
        for (LoadedExtension<T> extension : found) {
            String key = name.apply(extension.extension());
            if (key == null || !NAME.matcher(key).matches()) {
                failures.add(new PluginFailure(extension.origin(), what + " "
                        + extension.extension().getClass().getName() + " skipped: name '" + key
                        + "' is not lowercase kebab-case"));
                continue;
            }
            LoadedExtension<T> earlier = out.putIfAbsent(key, extension);
            if (earlier != null) {
                throw new BadInputException(what + " '" + key + "' is defined twice: by " + earlier.origin()
                        + " and by " + extension.origin() + "; remove one of them");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The parts of a kind, by name. */
    public List<RegisteredComponent> components(ComponentKind kind) {
        return List.copyOf(byKind.get(kind).values());
    }

    /** The names of a kind's parts, sorted. */
    public List<String> names(ComponentKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** The part of a kind with a name. */
    public Optional<RegisteredComponent> find(ComponentKind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** The part whose config type is exactly {@code config}'s class. */
    public Optional<RegisteredComponent> forConfig(ComponentConfig<?> config) {
        return Optional.ofNullable(byConfigType.get(config.getClass()));
    }

    /** Benchmarks by name. */
    public Map<String, LoadedExtension<Benchmark>> benchmarks() {
        return benchmarks;
    }

    /** Dataset formats by name. */
    public Map<String, LoadedExtension<DatasetFormat>> formats() {
        return formats;
    }

    /** Factories left out (bad name or config type). */
    public List<PluginFailure> failures() {
        return List.copyOf(failures);
    }
}
