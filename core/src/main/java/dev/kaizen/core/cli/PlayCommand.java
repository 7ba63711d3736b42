package dev.kaizen.core.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.SetOverride;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.run.HostComponentContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen play ENV [--task ID] [--split S] [--set environment.x=v]...}: a person plays an environment. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play an environment in the terminal: see the observation and the valid actions, type an "
            + "action (or its number), see the reward at the end. 'quit' leaves."})
final class PlayCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment's type name, e.g. shop.")
    String environmentName;

    @Option(names = "--task", paramLabel = "ID", description = "The task to play (default: the split's first).")
    String taskId;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "train",
            description = "The split to take the task from: train, seen or unseen (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--set", paramLabel = "environment.PATH=VALUE",
            description = "Override an environment config field; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "7", description = "The episode's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        kaizen.configure(global);
        ConfigBinder binder = kaizen.binder();
        if (kaizen.registry().find(ComponentKind.ENVIRONMENT, environmentName).isEmpty()) {
            throw new BadInputException("unknown environment '" + environmentName + "'; known: "
                    + kaizen.registry().names(ComponentKind.ENVIRONMENT));
        }
        Split chosen;
        try {
            chosen = Split.of(split);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--split: " + e.getMessage());
        }
        ObjectNode root = binder.json().createObjectNode();
        root.putObject("environment").put("type", environmentName);
        List<SetOverride> overrides = new ArrayList<>();
        for (String set : sets) {
            SetOverride override = SetOverride.parse(set, binder.yaml());
            if (override.path().size() < 2 || !override.path().get(0).equals("environment")) {
                throw new BadInputException("--set " + set + ": play only changes the environment; "
                        + "write environment.FIELD=VALUE");
            }
            override.applyTo(root);
            overrides.add(override);
        }
        EnvironmentConfig config = binder.bind(root.get("environment"), EnvironmentConfig.class, "environment",
                overrides.stream().map(o -> new SetOverride(o.text(), o.path().subList(1, o.path().size()), o.value()))
                        .toList());
        HostComponentContext context = new HostComponentContext(seed, null, MetricsSink.DISCARD, kaizen.progress(),
                binder, null);
        PrintStream out = kaizen.out();
        BufferedReader input = new BufferedReader(new InputStreamReader(kaizen.in(), StandardCharsets.UTF_8));
        try (Environment environment = context.create(config)) {
            Task task = task(environment, chosen);
            out.println("Task " + task.id() + " (" + task.split() + "): " + task.instruction());
            try (Episode episode = environment.reset(task, seed)) {
                Observation observation = episode.observation();
                double total = 0;
                int step = 0;
                while (!observation.done()) {
                    show(out, ++step, environment.stepLimit(), observation);
                    Action action = null;
                    while (action == null) {
                        out.print("> ");
                        out.flush();
                        String line = input.readLine();
                        if (line == null || line.strip().equalsIgnoreCase("quit") || line.strip().equalsIgnoreCase("exit")) {
                            out.println();
                            out.println("Left after " + (step - 1) + " steps; reward so far " + format(total));
                            return Kaizen.OK;
                        }
                        action = parse(line.strip(), observation, out);
                    }
                    observation = episode.step(action);
                    total += observation.reward();
                    if (!observation.feedback().isEmpty()) {
                        out.println("! " + observation.feedback());
                    }
                }
                out.println();
                out.println(observation.text());
                out.println("Episode over after " + step + " steps: reward " + format(total) + ", "
                        + (Trajectory.isSuccess(total) ? "success" : "not a success"));
            }
        }
        return Kaizen.OK;
    }

    private Task task(Environment environment, Split chosen) {
        if (taskId != null) {
            for (Split s : Split.values()) {
                for (Task task : environment.tasks(s)) {
                    if (task.id().equals(taskId)) {
                        return task;
                    }
                }
            }
            throw new BadInputException("--task: no task '" + taskId + "' in environment '" + environmentName
                    + "' (ids look like " + environment.tasks(chosen).stream().limit(3).map(Task::id).toList() + ")");
        }
        List<Task> tasks = environment.tasks(chosen);
        if (tasks.isEmpty()) {
            throw new BadInputException("--split: environment '" + environmentName + "' has no " + chosen + " tasks");
        }
        return tasks.get(0);
    }

    private static void show(PrintStream out, int step, OptionalInt limit, Observation observation) {
        out.println();
        out.println("--- step " + step + (limit.isPresent() ? " of " + limit.getAsInt() + " ("
                + (limit.getAsInt() - step + 1) + " left, this one included)" : "") + " ---");
        out.println(observation.text());
        if (!observation.actions().isEmpty()) {
            out.println("Actions:");
            for (int i = 0; i < observation.actions().size(); i++) {
                Action action = observation.actions().get(i);
                String description = observation.describe(action);
                out.printf(Locale.ROOT, "  %2d. %s%s%n", i + 1, action.text(), description.isEmpty() ? "" : "  (" + description + ")");
            }
        }
        if (!observation.templates().isEmpty()) {
            out.println("Or type: " + String.join(", ", observation.templates()) + "   ({} is your text)");
        }
    }

    private static Action parse(String line, Observation observation, PrintStream out) {
        if (line.isEmpty()) {
            return null;
        }
        if (line.equalsIgnoreCase("help")) {
            out.println("Type an action as shown, its number, or 'quit'.");
            return null;
        }
        if (line.chars().allMatch(Character::isDigit)) {
            int number = Integer.parseInt(line);
            if (number < 1 || number > observation.actions().size()) {
                out.println("No action " + number + "; choose 1.." + observation.actions().size());
                return null;
            }
            return observation.actions().get(number - 1);
        }
        return Action.of(line);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
