package dev.kaizen.agentq.mcts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.agentq.testing.UniformCritic;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's tree depends on the task and the problem's seed only, never on the other tasks of the
 * problem: a problem cut into pieces (as a rollout backend cuts it) gives the results of the whole.
 */
class MctsPiecesTest {

    @TempDir
    Path dir;

    @Test
    void aProblemCutIntoPiecesGivesTheResultsOfTheWhole() {
        Environment environment = new SeededRewards(new CounterEnvironment(new CounterEnvironmentConfig()));
        List<Task> tasks = environment.tasks(Split.TRAIN).subList(0, 9);
        MctsConfig config = new MctsConfig(4, 3, 1.0, 1.0, 0.5, null, null, 12, null, null);
        TabularPolicy policy = new TabularPolicy(0.0);

        List<SearchResult> whole = search(config, environment, tasks, policy);
        List<SearchResult> pieces = new ArrayList<>(search(config, environment, tasks.subList(0, 4), policy));
        pieces.addAll(search(config, environment, tasks.subList(4, 9), policy));

        assertThat(pieces).isEqualTo(whole);
        assertThat(whole.stream().filter(r -> r.trajectory().success()).count())
                .as("the episode seeds matter: some tasks are solved, some cannot be").isBetween(1L, 8L);
    }

    private List<SearchResult> search(MctsConfig config, Environment environment, List<Task> tasks,
                                      TabularPolicy policy) {
        return new MctsSearch(config, new FakeComponentContext(7, dir)).search(new SearchProblem(environment, tasks,
                policy, new UniformCritic(), 11, "pieces"));
    }

    /** The counter whose rewards an episode's seed halves for odd seeds: the seed decides success. */
    private record SeededRewards(CounterEnvironment counter) implements Environment {

        @Override
        public List<Task> tasks(Split split) {
            return counter.tasks(split);
        }

        @Override
        public Episode reset(Task task, long seed) {
            Episode episode = counter.reset(task, seed);
            double factor = (seed & 1) == 0 ? 1.0 : 0.5;
            return new Episode() {
                @Override
                public Task task() {
                    return episode.task();
                }

                @Override
                public Observation observation() {
                    return scaled(episode.observation(), factor);
                }

                @Override
                public Observation step(Action action) {
                    return scaled(episode.step(action), factor);
                }

                @Override
                public boolean supportsSnapshot() {
                    return episode.supportsSnapshot();
                }

                @Override
                public EpisodeSnapshot snapshot() {
                    return episode.snapshot();
                }

                @Override
                public void restore(EpisodeSnapshot snapshot) {
                    episode.restore(snapshot);
                }
            };
        }

        private static Observation scaled(Observation observation, double factor) {
            return new Observation(observation.text(), observation.actions(), observation.templates(),
                    observation.done(), observation.reward() * factor, observation.info(), observation.descriptions());
        }
    }
}
