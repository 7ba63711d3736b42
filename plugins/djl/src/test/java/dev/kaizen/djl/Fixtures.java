package dev.kaizen.djl;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.testing.CounterEnvironmentFactory;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.optimizer.BcOptimizerFactory;
import dev.kaizen.djl.optimizer.DpoOptimizerFactory;
import dev.kaizen.djl.optimizer.GrpoOptimizerFactory;
import dev.kaizen.djl.optimizer.PpoOptimizerFactory;
import dev.kaizen.djl.policy.DjlScorerConfig;
import dev.kaizen.djl.policy.DjlScorerFactory;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.reward.DiscriminatorFactory;
import dev.kaizen.djl.reward.ImplicitFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shared set-up for this plugin's tests: a host context with every part of the plugin and the counter. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A context with this plugin's factories and the api's {@code test} environment registered. */
    public static FakeComponentContext context(long seed, Path directory) {
        return new FakeComponentContext(seed, directory).register(new DjlScorerFactory(), new BcOptimizerFactory(),
                new DpoOptimizerFactory(), new PpoOptimizerFactory(), new GrpoOptimizerFactory(), new DiscriminatorFactory(), new ImplicitFactory(),
                new CounterEnvironmentFactory());
    }

    /** The counter environment with default tasks. */
    public static Environment counter(FakeComponentContext context) {
        return context.create(context.config(EnvironmentConfig.class, Map.of("type", "test")));
    }

    /** The expert's demonstrations of a split. */
    public static List<Trajectory> demonstrations(Environment environment, Split split) {
        return environment.tasks(split).stream().map(t -> environment.demonstration(t).orElseThrow()).toList();
    }

    /** A small, fast policy. */
    public static DjlScorerPolicy smallPolicy(long seed) {
        return DjlScorerPolicy.create(new DjlScorerConfig(4096, 8, 16, null, null, null, null),
                "djl-scorer", seed);
    }

}
