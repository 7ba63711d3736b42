package dev.kaizen.core.registry;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentFactory;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.export.DatasetFormat;
import dev.kaizen.core.plugin.LoadedExtension;
import dev.kaizen.core.plugin.PluginFailure;
import dev.kaizen.core.plugin.PluginHost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every factory found by the {@link PluginHost}, by kind and name, plus the benchmarks and dataset
 * formats by name. A factory whose name is not kebab-case or whose config type does not fit its
 * kind is recorded as a plugin failure and left out. A name that two parts of one kind claim, or a
 * config type that two parts read, is a {@link NameConflict}: neither part is usable by it, and only
 * recipes that name it are refused. The parts of plugins that failed are remembered by name, so that
 * a recipe naming one is told why. Immutable and thread-safe after construction.
 */
public final class ComponentRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final PluginHost host;
    private final Map<ComponentKind, Map<String, RegisteredComponent>> byKind = new EnumMap<>(ComponentKind.class);
    private final Map<Class<?>, RegisteredComponent> byConfigType = new HashMap<>();
    private final Map<ComponentKind, Map<String, NameConflict>> conflicts = new EnumMap<>(ComponentKind.class);
    private final Map<ComponentKind, Map<String, PluginFailure>> unavailable = new EnumMap<>(ComponentKind.class);
    private final List<NameConflict> otherConflicts = new ArrayList<>();
    private final Map<String, LoadedExtension<Benchmark>> benchmarks;
    private final Map<String, LoadedExtension<DatasetFormat>> formats;
    private final List<PluginFailure> failures = new ArrayList<>();

    /** Collects the extensions of {@code host}. */
    public ComponentRegistry(PluginHost host) {
        this.host = host;
        Map<Class<?>, List<RegisteredComponent>> readers = new LinkedHashMap<>();
        for (ComponentKind kind : ComponentKind.values()) {
            Map<String, List<RegisteredComponent>> claims = new TreeMap<>();
            for (LoadedExtension<?> found : host.extensions(kind.factoryType())) {
                ComponentFactory<?, ?> factory = (ComponentFactory<?, ?>) found.extension();
                Optional<String> problem = problem(kind, factory);
                if (problem.isPresent()) {
                    failures.add(failure(found.origin(), kind.id() + " factory " + factory.getClass().getName()
                            + " skipped: " + problem.get()));
                    continue;
                }
                RegisteredComponent component = new RegisteredComponent(kind, factory, found.origin());
                claims.computeIfAbsent(factory.name(), name -> new ArrayList<>()).add(component);
                readers.computeIfAbsent(factory.configType(), type -> new ArrayList<>()).add(component);
            }
            Map<String, RegisteredComponent> named = new TreeMap<>();
            Map<String, NameConflict> clashes = new TreeMap<>();
            claims.forEach((name, claimants) -> {
                if (claimants.size() == 1) {
                    named.put(name, claimants.get(0));
                } else {
                    String subject = kind.id() + " '" + name + "'";
                    List<String> origins = claimants.stream().map(RegisteredComponent::origin).toList();
                    clashes.put(name, new NameConflict(subject, subject + " is claimed by " + claimants(origins)
                            + "; recipes that name it are refused until all but one are removed from the plugins "
                            + "directory", pluginIds(origins)));
                }
            });
            byKind.put(kind, named);
            conflicts.put(kind, clashes);
            unavailable.put(kind, failedParts(kind));
        }
        readers.forEach((type, components) -> {
            if (components.size() == 1) {
                byConfigType.put(type, components.get(0));
                return;
            }
            List<String> parts = components.stream().map(c -> c.kind().id() + " '" + c.name() + "' ("
                    + claimants(List.of(c.origin())) + ")").toList();
            List<String> origins = components.stream().map(RegisteredComponent::origin).distinct().toList();
            for (RegisteredComponent component : components) {
                byKind.get(component.kind()).remove(component.name());
                String subject = component.kind().id() + " '" + component.name() + "'";
                conflicts.get(component.kind()).put(component.name(), new NameConflict(subject, String.join(" and ", parts)
                        + " read the same config type " + type.getName() + "; recipes that name any of them are "
                        + "refused until each part has a config type of its own", pluginIds(origins)));
            }
        });
        byKind.replaceAll((kind, named) -> Collections.unmodifiableMap(named));
        benchmarks = named(host.extensions(Benchmark.class), Benchmark::name, "benchmark");
        formats = named(host.extensions(DatasetFormat.class), DatasetFormat::name, "dataset format");
    }

    private Map<String, PluginFailure> failedParts(ComponentKind kind) {
        Map<String, PluginFailure> parts = new TreeMap<>();
        for (LoadedExtension<?> found : host.failedExtensions(kind.factoryType())) {
            try {
                String name = ((ComponentFactory<?, ?>) found.extension()).name();
                host.failure(found.origin()).ifPresent(failure -> parts.putIfAbsent(name, failure));
            } catch (RuntimeException | LinkageError e) {
                // a part that cannot even say its name stays unnamed
            }
        }
        return parts;
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

    private PluginFailure failure(String origin, String reason) {
        return new PluginFailure(host.source(origin), isPlugin(origin) ? origin : "", PluginFailure.FAILED, reason);
    }

    /** {@code plugin 'a' (a.jar) and core}. */
    private String claimants(List<String> origins) {
        return String.join(" and ", origins.stream().map(origin -> isPlugin(origin)
                ? "plugin '" + origin + "' (" + host.source(origin) + ")" : origin).toList());
    }

    private static List<String> pluginIds(List<String> origins) {
        return origins.stream().filter(ComponentRegistry::isPlugin).distinct().toList();
    }

    private static boolean isPlugin(String origin) {
        return !origin.equals(LoadedExtension.CORE) && !origin.equals(LoadedExtension.CLASSPATH);
    }

    private <T> Map<String, LoadedExtension<T>> named(List<LoadedExtension<T>> found, Function<T, String> name,
                                                      String what) {
        Map<String, List<LoadedExtension<T>>> claims = new TreeMap<>();
        for (LoadedExtension<T> extension : found) {
            String key = name.apply(extension.extension());
            if (key == null || !NAME.matcher(key).matches()) {
                failures.add(failure(extension.origin(), what + " " + extension.extension().getClass().getName()
                        + " skipped: name '" + key + "' is not lowercase kebab-case"));
                continue;
            }
            claims.computeIfAbsent(key, k -> new ArrayList<>()).add(extension);
        }
        Map<String, LoadedExtension<T>> out = new TreeMap<>();
        claims.forEach((key, claimants) -> {
            if (claimants.size() == 1) {
                out.put(key, claimants.get(0));
            } else {
                List<String> origins = claimants.stream().map(LoadedExtension::origin).toList();
                String subject = what + " '" + key + "'";
                otherConflicts.add(new NameConflict(subject, subject + " is claimed by " + claimants(origins)
                        + "; it is refused until all but one are removed from the plugins directory",
                        pluginIds(origins)));
            }
        });
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

    /**
     * Why no part of a kind has {@code name} although one was found: two parts claim it, or it
     * belongs to a plugin that failed. Empty where no part of that name was found at all.
     */
    public Optional<String> whyUnavailable(ComponentKind kind, String name) {
        NameConflict conflict = conflicts.get(kind).get(name);
        if (conflict != null) {
            return Optional.of(conflict.message());
        }
        PluginFailure failure = unavailable.get(kind).get(name);
        return failure == null ? Optional.empty() : Optional.of(kind.id() + " '" + name + "' is in "
                + failure.plugin() + ", which failed: " + failure.reason());
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

    /** Every name or config type claimed twice, parts first (by kind and name), then benchmarks and formats. */
    public List<NameConflict> conflicts() {
        List<NameConflict> all = new ArrayList<>();
        conflicts.values().forEach(byName -> all.addAll(byName.values()));
        all.addAll(otherConflicts);
        return all;
    }

    /** The plugins whose code is loaded; {@link PluginHost#linkageFailure} names one that cannot link. */
    public PluginHost plugins() {
        return host;
    }
}
