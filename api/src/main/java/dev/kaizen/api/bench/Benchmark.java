package dev.kaizen.api.bench;

import dev.kaizen.api.ComponentContext;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * A benchmark run by {@code kaizen bench NAME [ARGS] [--option=value]...}; an extension point.
 * It measures real work and returns its figures, which the host prints as JSON.
 */
public interface Benchmark extends ExtensionPoint {

    /** The name after {@code kaizen bench}, kebab-case, e.g. {@code "policy"}. */
    String name();

    /** One line for {@code kaizen bench --help}. */
    String description();

    /**
     * Runs the benchmark.
     *
     * @return figures by name (numbers, strings, nested maps), e.g. {@code stepsPerSecond}
     * @throws IllegalArgumentException for bad arguments, with what is allowed
     */
    Map<String, Object> run(BenchmarkRequest request, ComponentContext context) throws Exception;
}
