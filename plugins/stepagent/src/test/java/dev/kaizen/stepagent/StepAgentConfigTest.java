package dev.kaizen.stepagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.stepagent.inspection.Agreement;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepAgentConfigTest {

    private final FakeComponentContext context = new FakeComponentContext(1, Path.of("."))
            .register(new StepAgentFactory(), new dev.kaizen.stepagent.fakes.FakeDpoFactory(
                    new dev.kaizen.stepagent.fakes.Recorder()));

    private StepAgentConfig read(Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("type", "stepagent");
        return (StepAgentConfig) context.config(TrainingMethodConfig.class, all);
    }

    @Test
    void fillsDefaults() {
        StepAgentConfig config = read(Map.of());

        assertThat(config.reflection()).isEqualTo(Reflection.IMPLICIT);
        assertThat(config.demonstrations()).isEqualTo(1000);
        assertThat(config.iterations()).isEqualTo(2);
        assertThat(config.checkpoint()).isNull();
        assertThat(config.inspection()).isEqualTo(new InspectionSettings(1.0, 1, 256, Agreement.NORMALIZED, 1000));
        assertThat(config.exploration()).isEqualTo(new ExplorationSettings(1000, 1, 1.0));
        assertThat(config.optimizerSchedule()).isEmpty();
        assertThat(config.aggregate()).isTrue();
        assertThat(config.restart()).isFalse();
        assertThat(config.optimizerOverrides(3)).isEmpty();
        assertThat(StepAgentConfig.defaultOptimizer(Reflection.IMPLICIT)).isEqualTo("dpo");
        assertThat(StepAgentConfig.defaultOptimizer(Reflection.INVERSE)).isEqualTo("ppo");
    }

    @Test
    void explorationTasksFollowDemonstrationsUnlessGiven() {
        assertThat(read(Map.of("demonstrations", 40)).exploration().tasks()).isEqualTo(40);
        assertThat(read(Map.of("demonstrations", 40, "exploration", Map.of("tasks", 7))).exploration().tasks())
                .isEqualTo(7);
    }

    @Test
    void theLastScheduleEntryHoldsForLaterIterations() {
        StepAgentConfig config = read(Map.of("optimizerSchedule", List.of(Map.of(), Map.of("beta", 0.5))));
        assertThat(config.optimizerOverrides(1)).isEmpty();
        assertThat(config.optimizerOverrides(2)).containsExactly(Map.entry("beta", 0.5));
        assertThat(config.optimizerOverrides(5)).containsExactly(Map.entry("beta", 0.5));
    }

    @Test
    void rejectsBadValuesNamingTheFieldAndWhatIsAllowed() {
        assertBad(Map.of("reflection", "gail"), "unknown reflection 'gail'; allowed: [implicit, inverse]");
        assertBad(Map.of("iterations", 0), "iterations must be >= 1, got 0");
        assertBad(Map.of("demonstrations", -3), "demonstrations must be >= 1");
        assertBad(Map.of("checkpoint", " "), "checkpoint must be a directory path or left out");
        assertBad(Map.of("inspection", Map.of("temperature", -1.0)), "inspection.temperature must be finite and >= 0");
        assertBad(Map.of("inspection", Map.of("samples", 0)), "inspection.samples must be >= 1, got 0");
        assertBad(Map.of("inspection", Map.of("batchSize", 0)), "inspection.batchSize must be >= 1, got 0");
        assertBad(Map.of("inspection", Map.of("tasks", 0)), "inspection.tasks must be >= 1");
        assertBad(Map.of("inspection", Map.of("agreement", "fuzzy")),
                "unknown agreement 'fuzzy'; allowed: [exact, normalized]");
        assertBad(Map.of("exploration", Map.of("tasks", 0)), "exploration.tasks must be >= 1, got 0");
        assertBad(Map.of("exploration", Map.of("samples", 0)), "exploration.samples must be >= 1, got 0");
        assertBad(Map.of("exploration", Map.of("temperature", -0.5)), "exploration.temperature must be finite");
        assertBad(Map.of("iteratons", 3), "iteratons");
        assertBad(Map.of("restart", true, "aggregate", false), "restart: true needs aggregate: true");
        assertBad(Map.of("preference", Map.of("type", "dpo")), "preference applies to reflection: inverse only");
        assertBad(Map.of("inspection", Map.of("temprature", 1.0)), "temprature");
        List<Map<String, Object>> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertBad(Map.of("optimizerSchedule", withNull), "optimizerSchedule[0] is null; use {} for no change");
    }

    private void assertBad(Map<String, Object> fields, String message) {
        assertThatThrownBy(() -> read(fields))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
