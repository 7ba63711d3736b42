package dev.kaizen.djl.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.CounterEnvironmentFactory;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.optimizer.BcOptimizerFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterBcTest {

    @Test
    void bcFromSampleConfigsSolvesTheCounter(@TempDir Path dir) {
        FakeComponentContext context = new FakeComponentContext(7, dir)
                .register(new DjlScorerFactory(), new BcOptimizerFactory(), new CounterEnvironmentFactory());
        try (Environment environment = context.create(context.config(EnvironmentConfig.class, Map.of("type", "test")));
             Policy policy = context.create(context.config(PolicyConfig.class, Map.of("type", "djl-scorer")));
             Optimizer bc = context.create(context.config(OptimizerConfig.class, Map.of("type", "bc", "epochs", 30)))) {
            List<Trajectory> demos = environment.tasks(Split.TRAIN).stream()
                    .map(t -> environment.demonstration(t).orElseThrow()).toList();
            long t0 = System.nanoTime();
            TrainingReport report = bc.train(policy, TrainingBatch.ofTrajectories(demos, 3, "bc"));
            System.out.println("bc " + (System.nanoTime() - t0) / 1e6 + " ms " + report);
            List<Trajectory> runs = context.rollouts().run(new RolloutRequest(environment,
                    environment.tasks(Split.SEEN), policy, Sampling.greedy(), "eval"));
            runs.forEach(r -> System.out.println(r.task().instruction() + " -> " + r.steps().stream().map(s -> s.action().text()).toList() + " " + r.reward()));
            assertThat(runs.stream().filter(Trajectory::success).count()).isGreaterThanOrEqualTo(9);
        }
    }
}
