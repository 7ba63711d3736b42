package dev.kaizen.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.ComponentFactory;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.rollout.Rollouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A host context for tests: a fixed seed, a run directory of the test's choosing, metrics kept in
 * memory, parts built by the factories registered with {@link #register}, configs read with
 * Jackson as the host does, and {@link SimpleRollouts}.
 */
public class FakeComponentContext implements ComponentContext {

    /** One recorded metric event. */
    public record Metric(String event, Map<String, ?> fields) {
    }

    private final long seed;
    private final Path runDirectory;
    private final List<ComponentFactory<?, ?>> factories = new ArrayList<>();
    private final List<Metric> metrics = Collections.synchronizedList(new ArrayList<>());
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private final Rollouts rollouts = new SimpleRollouts();

    public FakeComponentContext(long seed, Path runDirectory) {
        this.seed = seed;
        this.runDirectory = runDirectory;
    }

    /** Makes a factory available to {@link #create}, {@link #config} and {@link #override}. */
    public FakeComponentContext register(ComponentFactory<?, ?>... more) {
        for (ComponentFactory<?, ?> factory : more) {
            factories.add(factory);
            mapper.registerSubtypes(new NamedType(factory.configType(), factory.name()));
        }
        return this;
    }

    /** The metrics recorded so far. */
    public List<Metric> recordedMetrics() {
        return List.copyOf(metrics);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public MetricsSink metrics() {
        return (event, fields) -> metrics.add(new Metric(event, Map.copyOf(fields)));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> T create(ComponentConfig<T> config) {
        for (ComponentFactory factory : factories) {
            if (factory.configType() == config.getClass()) {
                return (T) factory.create(config, this);
            }
        }
        throw new IllegalArgumentException("no factory registered for " + config.getClass().getName());
    }

    @Override
    public <C extends ComponentConfig<?>> C config(Class<C> kind, Map<String, ?> fields) {
        return mapper.convertValue(fields, kind);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C extends ComponentConfig<?>> C override(C config, Map<String, ?> fields) {
        ObjectNode tree = mapper.valueToTree(config);
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            String[] path = entry.getKey().split("\\.");
            ObjectNode node = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = node.get(path[i]);
                if (!(child instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("no object at '" + path[i] + "' in " + entry.getKey());
                }
                node = object;
            }
            if (!node.has(path[path.length - 1])) {
                throw new IllegalArgumentException("no field '" + entry.getKey() + "' in " + config.getClass().getSimpleName());
            }
            node.set(path[path.length - 1], mapper.valueToTree(entry.getValue()));
        }
        try {
            return (C) mapper.treeToValue(tree, config.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    @Override
    public Rollouts rollouts() {
        return rollouts;
    }

    @Override
    public void notice(String message) {
        notices.add(message);
    }

    /** The notices parts gave, in order. */
    public List<String> notices() {
        return List.copyOf(notices);
    }
}
