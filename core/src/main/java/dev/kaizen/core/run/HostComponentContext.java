package dev.kaizen.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.ComponentFactory;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.registry.RegisteredComponent;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.nio.file.Path;
import java.util.Map;

/**
 * The host's {@link ComponentContext}: the recipe's seed, the run directory, the run's metrics,
 * progress display, parts built through the registry, configs read like recipes, and the rollout
 * engine. Thread-safe.
 */
public class HostComponentContext implements ComponentContext {

    private final long seed;
    private final Path runDirectory;
    private final MetricsSink metrics;
    private final ProgressDisplay progress;
    private final ConfigBinder binder;
    private final Rollouts rollouts;

    /**
     * @param runDirectory null where there is none (benchmarks, play)
     * @param rollouts null where there is no engine
     */
    public HostComponentContext(long seed, Path runDirectory, MetricsSink metrics, ProgressDisplay progress,
                                ConfigBinder binder, Rollouts rollouts) {
        this.seed = seed;
        this.runDirectory = runDirectory;
        this.metrics = metrics;
        this.progress = progress;
        this.binder = binder;
        this.rollouts = rollouts;
    }

    /** The binder (and through it the registry) parts are built with. */
    public ConfigBinder binder() {
        return binder;
    }

    /** The progress display. */
    public ProgressDisplay progressDisplay() {
        return progress;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Path runDirectory() {
        if (runDirectory == null) {
            return ComponentContext.super.runDirectory();
        }
        return runDirectory;
    }

    @Override
    public MetricsSink metrics() {
        return metrics;
    }

    @Override
    public ProgressReporter progress(String label, long total) {
        return progress.start(label, total);
    }

    /**
     * Builds a part through the factory registered for the config's class. A factory's
     * {@link IllegalArgumentException} becomes a {@link BadInputException} naming the part.
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> T create(ComponentConfig<T> config) {
        RegisteredComponent component = binder.registry().forConfig(config).orElseThrow(() ->
                new IllegalArgumentException("no registered part reads config " + config.getClass().getName()));
        ComponentFactory factory = component.factory();
        try {
            return (T) factory.create(config, this);
        } catch (BadInputException | IncompatiblePartsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(component.kind().id() + " '" + component.name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public <C extends ComponentConfig<?>> C config(Class<C> kind, Map<String, ?> fields) {
        JsonNode tree = binder.json().valueToTree(fields);
        String path = ComponentKind.ofConfigType(kind).map(ComponentKind::id).orElse(kind.getSimpleName());
        return binder.bind(tree, kind, path);
    }

    @Override
    public <C extends ComponentConfig<?>> C override(C config, Map<String, ?> fields) {
        return binder.override(config, fields);
    }

    @Override
    public Rollouts rollouts() {
        if (rollouts == null) {
            return ComponentContext.super.rollouts();
        }
        return rollouts;
    }
}
