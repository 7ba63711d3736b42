package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeMethodContext;
import dev.kaizen.api.testing.TabularBcConfig;
import dev.kaizen.api.testing.TabularBcOptimizer;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.eto.testing.TabularDpoOptimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtoMethodTest {

    @TempDir
    Path directory;

    /** ETO on the counter environment: 6 demonstrated tasks, 2 sampled explorations per task. */
    private static Map<String, Object> recipe(int iterations) {
        Map<String, Object> method = new HashMap<>();
        method.put("type", "eto");
        method.put("demonstrations", 6);
        method.put("iterations", iterations);
        method.put("optimizer", Map.of("type", "bc", "step", 1.0));
        method.put("explorer", Map.of("type", "sample", "samples", 2, "temperature", 1.0));
        method.put("dpo", Map.of("type", "tabular-dpo", "learningRate", 2.0));
        return method;
    }

    private static Map<String, Object> with(Map<String, Object> recipe, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(recipe);
        copy.put(key, value);
        return copy;
    }

    @Test
    void theDefaultBetaScheduleIsLeftOutWithANoticeForAnOptimiserWithoutBeta() throws Exception {
        // e.g. the trl optimiser, whose external trainer sets its own beta
        Fixture fixture = new Fixture(7, directory);
        fixture.run(with(recipe(2), "dpo", Map.of("type", "bc", "step", 1.0)));

        assertThat(fixture.context.notices()).singleElement().asString()
                .startsWith("method.schedule is ETO's default {beta=[0.1, 0.5]}, which method.dpo")
                .endsWith("training without a schedule (set method.schedule: {} to say so)");
        assertThat(fixture.bc.calls).as("warm-up and one DPO round per iteration").hasSize(3);
    }

    @Test
    void aScheduleTheRecipeGivesMustFitItsOptimiser() {
        Fixture fixture = new Fixture(7, directory);
        assertThatThrownBy(() -> fixture.run(with(with(recipe(2), "dpo", Map.of("type", "bc", "step", 1.0)),
                "schedule", Map.of("beta", List.of(0.2)))))
                .hasMessageContaining("beta");
    }

    @Test
    void runsBaselineThenIterationsEndingInFinalAndWritesExploredTrajectoriesAndPairs() throws Exception {
        Fixture fixture = new Fixture(7, directory);

        fixture.run(recipe(2));

        FakeMethodContext context = fixture.context;
        assertThat(context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(context.evaluations()).extracting(EvaluationResult::stage)
                .containsExactly("baseline", "baseline", "iter-1", "iter-1", "final", "final");
        assertThat(context.trajectories()).containsOnlyKeys("demonstrations", "iter-1-explore", "iter-2-explore");
        assertThat(context.trajectories().get("demonstrations")).hasSize(6);
        assertThat(context.trajectories().get("iter-1-explore")).hasSize(12);
        assertThat(context.pairs()).containsOnlyKeys("iter-1", "iter-2");
        assertThat(fixture.bc.calls).hasSize(1);
        assertThat(fixture.none.created).isEqualTo(1);
        assertThat(fixture.none.closed).isEqualTo(1);

        Map<String, Trajectory> experts = new HashMap<>();
        context.trajectories().get("demonstrations").forEach(t -> experts.put(t.task().id(), t));
        for (int iteration = 1; iteration <= 2; iteration++) {
            List<PreferencePair> pairs = context.pairs().get("iter-" + iteration);
            List<Trajectory> explored = context.trajectories().get("iter-" + iteration + "-explore");
            Map<String, ?> counts = fixture.metrics("eto-pairs").get(iteration - 1);
            assertThat(counts.get("pairs")).isEqualTo(pairs.size());
            assertThat((int) counts.get("expertChosen") + (int) counts.get("agentChosen") + (int) counts.get("ties")
                    + (int) counts.get("duplicates") + (int) counts.get("unusable")).isEqualTo(explored.size());
            // The counter expert always earns 1, so every pair prefers it over a worse exploration.
            assertThat(counts.get("agentChosen")).isEqualTo(0);
            assertThat(counts.get("ties")).isEqualTo((int) explored.stream().filter(Trajectory::success).count());
            for (PreferencePair pair : pairs) {
                Trajectory expert = experts.get(pair.context().task().id());
                assertThat(pair.chosen()).isEqualTo(expert.steps());
                assertThat(pair.rejected().size()).isLessThanOrEqualTo(expert.length() + 5);
                Trajectory source = explored.stream()
                        .filter(t -> t.task().id().equals(expert.task().id()))
                        .filter(t -> t.length() >= pair.rejected().size())
                        .filter(t -> t.steps().subList(0, pair.rejected().size()).equals(pair.rejected()))
                        .findFirst().orElseThrow();
                assertThat(pair.margin()).isEqualTo(1.0 - source.reward());
            }
            assertThat(fixture.dpo.calls.get(iteration - 1).pairs()).isEqualTo(pairs);
            assertThat(fixture.dpo.calls.get(iteration - 1).label()).isEqualTo("iter-" + iteration + "/dpo");
            assertThat(fixture.dpo.calls.get(iteration - 1).seed()).isEqualTo(context.seed("iter-" + iteration + "/dpo"));
        }
        assertThat(fixture.metrics("eto-explore")).hasSize(2);
        assertThat(fixture.metrics("eto-dpo")).hasSize(2);
    }

    @Test
    void dpoReferenceIsThePolicyAsItWasWhenTheIterationStarted() throws Exception {
        Fixture fixture = new Fixture(11, directory);
        List<TrainablePolicy> atIterationStart = new ArrayList<>();
        // The explorer is the first thing an iteration runs: snapshot the policy it is handed.
        fixture.sample.onSearch = problem -> atIterationStart.add(((TrainablePolicy) problem.policy()).frozenCopy());

        fixture.run(recipe(3));

        List<TabularDpoOptimizer.Call> calls = fixture.dpo.calls;
        assertThat(calls).hasSize(3);
        assertThat(atIterationStart).hasSize(3);
        List<AgentContext> probeContexts = new ArrayList<>();
        List<Action> probeActions = new ArrayList<>();
        for (TabularDpoOptimizer.Call call : calls) {
            for (PreferencePair pair : call.pairs()) {
                for (List<Step> continuation : List.of(pair.chosen(), pair.rejected())) {
                    for (int j = 0; j < continuation.size(); j++) {
                        probeContexts.add(PreferencePair.contextFor(pair.context(), continuation, j));
                        probeActions.add(continuation.get(j).action());
                    }
                }
            }
        }
        double[][] reference = new double[3][];
        for (int i = 0; i < 3; i++) {
            reference[i] = calls.get(i).reference().logProbabilities(probeContexts, probeActions);
            assertThat(reference[i]).as("reference of iteration %d", i + 1)
                    .containsExactly(atIterationStart.get(i).logProbabilities(probeContexts, probeActions));
        }
        // A new reference every iteration: the previous iteration's training moved the policy.
        assertThat(reference[1]).isNotEqualTo(reference[0]);
        assertThat(reference[2]).isNotEqualTo(reference[1]);
        assertThat(fixture.policy.logProbabilities(probeContexts, probeActions)).isNotEqualTo(reference[2]);
    }

    @Test
    void betaFollowsThePaperScheduleByDefaultAndAnyDpoFieldCanBeScheduled() throws Exception {
        Fixture paper = new Fixture(3, directory);
        paper.run(recipe(3));
        assertThat(paper.dpo.calls).extracting(c -> c.config().beta()).containsExactly(0.1, 0.5, 0.5);
        assertThat(paper.metrics("eto-dpo").stream().map(m -> (Object) m.get("beta")).toList()).containsExactly(0.1, 0.5, 0.5);

        Fixture custom = new Fixture(3, directory);
        custom.run(with(recipe(3), "schedule", Map.of("beta", List.of(0.2), "learningRate", List.of(1.0, 0.5, 0.25))));
        assertThat(custom.dpo.calls).extracting(c -> c.config().beta()).containsExactly(0.2, 0.2, 0.2);
        assertThat(custom.dpo.calls).extracting(c -> c.config().learningRate()).containsExactly(1.0, 0.5, 0.25);
    }

    @Test
    void explorerIsSwappedByConfig() throws Exception {
        Fixture sampled = new Fixture(5, directory);
        sampled.run(recipe(2));
        assertThat(sampled.sample.problems).hasSize(2);
        assertThat(sampled.greedy.problems).isEmpty();
        SearchProblem first = sampled.sample.problems.get(0);
        assertThat(first.seed()).isEqualTo(sampled.context.seed("iter-1/explore"));
        assertThat(first.label()).isEqualTo("iter-1/explore");
        assertThat(first.tasks()).isEqualTo(sampled.environment.tasks(Split.TRAIN));

        // As `--set method.explorer.type=greedy` does: the same recipe with the explorer replaced.
        Fixture greedy = new Fixture(5, directory);
        TrainingMethodConfig swapped = greedy.context.override(greedy.config(recipe(2)),
                Map.of("explorer", Map.of("type", "greedy")));
        greedy.run(swapped);
        assertThat(greedy.greedy.problems).hasSize(2);
        assertThat(greedy.sample.problems).isEmpty();
        // One greedy rollout per task; after BC it solves every training task, so every exploration
        // ties with the expert and there is nothing to train on.
        assertThat(greedy.context.trajectories().get("iter-1-explore")).hasSize(6).allMatch(Trajectory::success);
        assertThat(greedy.context.pairs().get("iter-1")).isEmpty();
        assertThat(greedy.dpo.calls).isEmpty();
        assertThat(greedy.metrics("eto-dpo")).allSatisfy(m -> assertThat(m.get("examples")).isEqualTo(0));
        assertThat(greedy.context.stages()).containsExactly("baseline", "iter-1", "final");
    }

    @Test
    void explorationTasksAreASeededSubsetPerIteration() throws Exception {
        Fixture fixture = new Fixture(9, directory);
        fixture.run(with(recipe(3), "explorationTasks", 3));

        List<Task> demonstrated = fixture.environment.tasks(Split.TRAIN);
        List<List<Task>> explored = fixture.sample.problems.stream().map(SearchProblem::tasks).toList();
        assertThat(explored).hasSize(3).allSatisfy(tasks -> {
            assertThat(tasks).hasSize(3);
            assertThat(demonstrated).containsAll(tasks);
            assertThat(tasks).isSortedAccordingTo((a, b) -> demonstrated.indexOf(a) - demonstrated.indexOf(b));
        });
        assertThat(explored.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedExploresDifferently() throws Exception {
        Fixture a = new Fixture(21, directory);
        Fixture b = new Fixture(21, directory);
        Fixture c = new Fixture(22, directory);
        a.run(recipe(2));
        b.run(recipe(2));
        c.run(recipe(2));

        assertThat(b.context.pairs()).isEqualTo(a.context.pairs());
        assertThat(b.context.trajectories()).isEqualTo(a.context.trajectories());
        assertThat(b.context.evaluations()).isEqualTo(a.context.evaluations());
        assertThat(c.context.trajectories().get("iter-1-explore"))
                .isNotEqualTo(a.context.trajectories().get("iter-1-explore"));
    }

    @Test
    void referenceDriftIsMeasuredOnThePairs() throws Exception {
        Fixture fixture = new Fixture(13, directory);
        fixture.run(recipe(2));

        List<Map<String, ?>> drift = fixture.metrics("eto-reference-drift");
        assertThat(drift).hasSize(2).allSatisfy(m -> {
            // DPO raised every chosen continuation relative to its rejected one.
            assertThat((double) m.get("pairAccuracy")).isEqualTo(1.0);
            assertThat((double) m.get("logRatioMargin")).isPositive();
            assertThat((double) m.get("chosenLogProbAfter")).isGreaterThan((double) m.get("chosenLogProbBefore"));
            assertThat((double) m.get("rejectedLogProbAfter")).isLessThan((double) m.get("rejectedLogProbBefore"));
        });

        Fixture quiet = new Fixture(13, directory);
        quiet.run(with(recipe(2), "diagnostics", false));
        assertThat(quiet.metrics("eto-reference-drift")).isEmpty();
        assertThat(quiet.context.pairs()).isEqualTo(fixture.context.pairs());
    }

    @Test
    void startsFromACheckpointInsteadOfBehaviourCloning() throws Exception {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig(6, 4, 4, 12, null, null, null));
        TabularPolicy trained = new TabularPolicy(0.0);
        List<Trajectory> demonstrations = environment.tasks(Split.TRAIN).stream()
                .map(t -> environment.demonstration(t).orElseThrow()).toList();
        new TabularBcOptimizer(new TabularBcConfig(1.0, 1)).train(trained,
                TrainingBatch.ofTrajectories(demonstrations, 1, "bc"));
        Path checkpoint = Files.createDirectories(directory.resolve("checkpoint"));
        trained.save(checkpoint);

        Fixture fixture = new Fixture(1, directory, environment, new TabularPolicy(0.0));
        fixture.run(with(recipe(1), "checkpoint", checkpoint.toString()));

        assertThat(fixture.bc.calls).isEmpty();
        assertThat(fixture.context.trajectories()).doesNotContainKey("demonstrations");
        EvaluationResult seen = fixture.context.evaluations().get(0);
        assertThat(seen.stage()).isEqualTo("baseline");
        assertThat(seen.successRate()).isEqualTo(1.0);
        assertThat(fixture.context.stages()).containsExactly("baseline", "final");
        assertThat(fixture.metrics("eto-warm-start")).singleElement()
                .satisfies(m -> assertThat(m.get("checkpoint")).isEqualTo(checkpoint.toString()));
    }

    @Test
    void demonstrationsAreCappedByTheTrainingSplitAsInBehaviourCloning() throws Exception {
        Fixture fixture = new Fixture(1, directory);
        fixture.run(with(recipe(1), "demonstrations", 50));
        assertThat(fixture.context.trajectories().get("demonstrations")).hasSize(6);
        assertThat(fixture.bc.calls.get(0).batch().seed()).isEqualTo(fixture.context.seed("bc/train"));
        assertThat(fixture.sample.problems.get(0).tasks()).hasSize(6);

        Fixture few = new Fixture(1, directory);
        few.run(with(with(recipe(1), "demonstrations", 2), "explorationPool", "demonstrations"));
        assertThat(few.context.trajectories().get("demonstrations")).extracting(t -> t.task().id())
                .containsExactly("train-0", "train-1");
        assertThat(few.sample.problems.get(0).tasks()).extracting(Task::id).containsExactly("train-0", "train-1");
    }

    @Test
    void byDefaultExplorationGoesBeyondTheDemonstrationsAndTheExpertIsTheChosenSideThere() throws Exception {
        Fixture fixture = new Fixture(1, directory);
        fixture.run(with(recipe(1), "demonstrations", 2));

        assertThat(fixture.context.trajectories().get("demonstrations")).hasSize(2);
        assertThat(fixture.sample.problems.get(0).tasks()).extracting(Task::id)
                .containsExactly("train-0", "train-1", "train-2", "train-3", "train-4", "train-5");
        List<PreferencePair> pairs = fixture.context.pairs().get("iter-1");
        assertThat(pairs).extracting(p -> p.context().task().id())
                .anyMatch(id -> !id.equals("train-0") && !id.equals("train-1"));
        assertThat(pairs).allSatisfy(p -> assertThat(p.chosen())
                .isEqualTo(fixture.environment.demonstration(p.context().task()).orElseThrow().steps()));
        assertThat(fixture.metrics("eto-pairs")).singleElement()
                .satisfies(m -> assertThat(m.get("selfPairedTasks")).isEqualTo(0));

        Fixture limited = new Fixture(1, directory);
        limited.run(with(with(recipe(1), "demonstrations", 2), "explorationTasks", 3));
        assertThat(limited.sample.problems.get(0).tasks()).hasSize(3);
    }

    @Test
    void badRunInputFailsWithWhatToChange() {

        assertThatThrownBy(() -> new Fixture(1, directory).run(with(recipe(1), "checkpoint",
                directory.resolve("missing").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method.checkpoint: no checkpoint directory");

        Environment environment = new CounterEnvironment(new CounterEnvironmentConfig(6, 4, 4, 12, null, null, null));
        Environment withoutExpert = ChangedEnvironment.withoutExpert(environment);
        assertThatThrownBy(() -> new Fixture(1, directory, withoutExpert, new TabularPolicy(0.0)).run(recipe(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs expert demonstrations").hasMessageContaining("first 6 training tasks");
    }

    @Test
    void aCheckpointNeedsAPolicyThatCanLoadOne() {
        Fixture fixture = new Fixture(1, directory);
        FakeMethodContext plain = new FakeMethodContext(1, directory, fixture.environment,
                (contexts, sampling) -> IntStream.range(0, contexts.size())
                        .mapToObj(i -> dev.kaizen.api.policy.Decision.of(Action.of("click[submit]"), 0.0)).toList());
        plain.register(new EtoMethodFactory(), fixture.sample, fixture.none, fixture.bc, fixture.dpo);
        assertThatThrownBy(() -> plain.create(plain.config(TrainingMethodConfig.class,
                with(recipe(1), "checkpoint", directory.toString()))).run(plain))
                .isInstanceOf(IncompatiblePartsException.class)
                .hasMessageContaining("cannot load checkpoints");
    }
}
