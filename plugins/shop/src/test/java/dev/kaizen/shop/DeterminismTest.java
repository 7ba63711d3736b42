package dev.kaizen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.shop.baseline.RandomPolicy;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    /** Everything an agent could ever see of a store: the catalog, every task, and the pages of many episodes. */
    private static String transcript(ShopEnvironment store) {
        StringWriter out = new StringWriter();
        store.catalog().dump(out);
        List<Task> tasks = new ArrayList<>();
        for (Split split : Split.values()) {
            tasks.addAll(store.tasks(split));
        }
        for (Task task : tasks) {
            out.write(task + "\n");
            for (Step step : store.demonstration(task).orElseThrow().steps()) {
                out.write(step.observation() + " >> " + step.action() + "\n");
            }
        }
        for (Trajectory run : new SimpleRollouts().run(new RolloutRequest(store, tasks, new RandomPolicy(),
                new Sampling(1, 1.0, 3), "random"))) {
            for (Step step : run.steps()) {
                out.write(step.observation() + " >> " + step.action() + " " + step.reward() + "\n");
            }
        }
        return out.toString();
    }

    @Test
    void sameSeedGivesByteIdenticalCatalogTasksAndObservations() {
        String first;
        String second;
        String other;
        try (ShopEnvironment a = new ShopEnvironment(SmallStore.config(11))) {
            first = transcript(a);
        }
        try (ShopEnvironment b = new ShopEnvironment(SmallStore.config(11))) {
            second = transcript(b);
        }
        try (ShopEnvironment c = new ShopEnvironment(SmallStore.config(12))) {
            other = transcript(c);
        }
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.length()).isGreaterThan(500_000);
    }
}
