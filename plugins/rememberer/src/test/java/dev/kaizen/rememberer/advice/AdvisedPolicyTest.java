package dev.kaizen.rememberer.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.rememberer.memory.LuceneMemory;
import dev.kaizen.rememberer.memory.LuceneMemoryConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvisedPolicyTest {

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());

    /** Records the contexts it is asked about and always clicks +1. */
    private static final class Recorder implements Policy {
        final List<AgentContext> seen = new ArrayList<>();

        @Override
        public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
            seen.addAll(contexts);
            return contexts.stream().map(c -> Decision.of(Action.of("click[+1]"), 0.0)).toList();
        }
    }

    @Test
    void attachesTheMostSimilarRecordsAndLeavesTheMemoryAlone() {
        Task task = environment.tasks(Split.TRAIN).get(0);
        Trajectory demonstration = environment.demonstration(task).orElseThrow();
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            memory.update(List.of(demonstration));
            int size = memory.size();
            Recorder recorder = new Recorder();
            AdvisedPolicy advised = new AdvisedPolicy(recorder, memory, environment.observationSimilarity(), 2, 0.0);
            List<Trajectory> runs = new SimpleRollouts().run(new RolloutRequest(environment, List.of(task), advised,
                    Sampling.greedy(), "test"));
            assertThat(memory.size()).isEqualTo(size);
            AgentContext first = recorder.seen.get(0);
            assertThat(first.advice()).hasSize(2);
            Advice best = first.advice().get(0);
            assertThat(best.instruction()).isEqualTo(task.instruction());
            assertThat(best.observation()).isEqualTo(first.observation().text());
            assertThat(best.similarity()).isEqualTo(1.0);
            assertThat(best.encouraged()).extracting(ActionValue::action)
                    .containsExactly(demonstration.steps().get(0).action());
            assertThat(runs).hasSize(1);
            var statistics = advised.statistics().drain();
            assertThat(statistics.get("contexts")).isEqualTo((double) recorder.seen.size());
            assertThat(statistics.get("advisedShare")).isEqualTo(1.0);
            assertThat(statistics.get("encouragedApplicableShare")).isEqualTo(1.0);
            assertThat(advised.statistics().drain().get("contexts")).isZero();
        }
    }

    @Test
    void theZeroAdviceControlAttachesTheSameRecordsWithoutValues() {
        Task task = environment.tasks(Split.TRAIN).get(0);
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            memory.update(List.of(environment.demonstration(task).orElseThrow()));
            Recorder plain = new Recorder();
            Recorder control = new Recorder();
            AgentContext start = AgentContext.start(task, environment.reset(task, 1).observation());
            new AdvisedPolicy(plain, memory, environment.observationSimilarity(), 2, 0.0)
                    .decide(List.of(start), Sampling.greedy());
            new AdvisedPolicy(control, memory, environment.observationSimilarity(), 2, 0.0).withValuesZeroed()
                    .decide(List.of(start), Sampling.greedy());
            List<Advice> advised = plain.seen.get(0).advice();
            List<Advice> zeroed = control.seen.get(0).advice();
            assertThat(zeroed).hasSameSizeAs(advised);
            for (int i = 0; i < advised.size(); i++) {
                assertThat(zeroed.get(i).observation()).isEqualTo(advised.get(i).observation());
                assertThat(zeroed.get(i).similarity()).isEqualTo(advised.get(i).similarity());
                assertThat(zeroed.get(i).actions()).extracting(ActionValue::action)
                        .isEqualTo(advised.get(i).actions().stream().map(ActionValue::action).toList());
                assertThat(zeroed.get(i).actions()).extracting(ActionValue::value).containsOnly(0.0);
            }
            assertThat(advised.get(0).actions()).extracting(ActionValue::value).contains(1.0);
        }
    }

    @Test
    void dropsRecordsBelowTheMinimumSimilarity() {
        Task task = environment.tasks(Split.TRAIN).get(0);
        Task other = environment.tasks(Split.UNSEEN).get(0);
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            memory.update(List.of(environment.demonstration(task).orElseThrow()));
            Recorder recorder = new Recorder();
            ObservationSimilarity none = (a, b) -> 0.0;
            AdvisedPolicy advised = new AdvisedPolicy(recorder, memory, none, 2, 0.9);
            advised.decide(List.of(AgentContext.start(other, environment.reset(other, 1).observation())),
                    Sampling.greedy());
            assertThat(recorder.seen.get(0).advice()).isEmpty();
            assertThat(advised.statistics().drain().get("advisedShare")).isZero();
        }
    }

    @Test
    void advantagesCentreEachRecordOnItsVisitWeightedMean() {
        Advice advice = new Advice("g", "o", List.of(new ActionValue(Action.of("click[a]"), 1.0, 1),
                new ActionValue(Action.of("click[b]"), 0.4, 3), new ActionValue(Action.of("click[c]"), 0.0, 1)), 0.7);
        // V = (1·1 + 0.4·3 + 0·1) / 5 = 0.44
        Advice relative = AdviceValues.ADVANTAGE.present(advice);
        assertThat(relative.actions().get(0).value()).isCloseTo(0.56, within(1e-12));
        assertThat(relative.actions().get(1).value()).isCloseTo(-0.04, within(1e-12));
        assertThat(relative.actions().get(2).value()).isCloseTo(-0.44, within(1e-12));
        assertThat(relative.encouraged()).extracting(ActionValue::action).containsExactly(Action.of("click[a]"));
        assertThat(relative.discouraged()).extracting(ActionValue::action)
                .containsExactly(Action.of("click[c]"), Action.of("click[b]"));
        assertThat(relative.similarity()).isEqualTo(0.7);
        assertThat(AdviceValues.Q.present(advice)).isSameAs(advice);
        // one action: nothing to compare it with, no push either way
        Advice single = new Advice("g", "o", List.of(new ActionValue(Action.of("click[a]"), 0.8, 4)), 1.0);
        assertThat(AdviceValues.ADVANTAGE.present(single).actions().get(0).value()).isZero();
        assertThat(AdviceValues.ADVANTAGE.informative(AdviceValues.ADVANTAGE.present(single))).isFalse();
        assertThat(AdviceValues.ADVANTAGE.informative(relative)).isTrue();
        assertThat(AdviceValues.Q.informative(single)).isTrue();
        assertThatThrownBy(() -> AdviceValues.of("rank")).hasMessageContaining("allowed: [q, advantage]");
    }

    @Test
    void rejectsBadArguments() {
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            assertThatThrownBy(() -> new AdvisedPolicy(new Recorder(), memory, (a, b) -> 1, -1, 0))
                    .hasMessageContaining("records must be >= 0");
            assertThatThrownBy(() -> new AdvisedPolicy(new Recorder(), memory, (a, b) -> 1, 2, 1.5))
                    .hasMessageContaining("minSimilarity must be in [0, 1]");
        }
    }
}
