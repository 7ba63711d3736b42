package dev.kaizen.household;

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
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseholdFactoryTest {

    @Test
    void buildsFromSampleConfigAndRunsExpertThroughRollouts(@TempDir Path dir) {
        FakeComponentContext context = new FakeComponentContext(7, dir).register(new HouseholdFactory());
        EnvironmentConfig config = context.config(EnvironmentConfig.class, Map.of("type", "household", "train", 40,
                "seen", 20, "unseen", 20, "objects", 12));
        assertThat(config).isInstanceOf(HouseholdConfig.class);
        try (Environment environment = context.create(config)) {
            assertThat(context.recordedMetrics()).anySatisfy(metric -> {
                assertThat(metric.event()).isEqualTo("household-build");
                Map<String, Object> fields = new HashMap<>(metric.fields());
                assertThat(fields).containsEntry("layouts", 40).containsEntry("tasks", 80)
                        .containsKeys("rejectedTasks", "buildSeconds");
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
    void factoryNameIsHousehold() {
        assertThat(new HouseholdFactory().name()).isEqualTo("household");
        assertThat(new HouseholdFactory().configType()).isEqualTo(HouseholdConfig.class);
    }
}
