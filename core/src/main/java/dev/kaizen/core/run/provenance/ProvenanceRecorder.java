package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.core.plugin.PluginHost;
import dev.kaizen.core.plugin.PluginInfo;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a run directory's {@code run.json}: this process's {@link ProcessProvenance}, appended to
 * the records of the processes that worked on the run before when it resumes one. Earlier records
 * are kept as they were written. Thread-safe; a run directory is written by one process at a time.
 */
public final class ProvenanceRecorder {

    private final PluginHost host;
    private final ComponentRegistry registry;
    private final Clock clock;

    /**
     * @param host the loaded plugins, checksummed into each record
     * @param registry the factories of the recipe's parts
     * @param clock when a process starts
     */
    public ProvenanceRecorder(PluginHost host, ComponentRegistry registry, Clock clock) {
        this.host = requireNonNull(host, "host is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** This process's record for a run of {@code recipe}. */
    public ProcessProvenance collect(Recipe recipe, boolean resumed) {
        List<PluginProvenance> plugins = new ArrayList<>();
        for (PluginInfo plugin : host.plugins()) {
            if (plugin.state().equals("STARTED")) {
                plugins.add(PluginProvenance.of(plugin));
            }
        }
        return new ProcessProvenance(Instant.now(clock).toString(), resumed,
                new ProcessProvenance.RecipeIdentity(recipe.name(), recipe.seed()), KaizenBuild.current(),
                Jvm.current(), OperatingSystem.current(), Processor.current(), plugins,
                RecipeParts.provenance(recipe, registry));
    }

    /**
     * Writes {@code run.json} into {@code directory} (atomically) for this process. A resumed run
     * keeps the records already there; one that cannot be read is kept beside it as
     * {@code run.json.unreadable} and the file starts again.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void record(RunDirectory directory, Recipe recipe, boolean resumed) {
        Path file = directory.provenance();
        ArrayNode processes = RunProvenance.JSON.createArrayNode();
        if (resumed && Files.exists(file)) {
            processes.addAll(earlier(file));
        }
        processes.add(RunProvenance.JSON.valueToTree(collect(recipe, resumed)));
        Set<String> differences = new TreeSet<>();
        for (int i = 1; i < processes.size(); i++) {
            differences.addAll(RunProvenance.differences(processes.get(0), processes.get(i)));
        }
        ObjectNode root = RunProvenance.JSON.createObjectNode();
        root.set("processes", processes);
        root.put("changed", !differences.isEmpty());
        differences.forEach(root.putArray("differences")::add);
        try {
            RunDirectory.writeAtomically(file,
                    RunProvenance.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static List<JsonNode> earlier(Path file) {
        try {
            JsonNode processes = RunProvenance.JSON.readTree(file.toFile()).path("processes");
            if (processes.isArray()) {
                List<JsonNode> records = new ArrayList<>();
                processes.forEach(records::add);
                return records;
            }
        } catch (IOException e) {
            // kept aside below
        }
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable " + file + " aside: " + e.getMessage(), e);
        }
        return List.of();
    }
}
