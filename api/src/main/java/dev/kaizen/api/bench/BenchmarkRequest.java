package dev.kaizen.api.bench;

import java.util.List;
import java.util.Map;

/**
 * The command-line arguments of a benchmark.
 *
 * @param arguments positional arguments after the benchmark's name (e.g. {@code shop} in
 *     {@code kaizen bench env shop})
 * @param options {@code --name=value} options
 */
public record BenchmarkRequest(List<String> arguments, Map<String, String> options) {

    public BenchmarkRequest {
        arguments = List.copyOf(arguments);
        options = Map.copyOf(options);
    }

    /** An integer option, or {@code fallback} if absent. */
    public int intOption(String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + value + "'");
        }
    }

    /** A string option, or {@code fallback} if absent. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
