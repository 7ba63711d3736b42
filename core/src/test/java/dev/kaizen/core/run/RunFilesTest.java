package dev.kaizen.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void trajectoriesAndPairsReadBackIntoTheSameRecords() throws Exception {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
        Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(2)).orElseThrow();
        Task task = new Task("t-1", Split.UNSEEN, "buy \"red\" shoes\nnow", Map.of("category", "shoes"));
        Observation observation = new Observation("page\twith tabs", List.of(Action.of("click[B07 ü]")),
                List.of("search[{}]"), false, 0.25, Map.of("page", "item"), Map.of("click[B07 ü]", "Red shoes, $12"));
        Trajectory failed = Trajectory.failed(task, List.of(new Step(observation, Action.of("search[red]"), 0.0)),
                TrajectorySource.SEARCH, "step failed: boom");
        AgentContext context = new AgentContext(task, List.of(), observation,
                List.of(new Advice("buy shoes", "page", List.of(new ActionValue(Action.of("click[x]"), -0.5, 2)), 0.75)));
        PreferencePair step = PreferencePair.ofSteps(context, new Step(observation, Action.of("click[B07 ü]"), 1.0),
                new Step(observation, Action.of("search[red]"), 0.0), 1.0);
        PreferencePair whole = PreferencePair.ofTrajectories(expert, expert.truncate(1), 0.5);

        RunDirectory run = RunDirectory.createNew(dir.resolve("run"));
        try (RunFiles files = new RunFiles(run, json)) {
            files.appendTrajectories("mixed", List.of(expert, failed));
            files.appendPairs("pairs", List.of(step, whole));
        }
        List<String> lines = Files.readAllLines(run.trajectories().resolve("mixed.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(json.readValue(lines.get(0), Trajectory.class)).isEqualTo(expert);
        assertThat(json.readValue(lines.get(1), Trajectory.class)).isEqualTo(failed);
        List<String> pairs = Files.readAllLines(run.pairs().resolve("pairs.jsonl"));
        assertThat(json.readValue(pairs.get(0), PreferencePair.class)).isEqualTo(step);
        assertThat(json.readValue(pairs.get(1), PreferencePair.class)).isEqualTo(whole);
    }

    @Test
    void filesAreCutBackToTheSizesOfAStage() throws Exception {
        RunDirectory run = RunDirectory.createNew(dir.resolve("run"));
        RunFiles files = new RunFiles(run, json);
        files.appendMetric("{\"event\":\"a\"}");
        files.appendTrajectories("kept", List.of(Map.of("n", 1)));
        Map<String, Long> sizes = files.sizes();
        assertThat(sizes).containsOnlyKeys("metrics.jsonl", "trajectories/kept.jsonl");
        files.appendMetric("{\"event\":\"b\"}");
        files.appendTrajectories("kept", List.of(Map.of("n", 2)));
        files.appendTrajectories("later", List.of(Map.of("n", 3)));
        files.appendPairs("later", List.of(Map.of("n", 4)));
        files.truncate(sizes);
        assertThat(Files.readAllLines(run.metrics())).containsExactly("{\"event\":\"a\"}");
        assertThat(Files.readAllLines(run.trajectories().resolve("kept.jsonl"))).containsExactly("{\"n\":1}");
        assertThat(run.trajectories().resolve("later.jsonl")).doesNotExist();
        assertThat(run.pairs().resolve("later.jsonl")).doesNotExist();
        files.appendTrajectories("kept", List.of(Map.of("n", 5)));
        files.close();
        assertThat(Files.readAllLines(run.trajectories().resolve("kept.jsonl"))).containsExactly("{\"n\":1}", "{\"n\":5}");
    }

    @Test
    void fileNamesMustBePlainNames() {
        RunFiles files = new RunFiles(RunDirectory.createNew(dir.resolve("run")), json);
        assertThatThrownBy(() -> files.appendTrajectories("../escape", List.of(1)))
                .hasMessageContaining("file name must be letters, digits");
        assertThatThrownBy(() -> files.appendPairs("iter-1/x", List.of(1))).hasMessageContaining("'iter-1/x'");
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws Exception {
        Path target = dir.resolve("summary.json");
        RunDirectory.writeAtomically(target, "one");
        RunDirectory.writeAtomically(target, "two");
        assertThat(target).hasContent("two");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("summary.json");
        }
    }
}
