package dev.kaizen.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.core.recipe.RolloutSettings;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.rollout.RolloutEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor that is not in the driver's JVM (no host registered under the piece's key) loads the
 * plugins itself, builds the environment from its config and the policy from its config and state,
 * and gives the trajectories of the local engine; a config it cannot bind comes back as a failed
 * outcome that names the executor.
 */
class RemoteWorkerTest {

    private static final String SETTINGS = "{\"batchSize\": 4, \"threads\": 2}";

    private final String key = "another-jvm-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheRun() {
        ExecutorParts.release(key);
    }

    @Test
    void anExecutorElsewhereRebuildsThePartsAndGivesTheLocalTrajectories() throws Exception {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig(20, 5, 5, null, null, null,
                null));
        List<Task> tasks = environment.tasks(Split.TRAIN).subList(3, 15);
        TabularPolicy trained = new TabularPolicy(0.0);
        for (Task task : tasks) {
            try (var episode = environment.reset(task, 0)) {
                AgentContext context = AgentContext.start(task, episode.observation());
                trained.adjust(context, episode.observation().actions().get(1), 2.0);
            }
        }
        Path saved = Files.createDirectories(dir.resolve("state"));
        trained.save(saved);
        Payload state = new Payload("policy-test", DirectoryArchive.pack(saved));
        Sampling sampling = new Sampling(1, 1.0, 99L);
        List<Trajectory> expected;
        try (RolloutEngine engine = new RolloutEngine(new RolloutSettings(4, 2, null), ProgressDisplay.none(),
                MetricsSink.DISCARD)) {
            expected = engine.run(new RolloutRequest(environment, tasks, trained, sampling, "local"));
        }

        Map<String, Integer> reads = new HashMap<>();
        WorkPiece piece = piece(tasks, "{\"type\": \"tabular\"}", state.id(), sampling);
        for (int attempt = 0; attempt < 2; attempt++) {
            WorkOutcome outcome = WorkOutcome.decode(RemoteWorker.run(piece.encode(), id -> {
                reads.merge(id, 1, Integer::sum);
                return state.bytes();
            }));
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.trajectories()).isEqualTo(expected);
            assertThat(outcome.totals().episodes()).isEqualTo(tasks.size());
        }
        assertThat(reads).as("the second piece reuses the policy rebuilt for the first").isEqualTo(Map.of(
                "policy-test", 1));
    }

    @Test
    void aConfigTheExecutorCannotBindIsAFailedOutcomeNamingTheExecutor() {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
        WorkPiece piece = piece(environment.tasks(Split.TRAIN).subList(0, 2), "{\"type\": \"tabular-nope\"}", null,
                Sampling.greedy());

        WorkOutcome outcome = WorkOutcome.decode(RemoteWorker.run(piece.encode(), id -> {
            throw new AssertionError("no payload is read");
        }));

        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.failure().type()).isEqualTo("bad-input");
        assertThat(outcome.failure().message()).startsWith("executor ").contains("unknown policy 'tabular-nope'");
        assertThat(outcome.failure().exception()).isInstanceOf(dev.kaizen.core.BadInputException.class)
                .hasMessage(outcome.failure().message());
    }

    @Test
    void anOutcomeHandedOverIsTakenOnceAndAMissingOneIsNamed() {
        WorkOutcome outcome = WorkOutcome.failed(new WorkOutcome.Failure("state", "boom"));
        byte[] handle = outcome.handOver(key + "/1/0");

        assertThat(WorkOutcome.decode(handle)).isSameAs(outcome);
        assertThatThrownBy(() -> WorkOutcome.decode(handle)).isInstanceOf(IllegalStateException.class)
                .hasMessage("no outcome was left in this JVM under " + key + "/1/0: the backend ran the piece in"
                        + " another JVM although it said its executors run in the driver's");
    }

    private WorkPiece piece(List<Task> tasks, String policy, String state, Sampling sampling) {
        HostSpec host = new HostSpec(key, List.of(), 7L, SETTINGS);
        return new WorkPiece(host, "remote", 0, 1,
                new PartSpec(ComponentKind.ENVIRONMENT, "{\"type\": \"test\", \"train\": 20, \"seen\": 5, \"unseen\": 5}",
                        null),
                new PartSpec(ComponentKind.POLICY, policy, state), tasks, sampling, TrajectorySource.AGENT, null, null,
                0L, null);
    }
}
