package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.OrderedMaps;
import java.util.List;
import java.util.Map;

/**
 * What one process that worked on a run ran with.
 *
 * @param started when the process started on the run (ISO-8601)
 * @param resumed whether it continued a run that an earlier process had started
 * @param recipe the recipe's name and seed
 * @param kaizen the Kaizen build
 * @param jvm the Java runtime
 * @param os the operating system
 * @param cpu the processor
 * @param plugins the started plugins, by id
 * @param parts each part of the recipe, by recipe path, in recipe order
 */
@JsonPropertyOrder({"started", "resumed", "recipe", "kaizen", "jvm", "os", "cpu", "plugins", "parts"})
public record ProcessProvenance(String started, boolean resumed, RecipeIdentity recipe, KaizenBuild kaizen, Jvm jvm,
                                OperatingSystem os, Processor cpu, List<PluginProvenance> plugins,
                                Map<String, PartProvenance> parts) {

    public ProcessProvenance {
        requireNonNull(started, "started is null");
        requireNonNull(recipe, "recipe is null");
        requireNonNull(kaizen, "kaizen is null");
        requireNonNull(jvm, "jvm is null");
        requireNonNull(os, "os is null");
        requireNonNull(cpu, "cpu is null");
        plugins = List.copyOf(requireNonNull(plugins, "plugins is null"));
        parts = OrderedMaps.copy(parts, "parts");
    }

    /**
     * The recipe a process ran.
     *
     * @param name the recipe's name
     * @param seed its root seed
     */
    public record RecipeIdentity(String name, long seed) {

        public RecipeIdentity {
            requireNonNull(name, "name is null");
        }
    }
}
