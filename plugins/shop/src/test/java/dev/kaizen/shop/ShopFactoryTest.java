package dev.kaizen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopFactoryTest {

    @Test
    void buildsFromSampleConfigAndRunsExpertThroughRollouts(@TempDir Path dir) {
        FakeComponentContext context = new FakeComponentContext(7, dir).register(new ShopFactory());
        EnvironmentConfig config = context.config(EnvironmentConfig.class, Map.of("type", "shop", "products", 600,
                "train", 40, "seen", 20, "unseen", 20));
        assertThat(config).isInstanceOf(ShopConfig.class);
        try (Environment environment = context.create(config)) {
            assertThat(context.recordedMetrics()).anySatisfy(metric -> {
                assertThat(metric.event()).isEqualTo("shop-build");
                Map<String, Object> fields = new HashMap<>(metric.fields());
                assertThat(fields).containsEntry("products", 600).containsEntry("tasks", 80)
                        .containsKeys("catalogSeconds", "indexSeconds", "goalsSeconds", "rejectedGoals");
            });
            for (Split split : Split.values()) {
                List<Task> tasks = environment.tasks(split);
                assertThat(tasks).isNotEmpty();
                List<Trajectory> runs = context.rollouts().run(new RolloutRequest(environment, tasks,
                        new ReplayExpert(environment), Sampling.greedy(), "expert"));
                assertThat(runs).allMatch(Trajectory::success);
            }
        }
    }

    /** Replays each task's demonstration, step by step, through the rollout engine. */
    private static final class ReplayExpert implements Policy {
        private final Environment environment;
        private final Map<String, Trajectory> demonstrations = new HashMap<>();

        ReplayExpert(Environment environment) {
            this.environment = environment;
        }

        @Override
        public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
            List<Decision> decisions = new ArrayList<>();
            for (AgentContext context : contexts) {
                Trajectory demo = demonstrations.computeIfAbsent(context.task().id(),
                        id -> environment.demonstration(context.task()).orElseThrow());
                decisions.add(Decision.of(demo.steps().get(context.step()).action(), 0.0));
            }
            return decisions;
        }
    }

    @Test
    void factoryNameIsShop() {
        assertThat(new ShopFactory().name()).isEqualTo("shop");
        assertThat(new ShopFactory().configType()).isEqualTo(ShopConfig.class);
    }
}
