package dev.kaizen.agentq.mcts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.agentq.testing.OrderCritic;
import dev.kaizen.agentq.testing.ScriptedPolicy;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.search.ActionStatistics;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MctsSearchTest {

    private static final Action PLUS = Action.of("click[+1]");
    private static final Action MINUS = Action.of("click[-1]");
    private static final Action SUBMIT = Action.of("click[submit]");

    @TempDir
    Path dir;

    /** K = 3, four simulations per step, greedy proposals and rollouts, c_exp = 1. */
    private static MctsConfig handConfig() {
        return new MctsConfig(4, 3, 1.0, 0.0, 0.0, null, null, null, MctsConfig.COMMIT_VISITS, null);
    }

    private static CounterEnvironment counter(boolean snapshots) {
        return new CounterEnvironment(new CounterEnvironmentConfig(null, null, null, null, snapshots, null, null));
    }

    private static Task targetOne(Environment environment) {
        Task task = environment.tasks(Split.TRAIN).get(0);
        assertThat(CounterEnvironment.target(task)).isEqualTo(1);
        return task;
    }

    private MctsSearch search(MctsConfig config) {
        return new MctsSearch(config, new FakeComponentContext(7, dir));
    }

    private static List<Action> actions(Trajectory trajectory) {
        return trajectory.steps().stream().map(Step::action).toList();
    }

    /*
     * The scenario, computed by hand. Task: set the counter to 1. Proposals at every node are
     * [+1, -1, submit] with critic scores [1, 0.5, 0]; rollouts always submit.
     *
     * Step 0, root (N = 0):
     *  sim 1: fresh root, all UCB 0 -> critic picks +1; rollout submits at 1 -> R = 1. root.+1: N 1, Q 1
     *  sim 2: N(root) = 1, ln 1 = 0 -> +1 (Q 1); expand node "1", critic picks +1; rollout submits at 2 -> R = 0.
     *         root.+1: N 2, Q 0.5
     *  sim 3: root: +1 0.5 + sqrt(ln2/3) = 0.981, -1 and submit sqrt(ln2) = 0.833 -> +1;
     *         node "1" (N 2): +1 0 + sqrt(ln2/2) = 0.589, -1 = submit = 0.833, critic -> -1; R = 0.
     *         root.+1: N 3, Q 1/3
     *  sim 4: root (N 3): +1 1/3 + sqrt(ln3/4) = 0.857, -1 = submit = sqrt(ln3) = 1.048, critic -> -1;
     *         rollout submits at -1 -> R = 0. root.-1: N 1, Q 0
     *  commit by visits: +1 (3 visits).
     * Step 1, node "1" (N 3; +1 and -1 visited once with Q 0):
     *  sim 5: submit sqrt(ln3) = 1.048 beats 0.741 -> the episode ends with reward 1 -> R = 1
     *  sims 6-8: submit (Q 1) stays ahead -> submit N 4, Q 1
     *  commit submit: done, reward 1.
     */
    @Test
    void followsTheHandComputedSearch() {
        CounterEnvironment environment = counter(true);
        ScriptedPolicy policy = new ScriptedPolicy(SUBMIT);
        OrderCritic critic = new OrderCritic();
        MctsSearch mcts = search(handConfig());
        List<SearchResult> results = mcts.search(new SearchProblem(environment, List.of(targetOne(environment)),
                policy, critic, 11, "test"));

        SearchResult result = results.get(0);
        assertThat(actions(result.trajectory())).containsExactly(PLUS, SUBMIT);
        assertThat(result.trajectory().success()).isTrue();
        assertThat(result.trajectory().error()).isNull();

        assertThat(result.nodes()).hasSize(2);
        NodeStatistics root = result.nodes().get(0);
        assertThat(root.context().step()).isZero();
        assertThat(root.visits()).isEqualTo(4);
        assertStatistics(root.actions().get(0), PLUS, 3, 1.0 / 3, 1.0);
        assertStatistics(root.actions().get(1), MINUS, 1, 0.0, 0.5);
        assertStatistics(root.actions().get(2), SUBMIT, 0, 0.0, 0.0);

        NodeStatistics one = result.nodes().get(1);
        assertThat(one.context().history()).extracting(Step::action).containsExactly(PLUS);
        assertThat(one.visits()).isEqualTo(7);
        assertStatistics(one.actions().get(0), PLUS, 1, 0.0, 1.0);
        assertStatistics(one.actions().get(1), MINUS, 1, 0.0, 0.5);
        assertStatistics(one.actions().get(2), SUBMIT, 4, 1.0, 0.0);
        assertThat(one.actions().get(2).step().reward()).isEqualTo(1.0);

        // the rollouts of sims 1-4 and the new terminal of sim 5
        assertThat(result.explored()).extracting(MctsSearchTest::actions).containsExactly(
                List.of(PLUS, SUBMIT), List.of(PLUS, PLUS, SUBMIT), List.of(PLUS, MINUS, SUBMIT),
                List.of(MINUS, SUBMIT), List.of(PLUS, SUBMIT));
        assertThat(result.explored()).contains(result.trajectory());

        // two expansions and four one-step rollouts; nothing needed in step 1
        assertThat(policy.calls()).isEqualTo(6);
        assertThat(critic.contexts()).isEqualTo(2);
        MctsStatistics statistics = mcts.lastStatistics();
        assertThat(statistics.simulations()).isEqualTo(8);
        assertThat(statistics.nodes()).isEqualTo(6);
        assertThat(statistics.replays()).isZero();
    }

    private static void assertStatistics(ActionStatistics statistics, Action action, int visits, double value,
                                         double critic) {
        assertThat(statistics.step().action()).isEqualTo(action);
        assertThat(statistics.visits()).isEqualTo(visits);
        assertThat(statistics.value()).isCloseTo(value, within(1e-12));
        assertThat(statistics.criticScore()).isEqualTo(critic);
    }

    @Test
    void replaysTheActionPrefixWhereEpisodesHaveNoSnapshots() {
        CounterEnvironment withSnapshots = counter(true);
        CounterEnvironment withoutSnapshots = counter(false);
        List<SearchResult> expected = search(handConfig()).search(new SearchProblem(withSnapshots,
                List.of(targetOne(withSnapshots)), new ScriptedPolicy(SUBMIT), new OrderCritic(), 11, "test"));
        MctsSearch replaying = search(handConfig());
        List<SearchResult> replayed = replaying.search(new SearchProblem(withoutSnapshots,
                List.of(targetOne(withoutSnapshots)), new ScriptedPolicy(SUBMIT), new OrderCritic(), 11, "test"));

        assertThat(replayed).isEqualTo(expected);
        assertThat(replaying.lastStatistics().replays()).isPositive();
    }

    @Test
    void sampledSearchIsTheSameWithAndWithoutSnapshots() {
        MctsConfig sampled = new MctsConfig(6, 3, 1.0, 1.0, 0.5, 4, 8, null, null, null);
        CounterEnvironment a = counter(true);
        CounterEnvironment b = counter(false);
        List<SearchResult> expected = search(sampled).search(new SearchProblem(a, a.tasks(Split.TRAIN).subList(0, 6),
                new TabularPolicy(0.0), new OrderCritic(), 5, "test"));
        List<SearchResult> replayed = search(sampled).search(new SearchProblem(b, b.tasks(Split.TRAIN).subList(0, 6),
                new TabularPolicy(0.0), new OrderCritic(), 5, "test"));
        assertThat(replayed).isEqualTo(expected);
    }

    @Test
    void aReplayThatDivergesFailsOnlyThatTaskWithAClearError() {
        CounterEnvironment counter = counter(false);
        Task task = targetOne(counter);
        Environment drifting = new DriftingEnvironment(counter, task.id());
        List<Task> tasks = List.of(task, counter.tasks(Split.TRAIN).get(5));
        List<SearchResult> results = search(handConfig()).search(new SearchProblem(drifting, tasks,
                new ScriptedPolicy(SUBMIT), new OrderCritic(), 11, "test"));

        assertThat(results.get(0).trajectory().error()).contains("not deterministic").contains(task.id())
                .contains("snapshot");
        assertThat(results.get(0).trajectory().success()).isFalse();
        assertThat(results.get(1).trajectory().success()).isTrue();
    }

    @Test
    void treesOfManyTasksShareEveryPolicyCall() {
        CounterEnvironment environment = counter(true);
        List<Task> sameTarget = List.of(0, 5, 10, 15).stream().map(i -> environment.tasks(Split.TRAIN).get(i)).toList();
        assertThat(sameTarget).allMatch(t -> CounterEnvironment.target(t) == 1);
        ScriptedPolicy one = new ScriptedPolicy(SUBMIT);
        ScriptedPolicy four = new ScriptedPolicy(SUBMIT);
        List<SearchResult> alone = search(handConfig()).search(new SearchProblem(environment, sameTarget.subList(0, 1),
                one, new OrderCritic(), 11, "test"));
        List<SearchResult> together = search(handConfig()).search(new SearchProblem(environment, sameTarget,
                four, new OrderCritic(), 11, "test"));

        assertThat(four.calls()).isEqualTo(one.calls());
        assertThat(four.batchSizes()).allMatch(size -> size == 4);
        assertThat(together).extracting(SearchResult::nodes).allSatisfy(nodes ->
                assertThat(nodes).extracting(NodeStatistics::visits).isEqualTo(
                        alone.get(0).nodes().stream().map(NodeStatistics::visits).toList()));
    }

    @Test
    void sameSeedSameResultsWhateverTheBatch() {
        MctsConfig sampled = new MctsConfig(5, 3, 1.0, 1.0, 1.0, null, 10, null, null, null);
        CounterEnvironment environment = counter(true);
        List<Task> tasks = environment.tasks(Split.TRAIN).subList(0, 8);
        List<SearchResult> first = search(sampled).search(new SearchProblem(environment, tasks, new TabularPolicy(0.0),
                new OrderCritic(), 3, "test"));
        List<SearchResult> again = search(sampled).search(new SearchProblem(environment, tasks, new TabularPolicy(0.0),
                new OrderCritic(), 3, "test"));
        List<SearchResult> fewer = search(sampled).search(new SearchProblem(environment, tasks.subList(0, 1),
                new TabularPolicy(0.0), new OrderCritic(), 3, "test"));
        assertThat(again).isEqualTo(first);
        assertThat(fewer.get(0)).isEqualTo(first.get(0));
    }

    @Test
    void searchAtInferenceSolvesTasksTheGreedyPolicyFails() {
        // the policy alone submits at once: it never reaches a target (1..5)
        CounterEnvironment environment = counter(true);
        List<Task> tasks = environment.tasks(Split.SEEN);
        List<Trajectory> alone = new SimpleRollouts().run(new RolloutRequest(environment, tasks,
                new ScriptedPolicy(SUBMIT), Sampling.greedy(), "greedy"));
        assertThat(alone).noneMatch(Trajectory::success);

        MctsConfig config = new MctsConfig(8, 3, 1.0, 0.0, 0.0, null, null, null, null, null);
        List<SearchResult> results = search(config).search(new SearchProblem(environment, tasks,
                new ScriptedPolicy(SUBMIT), new OrderCritic(), 1, "test"));
        assertThat(results).allMatch(r -> r.trajectory().success());
        assertThat(results).allMatch(r -> r.explored().contains(r.trajectory()));
    }

    @Test
    void environmentFailuresAreRecordedPerTask() {
        CounterEnvironment healthy = counter(true);
        Task broken = healthy.tasks(Split.TRAIN).get(1);
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig(null, null, null, null,
                true, List.of(broken.id()), null));
        List<SearchResult> results = search(handConfig()).search(new SearchProblem(environment,
                List.of(targetOne(environment), broken), new ScriptedPolicy(SUBMIT), new OrderCritic(), 1, "test"));
        assertThat(results.get(0).trajectory().success()).isTrue();
        assertThat(results.get(1).trajectory().error()).contains("configured to fail");
    }

    @Test
    void aWallTimeCapHandsTheRestToThePolicy() {
        MctsConfig capped = new MctsConfig(4, 3, 1.0, 0.0, 0.0, null, null, null, null, 1e-9);
        CounterEnvironment environment = counter(true);
        ScriptedPolicy policy = new ScriptedPolicy(SUBMIT);
        List<SearchResult> results = search(capped).search(new SearchProblem(environment,
                List.of(targetOne(environment)), policy, new OrderCritic(), 1, "test"));
        // no simulations: the policy's own choice (submit at 0) is committed
        assertThat(actions(results.get(0).trajectory())).containsExactly(SUBMIT);
        assertThat(results.get(0).trajectory().success()).isFalse();
    }

    @Test
    void givesUpAfterMaxSteps() {
        MctsConfig short_ = new MctsConfig(2, 2, 1.0, 0.0, 0.0, null, null, 1, null, null);
        CounterEnvironment environment = counter(true);
        Task five = environment.tasks(Split.TRAIN).get(1);
        List<SearchResult> results = search(short_).search(new SearchProblem(environment, List.of(five),
                new ScriptedPolicy(PLUS), new OrderCritic(), 1, "test"));
        assertThat(results.get(0).trajectory().error()).contains("maxSteps");
        assertThat(results.get(0).trajectory().length()).isEqualTo(1);
    }

    @Test
    void reportsMetrics() {
        FakeComponentContext context = new FakeComponentContext(7, dir);
        CounterEnvironment environment = counter(true);
        new MctsSearch(handConfig(), context).search(new SearchProblem(environment, List.of(targetOne(environment)),
                new ScriptedPolicy(SUBMIT), new OrderCritic(), 1, "iter-1/search"));
        assertThat(context.recordedMetrics()).anySatisfy(m -> {
            assertThat(m.event()).isEqualTo("mcts-search");
            assertThat(new java.util.HashMap<String, Object>(m.fields())).containsEntry("label", "iter-1/search").containsEntry("simulations", 8L)
                    .containsEntry("successRate", 1.0);
        });
    }

    /** Wraps an environment so that one task's episodes show a different first page every reset. */
    private static final class DriftingEnvironment implements Environment {
        private final Environment inner;
        private final String taskId;
        private int resets;

        DriftingEnvironment(Environment inner, String taskId) {
            this.inner = inner;
            this.taskId = taskId;
        }

        @Override
        public List<Task> tasks(Split split) {
            return inner.tasks(split);
        }

        @Override
        public Episode reset(Task task, long seed) {
            Episode episode = inner.reset(task, seed);
            if (!task.id().equals(taskId)) {
                return episode;
            }
            int session = ++resets;
            return new Episode() {
                private boolean stepped;

                @Override
                public Task task() {
                    return task;
                }

                @Override
                public Observation observation() {
                    Observation o = episode.observation();
                    return stepped ? o : new Observation(o.text() + " session " + session, o.actions(), o.templates(),
                            o.done(), o.reward(), Map.of());
                }

                @Override
                public Observation step(Action action) {
                    stepped = true;
                    return episode.step(action);
                }
            };
        }
    }
}
