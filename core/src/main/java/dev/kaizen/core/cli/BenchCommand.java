package dev.kaizen.core.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.bench.BenchmarkContext;
import dev.kaizen.core.plugin.LoadedExtension;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen bench [NAME [ARGS]... [--option=value]... [--set PATH=VALUE]...]}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print its figures as JSON; without NAME, list the benchmarks.",
            "Options after NAME are passed to the benchmark as --name=value."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "A config override for the benchmark; repeatable.")
    List<String> sets = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "NAME [ARGS]", description = "The benchmark and its arguments.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        kaizen.configure(global);
        Map<String, LoadedExtension<Benchmark>> benchmarks = kaizen.registry().benchmarks();
        PrintStream out = kaizen.out();
        if (words.isEmpty()) {
            out.printf(Locale.ROOT, "%-12s %-12s %s%n", "NAME", "PLUGIN", "DESCRIPTION");
            benchmarks.forEach((name, benchmark) -> out.printf(Locale.ROOT, "%-12s %-12s %s%n", name,
                    benchmark.origin(), benchmark.extension().description()));
            return Kaizen.OK;
        }
        String name = words.get(0);
        LoadedExtension<Benchmark> benchmark = benchmarks.get(name);
        if (benchmark == null) {
            throw new BadInputException("unknown benchmark '" + name + "'; known: " + List.copyOf(benchmarks.keySet()));
        }
        List<String> arguments = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            if (word.startsWith("--")) {
                int equals = word.indexOf('=');
                String key = equals < 0 ? word.substring(2) : word.substring(2, equals);
                if (key.isEmpty()) {
                    throw new BadInputException("bench " + name + ": option '" + word + "' has no name");
                }
                options.put(key, equals < 0 ? "true" : word.substring(equals + 1));
            } else {
                arguments.add(word);
            }
        }
        if (!sets.isEmpty()) {
            options.put("set", String.join("\n", sets));
        }
        BenchmarkContext context = new BenchmarkContext(7L, kaizen.progress(), kaizen.recipeLoader(), kaizen::recipeFile);
        Map<String, Object> figures;
        try {
            figures = benchmark.extension().run(new BenchmarkRequest(arguments, options), context);
        } catch (IllegalArgumentException e) {
            if (e instanceof BadInputException) {
                throw e;
            }
            throw new BadInputException("bench " + name + ": " + e.getMessage(), e);
        }
        Map<String, Object> printed = new LinkedHashMap<>();
        printed.put("benchmark", name);
        printed.putAll(figures);
        out.println(kaizen.binder().json().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(printed));
        return Kaizen.OK;
    }
}
