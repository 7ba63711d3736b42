package dev.kaizen.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.export.DatasetFormat;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.plugin.LoadedExtension;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.registry.RegisteredComponent;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen components [--kind KIND]}: every registered part with its config fields and defaults. */
@Command(name = "components", mixinStandardHelpOptions = true,
        description = "List the parts recipes can name: kind, name, plugin, description, config fields with defaults.")
final class ComponentsCommand implements Callable<Integer> {

    static final String BENCHMARK = "benchmark";
    static final String FORMAT = "format";

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only this kind: environment, policy, critic, search, reward, optimizer, memory, method, "
                    + "benchmark or format.")
    String kind;

    @Override
    public Integer call() {
        kaizen.configure(global);
        List<String> kinds = new ArrayList<>(ComponentKind.ids());
        kinds.add(BENCHMARK);
        kinds.add(FORMAT);
        if (kind != null && !kinds.contains(kind)) {
            throw new BadInputException("--kind: unknown kind '" + kind + "'; known: " + kinds);
        }
        ComponentRegistry registry = kaizen.registry();
        ConfigBinder binder = kaizen.binder();
        PrintStream out = kaizen.out();
        out.printf(Locale.ROOT, "%-12s %-20s %-14s %s%n", "KIND", "NAME", "PLUGIN", "DESCRIPTION");
        for (ComponentKind k : ComponentKind.values()) {
            if (kind != null && !kind.equals(k.id())) {
                continue;
            }
            for (RegisteredComponent component : registry.components(k)) {
                out.printf(Locale.ROOT, "%-12s %-20s %-14s %s%n", k.id(), component.name(), component.origin(),
                        component.factory().description());
                for (String line : fields(binder, component)) {
                    out.println("    " + line);
                }
            }
        }
        if (kind == null || kind.equals(BENCHMARK)) {
            for (Map.Entry<String, LoadedExtension<Benchmark>> e : registry.benchmarks().entrySet()) {
                out.printf(Locale.ROOT, "%-12s %-20s %-14s %s%n", BENCHMARK, e.getKey(), e.getValue().origin(),
                        e.getValue().extension().description());
            }
        }
        if (kind == null || kind.equals(FORMAT)) {
            for (Map.Entry<String, LoadedExtension<DatasetFormat>> e : registry.formats().entrySet()) {
                out.printf(Locale.ROOT, "%-12s %-20s %-14s %s%n", FORMAT, e.getKey(), e.getValue().origin(),
                        e.getValue().extension().description());
            }
        }
        return Kaizen.OK;
    }

    /** One line per config field: {@code name: default}, or {@code name: (required)}. */
    static List<String> fields(ConfigBinder binder, RegisteredComponent component) {
        List<String> lines = new ArrayList<>();
        ObjectNode tree = binder.json().createObjectNode().put("type", component.name());
        try {
            ComponentConfig<?> config = (ComponentConfig<?>) binder.bind(tree, component.kind().configBase(),
                    component.kind().id());
            ObjectNode written = binder.maskedTree(config);
            written.remove("type");
            for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                lines.add(field.getKey() + ": " + (field.getValue().isNull() ? "(none)" : field.getValue().toString()));
            }
        } catch (BadInputException e) {
            List<String> names = component.configType().isRecord()
                    ? Arrays.stream(component.configType().getRecordComponents()).map(RecordComponent::getName).toList()
                    : List.of();
            // a part with required fields has no defaults to show on its own; say what a recipe must give
            lines.add("fields: " + names);
            lines.add("a recipe must give: " + e.getMessage().replaceFirst("^[a-z]+: ", ""));
        }
        return lines;
    }
}
