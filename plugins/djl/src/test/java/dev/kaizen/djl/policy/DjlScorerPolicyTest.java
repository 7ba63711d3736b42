package dev.kaizen.djl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.Fixtures;
import dev.kaizen.djl.engine.DjlRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlScorerPolicyTest {

    private static final Task SHOP_TASK = new Task("t1", Split.TRAIN,
            "i need a pair of waterproof hiking boots for men, size 10, under 60.00 dollars");
    private static final Observation SEARCH_PAGE = new Observation("Instruction: " + SHOP_TASK.instruction()
            + " [Search]", List.of(), List.of("search[{}]"), false, 0, Map.of("page", "search"));
    private static final Observation RESULTS_PAGE = new Observation("results", List.of(
            Action.of("click", "Back to Search"), Action.of("click", "B001"), Action.of("click", "B002"),
            Action.of("click", "Next >")), List.of(), false, 0, Map.of("page", "results"),
            Map.of("click[B001]", "Men's Waterproof Hiking Boot, leather | $54.99",
                    "click[B002]", "Women's Running Shoe, mesh | $35.00"));

    private static final Map<String, Object> SMALL = Map.of("type", "djl-scorer", "buckets", 4096, "embeddingSize", 8,
            "hiddenSize", 16);

    @Test
    void bcFromSampleConfigsSolvesTheCounterAndIsDeterministic(@TempDir Path dir) {
        FakeComponentContext context = Fixtures.context(7, dir);
        Map<String, float[]> first;
        try (Environment environment = Fixtures.counter(context);
             Policy policy = context.create(context.config(PolicyConfig.class, SMALL));
             Optimizer bc = context.create(context.config(OptimizerConfig.class, Map.of("type", "bc", "epochs", 25)))) {
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN);
            TrainingReport report = bc.train(policy, TrainingBatch.ofTrajectories(demos, 3, "bc"));
            assertThat(report.epochs()).hasSize(25);
            assertThat(report.epochs().get(24).get("loss")).isLessThan(report.epochs().get(0).get("loss") / 3);
            assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("bc-epoch")).hasSize(25)
                    .allMatch(m -> m.fields().get("loss") instanceof Double);
            List<Trajectory> runs = context.rollouts().run(new RolloutRequest(environment,
                    environment.tasks(Split.SEEN), policy, Sampling.greedy(), "eval"));
            assertThat(runs).allMatch(Trajectory::success);
            first = ((DjlScorerPolicy) policy).parameterValues();
        }
        // same recipe and seed: identical parameters after training
        FakeComponentContext again = Fixtures.context(7, dir);
        try (Environment environment = Fixtures.counter(again);
             Policy policy = again.create(again.config(PolicyConfig.class, SMALL));
             Optimizer bc = again.create(again.config(OptimizerConfig.class, Map.of("type", "bc", "epochs", 25)))) {
            bc.train(policy, TrainingBatch.ofTrajectories(Fixtures.demonstrations(environment, Split.TRAIN), 3, "bc"));
            Map<String, float[]> second = ((DjlScorerPolicy) policy).parameterValues();
            assertThat(second.keySet()).isEqualTo(first.keySet());
            first.forEach((name, values) -> assertThat(second.get(name)).as(name).containsExactly(values));
        }
        // another training seed: different parameters
        try (Environment environment = Fixtures.counter(again);
             Policy policy = again.create(again.config(PolicyConfig.class, SMALL));
             Optimizer bc = again.create(again.config(OptimizerConfig.class, Map.of("type", "bc", "epochs", 25)))) {
            bc.train(policy, TrainingBatch.ofTrajectories(Fixtures.demonstrations(environment, Split.TRAIN), 4, "bc"));
            assertThat(((DjlScorerPolicy) policy).parameterValues().get("w1")).isNotEqualTo(first.get("w1"));
        }
    }

    @Test
    void proposesOnlyAllowedActionsAndFillsTemplatesFromTheInstruction() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(1)) {
            AgentContext search = AgentContext.start(SHOP_TASK, SEARCH_PAGE);
            AgentContext results = new AgentContext(SHOP_TASK, List.of(), RESULTS_PAGE, List.of());
            List<Decision> decisions = policy.decide(List.of(search, results), new Sampling(5, 1.0, 11));
            assertThat(decisions).hasSize(2);
            assertThat(decisions.get(0).candidates()).hasSize(5);
            for (Candidate c : decisions.get(0).candidates()) {
                assertThat(SEARCH_PAGE.allows(c.action())).isTrue();
                String query = c.action().argument();
                // every word of a proposed query is copied from the instruction
                for (String word : query.split(" ")) {
                    assertThat(SHOP_TASK.instruction().toLowerCase()).contains(word);
                }
            }
            assertThat(decisions.get(1).candidates()).hasSize(4)
                    .allMatch(c -> RESULTS_PAGE.actions().contains(c.action()));
            // a distribution over the page's actions; the search page's most likely fillers take part of its mass
            List<List<Candidate>> distributions = policy.distributions(List.of(search, results));
            assertThat(distributions.get(1).stream().mapToDouble(c -> Math.exp(c.logProbability())).sum())
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(distributions.get(0).stream().mapToDouble(c -> Math.exp(c.logProbability())).sum())
                    .isGreaterThan(0).isLessThanOrEqualTo(1.0 + 1e-6);
            // any in-order subset of the instruction's tokens is a filler with an exact probability
            double[] lp = policy.logProbabilities(List.of(search, search, search), List.of(
                    Action.of("search", "waterproof hiking boots"), Action.of("search", "pair of hiking boots men"),
                    Action.of("search", "boots hiking")));
            assertThat(lp[0]).isLessThan(0).isGreaterThan(-40);
            assertThat(lp[1]).isLessThan(0).isGreaterThan(-40);
            assertThat(lp[2]).as("not written with the instruction's tokens in order").isLessThanOrEqualTo(-30);
        }
    }

    @Test
    void samplingDependsOnSeedAndContextNotOnTheBatch() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(2)) {
            AgentContext search = AgentContext.start(SHOP_TASK, SEARCH_PAGE);
            AgentContext results = new AgentContext(SHOP_TASK, List.of(), RESULTS_PAGE, List.of());
            Sampling sampling = new Sampling(3, 2.0, 99);
            Decision alone = policy.decide(List.of(search), sampling).get(0);
            Decision inBatch = policy.decide(List.of(results, search, results), sampling).get(1);
            assertThat(inBatch.candidates().stream().map(Candidate::action).toList())
                    .isEqualTo(alone.candidates().stream().map(Candidate::action).toList());
            assertThat(policy.decide(List.of(search), sampling).get(0)).isEqualTo(alone);
            boolean differs = false;
            for (long seed = 100; seed < 110 && !differs; seed++) {
                differs = !policy.decide(List.of(search), sampling.withSeed(seed)).get(0).candidates().stream()
                        .map(Candidate::action).toList()
                        .equals(alone.candidates().stream().map(Candidate::action).toList());
            }
            assertThat(differs).as("another seed gives other samples").isTrue();
            Decision greedy = policy.decide(List.of(results), Sampling.greedy().withCount(4)).get(0);
            double[] lp = greedy.candidates().stream().mapToDouble(Candidate::logProbability).toArray();
            for (int i = 1; i < lp.length; i++) {
                assertThat(lp[i]).isLessThanOrEqualTo(lp[i - 1]);
            }
        }
    }

    @Test
    void scoresActionsOutsideItsCandidatesAndChecksLengths() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(3)) {
            AgentContext search = AgentContext.start(SHOP_TASK, SEARCH_PAGE);
            Action missed = Action.of("click", "not on the page");
            double[] lp = policy.logProbabilities(List.of(search, search),
                    List.of(missed, Action.of("search", "waterproof hiking boots")));
            assertThat(lp[0]).isLessThan(0).isGreaterThan(-30);
            assertThat(lp[1]).isLessThan(0).isGreaterThan(-30);
            assertThatThrownBy(() -> policy.logProbabilities(List.of(search), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
        }
    }

    @Test
    void checkpointsRoundTripExactly(@TempDir Path dir) throws IOException {
        AgentContext search = AgentContext.start(SHOP_TASK, SEARCH_PAGE);
        AgentContext results = new AgentContext(SHOP_TASK, List.of(), RESULTS_PAGE, List.of());
        List<AgentContext> contexts = List.of(search, results, results);
        List<Action> actions = List.of(Action.of("search", "waterproof hiking boots"), Action.of("click", "B001"),
                Action.of("click", "Next >"));
        try (DjlScorerPolicy trained = Fixtures.smallPolicy(4); DjlScorerPolicy other = Fixtures.smallPolicy(5)) {
            double[] before = trained.logProbabilities(contexts, actions);
            assertThat(other.logProbabilities(contexts, actions)).isNotEqualTo(before);
            Path checkpoint = Files.createDirectory(dir.resolve("checkpoint"));
            trained.save(checkpoint);
            other.load(checkpoint);
            assertThat(other.logProbabilities(contexts, actions)).containsExactly(before);
            assertThat(other.decide(contexts, new Sampling(2, 1.0, 3)))
                    .isEqualTo(trained.decide(contexts, new Sampling(2, 1.0, 3)));
        }
    }

    @Test
    void badCheckpointsFailWithWhatIsWrong(@TempDir Path dir) throws IOException {
        try (DjlScorerPolicy small = Fixtures.smallPolicy(4);
             DjlScorerPolicy wider = DjlScorerPolicy.create(new DjlScorerConfig(4096, 8, 32, null, null, null, null), "djl-scorer", 4)) {
            assertThatThrownBy(() -> small.load(dir)).isInstanceOf(IOException.class)
                    .hasMessageContaining("not a djl-scorer checkpoint").hasMessageContaining("djl-scorer.json");
            Path saved = Files.createDirectory(dir.resolve("saved"));
            small.save(saved);
            assertThatThrownBy(() -> wider.load(saved)).isInstanceOf(IOException.class)
                    .hasMessageContaining("hiddenSize 16").hasMessageContaining("has 32");
            byte[] bytes = Files.readAllBytes(saved.resolve("parameters.ndlist"));
            Files.write(saved.resolve("parameters.ndlist"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
            double[] kept = small.logProbabilities(List.of(AgentContext.start(SHOP_TASK, SEARCH_PAGE)),
                    List.of(Action.of("search", "hiking boots")));
            assertThatThrownBy(() -> small.load(saved)).isInstanceOf(IOException.class)
                    .hasMessageContaining("parameters.ndlist");
            // a failed load leaves the policy as it was
            assertThat(small.logProbabilities(List.of(AgentContext.start(SHOP_TASK, SEARCH_PAGE)),
                    List.of(Action.of("search", "hiking boots")))).containsExactly(kept);
        }
    }

    @Test
    void frozenCopyIgnoresLaterTraining(@TempDir Path dir) {
        FakeComponentContext context = Fixtures.context(3, dir);
        try (Environment environment = Fixtures.counter(context); DjlScorerPolicy policy = Fixtures.smallPolicy(6);
             Optimizer bc = context.create(context.config(OptimizerConfig.class, Map.of("type", "bc", "epochs", 2)))) {
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN);
            List<AgentContext> contexts = demos.stream().map(d -> d.contextAt(0)).toList();
            List<Action> actions = demos.stream().map(d -> d.steps().get(0).action()).toList();
            double[] before = policy.logProbabilities(contexts, actions);
            try (DjlScorerPolicy frozen = policy.frozenCopy()) {
                bc.train(policy, TrainingBatch.ofTrajectories(demos, 1, "bc"));
                assertThat(policy.logProbabilities(contexts, actions)).isNotEqualTo(before);
                assertThat(frozen.logProbabilities(contexts, actions)).containsExactly(before);
            }
        }
    }

    @Test
    void adviceChangesADecisionWithoutTraining() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(8)) {
            AgentContext results = new AgentContext(SHOP_TASK, List.of(), RESULTS_PAGE, List.of());
            Action first = policy.decide(List.of(results), Sampling.greedy()).get(0).action();
            Action other = RESULTS_PAGE.actions().stream().filter(a -> !a.equals(first)).findFirst().orElseThrow();
            Advice advice = new Advice(SHOP_TASK.instruction(), "results", List.of(new ActionValue(other, 1.0, 3),
                    new ActionValue(first, 0.0, 2)), 0.9);
            Action advised = policy.decide(List.of(results.withAdvice(List.of(advice))), Sampling.greedy()).get(0)
                    .action();
            assertThat(advised).isEqualTo(other);
            double[] without = policy.logProbabilities(List.of(results), List.of(other));
            double[] with = policy.logProbabilities(List.of(results.withAdvice(List.of(advice))), List.of(other));
            assertThat(with[0]).isGreaterThan(without[0]);
        }
    }

    @Test
    void adviceWithZeroValuesChangesNothingInAPolicyNeverTrainedOnAdvice() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(8)) {
            AgentContext results = new AgentContext(SHOP_TASK, List.of(), RESULTS_PAGE, List.of());
            List<Action> actions = RESULTS_PAGE.actions();
            Advice advice = new Advice(SHOP_TASK.instruction(), "results", List.of(new ActionValue(actions.get(0), 0.0, 3),
                    new ActionValue(actions.get(1), 0.0, 2)), 0.9);
            AgentContext advised = results.withAdvice(List.of(advice));
            for (Action action : actions) {
                assertThat(policy.logProbabilities(List.of(advised), List.of(action)))
                        .as("log-probability of %s", action)
                        .containsExactly(policy.logProbabilities(List.of(results), List.of(action)));
            }
        }
    }

    @Test
    void adviceOnAQueryChangesTheQuery() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(8)) {
            AgentContext search = AgentContext.start(SHOP_TASK, SEARCH_PAGE);
            List<Candidate> best = policy.decide(List.of(search), Sampling.greedy().withCount(3)).get(0).candidates();
            Action first = best.get(0).action();
            Action advisedQuery = Action.of("search", "waterproof hiking boots men");
            assertThat(first).isNotEqualTo(advisedQuery);
            Advice advice = new Advice(SHOP_TASK.instruction(), "search", List.of(new ActionValue(advisedQuery, 1.0, 4)),
                    0.8);
            AgentContext advised = search.withAdvice(List.of(advice));
            assertThat(policy.decide(List.of(advised), Sampling.greedy()).get(0).action()).isEqualTo(advisedQuery);
            assertThat(policy.logProbabilities(List.of(advised), List.of(advisedQuery))[0])
                    .isGreaterThan(policy.logProbabilities(List.of(search), List.of(advisedQuery))[0]);
        }
    }

    @Test
    void batchedDecisionsEqualOneAtATime() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(9)) {
            AgentContext search = AgentContext.start(SHOP_TASK, SEARCH_PAGE);
            AgentContext results = new AgentContext(SHOP_TASK, List.of(), RESULTS_PAGE, List.of());
            List<Decision> batched = policy.decide(List.of(search, results), Sampling.greedy());
            assertThat(batched.get(0).action()).isEqualTo(policy.decide(List.of(search), Sampling.greedy()).get(0)
                    .action());
            assertThat(batched.get(1).action()).isEqualTo(policy.decide(List.of(results), Sampling.greedy()).get(0)
                    .action());
        }
    }

    @Test
    void scoresUnderAGradientCollectorEqualThoseWithout() {
        // inference looks embeddings up without recording gradients; training records them: same values
        AgentContext search = AgentContext.start(SHOP_TASK, SEARCH_PAGE);
        AgentContext results = new AgentContext(SHOP_TASK, List.of(), RESULTS_PAGE, List.of());
        List<AgentContext> contexts = List.of(search, results, results);
        List<Action> actions = List.of(Action.of("search", "waterproof hiking boots"), Action.of("click", "B001"),
                Action.of("click", "Next >"));
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(11)) {
            double[] inference = policy.logProbabilities(contexts, actions);
            Examples examples = policy.encode(contexts, actions);
            float[] recorded = DjlRuntime.call(() -> {
                try (NDManager manager = DjlRuntime.engine().newBaseManager();
                     GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                    return policy.score(manager, examples, false).chosen().toFloatArray();
                }
            });
            assertThat(recorded).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat((double) recorded[i]).isEqualTo(inference[i]);
            }
        }
    }

    @Test
    void aDoneObservationGetsNoAction() {
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(10)) {
            Observation done = new Observation("bought", List.of(), List.of(), true, 1.0, Map.of());
            assertThat(policy.decide(List.of(AgentContext.start(SHOP_TASK, done)), Sampling.greedy()).get(0).isEmpty())
                    .isTrue();
        }
    }

    @Test
    void aClosedPolicySaysSo() {
        DjlScorerPolicy policy = Fixtures.smallPolicy(11);
        policy.close();
        policy.close();
        assertThatThrownBy(() -> policy.decide(List.of(AgentContext.start(SHOP_TASK, SEARCH_PAGE)), Sampling.greedy()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
