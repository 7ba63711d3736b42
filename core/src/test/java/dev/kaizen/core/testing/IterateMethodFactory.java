package dev.kaizen.core.testing;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.builtin.NoneCriticConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * A multi-stage test method, {@code iterate-test}: stage {@code baseline} evaluates; each
 * {@code iter-K} explores training tasks with the explorer, writes what it found, trains on the
 * successes (and pairs each success with a failure of the same task), bumps a persisted counter and
 * evaluates; stage {@code final} evaluates again. The counter's value feeds the next round's task
 * offset, so a resumed run only matches an uninterrupted one if persisted state is restored.
 */
@Extension
public final class IterateMethodFactory implements TrainingMethodFactory<IterateMethodConfig> {

    @Override
    public String name() {
        return "iterate-test";
    }

    @Override
    public Class<IterateMethodConfig> configType() {
        return IterateMethodConfig.class;
    }

    @Override
    public TrainingMethod create(IterateMethodConfig config, ComponentContext context) {
        return method -> run(config, method);
    }

    private static void run(IterateMethodConfig config, MethodContext context) throws Exception {
        Counter counter = new Counter();
        context.persist("counter", counter);
        context.stage("baseline", () -> context.evaluate("baseline", context.policy()));
        for (int k = 1; k <= config.iterations(); k++) {
            String stage = "iter-" + k;
            context.stage(stage, () -> {
                List<Task> train = context.environment().tasks(Split.TRAIN);
                List<Task> tasks = new ArrayList<>();
                for (int i = 0; i < config.tasks(); i++) {
                    tasks.add(train.get((i + counter.value) % train.size()));
                }
                SearchAlgorithm explorer = context.create(config.explorer());
                try (var critic = context.create(new NoneCriticConfig())) {
                    List<SearchResult> results = explorer.search(new SearchProblem(context.environment(), tasks,
                            context.policy(), critic, context.seed(stage + "/explore"), stage + "/explore"));
                    List<Trajectory> explored = results.stream().flatMap(r -> r.explored().stream()).toList();
                    List<Trajectory> successes = explored.stream().filter(Trajectory::success).toList();
                    List<PreferencePair> pairs = new ArrayList<>();
                    for (SearchResult result : results) {
                        var good = result.explored().stream().filter(Trajectory::success).findFirst();
                        var bad = result.explored().stream().filter(t -> !t.success() && t.length() > 0).findFirst();
                        if (good.isPresent() && bad.isPresent()) {
                            pairs.add(PreferencePair.ofTrajectories(good.get(), bad.get(),
                                    good.get().reward() - bad.get().reward()));
                        }
                    }
                    context.writeTrajectories(stage, explored);
                    context.writePairs(stage, pairs);
                    try (Optimizer optimizer = context.create(config.optimizer())) {
                        optimizer.train(context.policy(), TrainingBatch.ofTrajectories(successes,
                                context.seed(stage + "/train"), stage));
                    }
                    counter.value += successes.size() + 1;
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("value", counter.value);
                    fields.put("successes", successes.size());
                    context.metrics().record("counter", fields);
                }
                context.evaluate(stage, context.policy());
            });
        }
        context.stage("final", () -> context.evaluate("final", context.policy()));
    }

    /** A persisted counter. */
    static final class Counter implements Checkpointable {
        int value;

        @Override
        public void save(Path directory) throws IOException {
            Files.writeString(directory.resolve("value.txt"), Integer.toString(value));
        }

        @Override
        public void load(Path directory) throws IOException {
            value = Integer.parseInt(Files.readString(directory.resolve("value.txt")).strip());
        }
    }
}
