package dev.kaizen.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterEnvironmentTest {

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());

    @Test
    void badActionsGiveFeedbackAndNeverThrow() {
        Task task = environment.tasks(Split.SEEN).get(0);
        try (Episode episode = environment.reset(task, 1)) {
            Observation o = episode.step(Action.of("jump"));
            assertThat(o.feedback()).contains("invalid action 'jump'");
            assertThat(episode.step(Action.of("enter[abc]")).feedback()).contains("whole number");
            episode.step(Action.of("click[submit]"));
            assertThat(episode.step(Action.of("click[+1]")).feedback()).contains("ended");
        }
    }

    @Test
    void snapshotsRestoreExactly() {
        Task task = environment.tasks(Split.UNSEEN).get(0);
        try (Episode episode = environment.reset(task, 1)) {
            episode.step(Action.of("click[+1]"));
            EpisodeSnapshot snapshot = episode.snapshot();
            Observation a = episode.step(Action.of("click[+1]"));
            episode.step(Action.of("click[submit]"));
            episode.restore(snapshot);
            assertThat(episode.step(Action.of("click[+1]"))).isEqualTo(a);
        }
    }

    @Test
    void bcOnDemonstrationsSolvesTrainingTasks(@TempDir Path dir) throws Exception {
        TabularPolicy policy = new TabularPolicy(0.0);
        List<Task> tasks = environment.tasks(Split.TRAIN);
        List<Trajectory> demos = tasks.stream().map(t -> environment.demonstration(t).orElseThrow()).toList();
        new TabularBcOptimizer(new TabularBcConfig()).train(policy,
                dev.kaizen.api.optimizer.TrainingBatch.ofTrajectories(demos, 1, "bc"));
        List<Trajectory> runs = new SimpleRollouts().run(
                new RolloutRequest(environment, tasks, policy, Sampling.greedy(), "test"));
        assertThat(runs).allMatch(Trajectory::success);
        assertThat(policy.decideCalls()).isLessThanOrEqualTo(7); // lockstep: one call per step, not per episode

        TabularPolicy loaded = new TabularPolicy(0.0);
        policy.save(dir);
        loaded.load(dir);
        var contexts = demos.stream().map(d -> d.contextAt(0)).toList();
        var actions = demos.stream().map(d -> d.steps().get(0).action()).toList();
        assertThat(loaded.logProbabilities(contexts, actions)).containsExactly(policy.logProbabilities(contexts, actions));
    }
}
