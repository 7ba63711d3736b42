package dev.kaizen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.shop.baseline.FirstResultPolicy;
import dev.kaizen.shop.baseline.RandomPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store at its default size, as methods are measured on it: the expert solves every split and
 * the naive baselines do not.
 */
class DefaultStoreTest {

    private static ShopEnvironment store;

    @BeforeAll
    static void build() {
        store = new ShopEnvironment(new ShopConfig());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void hasTheDefaultSplitSizes() {
        assertThat(store.tasks(Split.TRAIN)).hasSize(2000);
        assertThat(store.tasks(Split.SEEN)).hasSize(500);
        assertThat(store.tasks(Split.UNSEEN)).hasSize(500);
        assertThat(store.catalog().products()).hasSize(5000);
        for (Split split : Split.values()) {
            for (Task task : store.tasks(split)) {
                assertThat(task.instruction()).doesNotContain("and and").doesNotContain("  ").doesNotContain(",,")
                        .doesNotContain(" ,").doesNotEndWith(",").doesNotEndWith(" ");
            }
        }
    }

    @Test
    void expertSucceedsOnEveryTaskOfEverySplit() {
        for (Split split : Split.values()) {
            long successes = store.tasks(split).stream()
                    .filter(task -> store.demonstration(task).orElseThrow().success()).count();
            assertThat(successes / (double) store.tasks(split).size()).as(split.id()).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void naiveBaselinesRarelySucceed() {
        List<Task> all = new ArrayList<>();
        for (Split split : Split.values()) {
            all.addAll(store.tasks(split));
        }
        assertThat(successRate(new FirstResultPolicy(), all, 1)).isLessThanOrEqualTo(0.15);
        assertThat(successRate(new RandomPolicy(), all, 1)).isLessThanOrEqualTo(0.01);
    }

    private static double successRate(Policy policy, List<Task> tasks, long seed) {
        List<Trajectory> runs = new SimpleRollouts().run(new RolloutRequest(store, tasks, policy,
                new Sampling(1, 1.0, seed), "baseline"));
        return runs.stream().filter(Trajectory::success).count() / (double) runs.size();
    }
}
