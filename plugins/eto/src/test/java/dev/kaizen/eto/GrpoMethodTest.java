package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpoMethodTest {

    @TempDir
    Path directory;

    private static Map<String, Object> recipe(boolean stepGroups) {
        Map<String, Object> method = new HashMap<>();
        method.put("type", "grpo");
        method.put("demonstrations", 6);
        method.put("iterations", 2);
        method.put("optimizer", Map.of("type", "bc", "step", 1.0));
        method.put("explorer", Map.of("type", "sample", "samples", 4, "temperature", 1.0));
        method.put("update", Map.of("type", "bc", "step", 0.5));
        method.put("stepGroups", stepGroups);
        return method;
    }

    @Test
    void eachRoundUpdatesOnTheGroupsTrajectoriesWithTheirAdvantagesAsStepRewards() throws Exception {
        Fixture fixture = new Fixture(17, directory);
        fixture.run(recipe(false));

        assertThat(fixture.context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(fixture.context.evaluations()).extracting(EvaluationResult::stage)
                .containsExactly("baseline", "baseline", "iter-1", "iter-1", "final", "final");
        assertThat(fixture.bc.calls).hasSize(3);
        for (int round = 1; round <= 2; round++) {
            List<Trajectory> explored = fixture.context.trajectories().get("iter-" + round + "-explore");
            List<Trajectory> batch = fixture.bc.calls.get(round).batch().trajectories();
            assertThat(fixture.bc.calls.get(round).batch().seed()).isEqualTo(fixture.context.seed("iter-" + round + "/update"));
            assertThat(fixture.bc.calls.get(round).config().step()).isEqualTo(0.5);
            assertThat(batch).isNotEmpty().allSatisfy(t -> assertThat(t.steps()).extracting(Step::reward)
                    .as("one episode advantage on every step").containsOnly(t.steps().get(0).reward()));
            // within a task, successes get the positive advantage and failures the negative
            Map<String, List<Trajectory>> byTask = batch.stream().collect(Collectors.groupingBy(t -> t.task().id()));
            for (List<Trajectory> group : byTask.values()) {
                for (Trajectory t : group) {
                    Trajectory original = explored.stream().filter(e -> e.task().equals(t.task())
                            && e.steps().stream().map(Step::action).toList()
                            .equals(t.steps().stream().map(Step::action).toList())).findFirst().orElseThrow();
                    double advantage = t.steps().get(0).reward();
                    double mean = explored.stream().filter(e -> e.task().equals(t.task()))
                            .mapToDouble(Trajectory::reward).average().orElseThrow();
                    assertThat(Math.signum(advantage)).isEqualTo(Math.signum(original.reward() - mean));
                }
            }
            Map<String, ?> update = fixture.metrics("grpo-update").get(round - 1);
            assertThat(update.get("groups")).isEqualTo((int) explored.stream().map(t -> t.task().id()).distinct().count());
            assertThat(update.get("trajectories")).isEqualTo(batch.size());
            assertThat(update.get("anchorGroups")).isEqualTo(0);
        }
    }

    @Test
    void withStepGroupsTheSharedStartIsAnAnchorAndStepsGetTheirOwnAdvantages() throws Exception {
        Fixture fixture = new Fixture(17, directory);
        fixture.run(recipe(true));

        Map<String, ?> update = fixture.metrics("grpo-update").get(0);
        assertThat((int) update.get("anchorGroups")).as("every group starts in one state").isGreaterThanOrEqualTo(
                (int) update.get("groups") - (int) update.get("degenerateGroups"));
        assertThat((double) update.get("anchorStepShare")).isGreaterThan(0);
        List<Trajectory> batch = fixture.bc.calls.get(1).batch().trajectories();
        assertThat(batch).anySatisfy(t -> assertThat(Arrays.stream(t.steps().stream().mapToDouble(Step::reward)
                .toArray()).distinct().count()).as("step advantages differ along an episode").isGreaterThan(1));
    }

    @Test
    void aRewardModelScoresTheGroupInsteadOfTheEnvironment() throws Exception {
        Map<String, Object> inverted = recipe(false);
        inverted.put("reward", Map.of("type", "inverted"));
        Fixture fixture = new Fixture(17, directory);
        fixture.run(inverted);

        List<Trajectory> explored = fixture.context.trajectories().get("iter-1-explore");
        List<Trajectory> batch = fixture.bc.calls.get(1).batch().trajectories();
        assertThat(batch).isNotEmpty().allSatisfy(t -> {
            Trajectory original = explored.stream().filter(e -> e.task().equals(t.task())
                    && e.steps().stream().map(Step::action).toList()
                    .equals(t.steps().stream().map(Step::action).toList())).findFirst().orElseThrow();
            double mean = explored.stream().filter(e -> e.task().equals(t.task()))
                    .mapToDouble(Trajectory::reward).average().orElseThrow();
            assertThat(Math.signum(t.steps().get(0).reward())).as("the model's score, the environment's inverted")
                    .isEqualTo(-Math.signum(original.reward() - mean));
        });
        assertThat(fixture.inverted.created).as("one model a round").isEqualTo(2);
        assertThat(fixture.inverted.closed).isEqualTo(2);
    }

    @Test
    void withoutDemonstrationsTheRoundsStartFromThePolicyAsBuiltAndNeedNoExpert() throws Exception {
        Environment withoutExpert = ChangedEnvironment.withoutExpert(counter());
        Map<String, Object> recipe = recipe(false);
        recipe.put("demonstrations", 0);
        Fixture fixture = new Fixture(17, directory, withoutExpert, new TabularPolicy(0.0));
        fixture.run(recipe);

        assertThat(fixture.context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(fixture.metrics("grpo-warm-start")).containsExactly(Map.of("demonstrations", 0, "steps", 0));
        assertThat(fixture.context.trajectories()).doesNotContainKey("demonstrations");
        assertThat(fixture.bc.calls).as("no warm-up: only the rounds' updates").hasSize(2)
                .allSatisfy(call -> assertThat(call.config().step()).isEqualTo(0.5));
        assertThat(fixture.bc.calls.get(0).batch().trajectories()).as("the untrained policy's groups still differ")
                .isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameUpdates() throws Exception {
        Fixture first = new Fixture(17, directory.resolve("a"));
        first.run(recipe(true));
        Fixture second = new Fixture(17, directory.resolve("b"));
        second.run(recipe(true));
        assertThat(second.bc.calls.get(2).batch()).isEqualTo(first.bc.calls.get(2).batch());
    }

    private static Environment counter() {
        return new CounterEnvironment(new CounterEnvironmentConfig(6, 4, 4, 12, null, null, null));
    }

    private Fixture fixture(String name, ObservationSimilarity similarity) {
        return new Fixture(17, directory.resolve(name), ChangedEnvironment.withSimilarity(counter(), similarity),
                new TabularPolicy(0.0));
    }

    @Test
    void withAnchorSimilarityTheEnvironmentsSimilarityDecidesWhichStepsShareAnAnchor() throws Exception {
        Map<String, Object> similar = recipe(true);
        similar.put("anchorSimilarity", 0.5);

        Fixture alike = fixture("alike", (a, b) -> 1.0);
        alike.run(similar);
        Map<String, ?> update = alike.metrics("grpo-update").get(0);
        assertThat((double) update.get("anchorStepShare")).as("every state is alike: one anchor per group")
                .isEqualTo(1.0);
        assertThat((int) update.get("anchorGroups")).isEqualTo((int) update.get("groups"));

        Fixture never = fixture("never", (a, b) -> 0.0);
        never.run(similar);
        Fixture identity = fixture("identity", (a, b) -> 0.0);
        identity.run(recipe(true));
        assertThat(never.metrics("grpo-update")).as("nothing alike: the anchors of identity")
                .isEqualTo(identity.metrics("grpo-update"));
        assertThat(never.bc.calls.get(2).batch()).isEqualTo(identity.bc.calls.get(2).batch());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        Fixture fixture = new Fixture(17, directory);
        Map<String, Object> weight = recipe(true);
        weight.put("stepWeight", -1.0);
        assertThatThrownBy(() -> fixture.config(weight)).hasMessageContaining("method.stepWeight must be a finite"
                + " number >= 0");
        Map<String, Object> discount = recipe(true);
        discount.put("discount", 0.0);
        assertThatThrownBy(() -> fixture.config(discount)).hasMessageContaining("method.discount must be in (0, 1]");
        Map<String, Object> negative = recipe(false);
        negative.put("demonstrations", -1);
        assertThatThrownBy(() -> fixture.config(negative)).hasMessageContaining("method.demonstrations must be >= 0")
                .hasMessageContaining("0 starts from the policy as built");
        Map<String, Object> noPool = recipe(false);
        noPool.put("demonstrations", 0);
        noPool.put("explorationPool", "demonstrations");
        assertThatThrownBy(() -> fixture.config(noPool)).hasMessageContaining("method.explorationPool: demonstrations")
                .hasMessageContaining("method.demonstrations is 0");
        Map<String, Object> similarity = recipe(true);
        similarity.put("anchorSimilarity", 1.5);
        assertThatThrownBy(() -> fixture.config(similarity)).hasMessageContaining("method.anchorSimilarity must be in"
                + " (0, 1]").hasMessageContaining("got 1.5");
        Map<String, Object> withoutStepGroups = recipe(false);
        withoutStepGroups.put("anchorSimilarity", 0.8);
        assertThatThrownBy(() -> fixture.config(withoutStepGroups)).hasMessageContaining("set method.stepGroups: true");
    }
}
