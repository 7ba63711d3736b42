package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.method.TrainingMethodConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path directory;

    private TrainingMethodConfig read(Map<String, ?> fields) {
        return new Fixture(1, directory).config(fields);
    }

    private static Map<String, Object> eto(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("type", "eto");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void etoDefaultsFollowThePaper() {
        EtoConfig config = (EtoConfig) read(Map.of("type", "eto"));
        assertThat(config).isEqualTo(new EtoConfig());
        assertThat(config.iterations()).isEqualTo(3);
        assertThat(config.truncationSlack()).isEqualTo(5);
        assertThat(config.schedule()).isEqualTo(Map.of("beta", List.of(0.1, 0.5)));
        assertThat(config.demonstrations()).isEqualTo(WarmStart.DEFAULT_DEMONSTRATIONS);
        assertThat(config.diagnostics()).isTrue();
        assertThat(config.explorationTasks()).isEqualTo(WarmStart.DEFAULT_EXPLORATION_TASKS);
        assertThat(config.explorationPool()).isEqualTo("train");
        assertThat(config.checkpoint()).isNull();
    }

    @Test
    void rftDefaults() {
        RftConfig config = (RftConfig) read(Map.of("type", "rft"));
        assertThat(config).isEqualTo(new RftConfig());
        assertThat(config.iterations()).isEqualTo(1);
        assertThat(config.includeDemonstrations()).isTrue();
        assertThat(config.minReward()).isEqualTo(1.0);
        assertThat(config.schedule()).isEmpty();
    }

    @Test
    void defaultPartsAreBuiltByNameAndAMissingOneIsNamed() {
        Fixture fixture = new Fixture(1, directory);
        // bc, sample and none are registered; dpo is not (the tests' preference optimiser is tabular-dpo)
        assertThatThrownBy(() -> fixture.context.create(fixture.config(Map.of("type", "eto"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method.dpo is not set and its default {type: dpo} cannot be built");
        assertThat(fixture.context.create(fixture.config(eto("dpo", Map.of("type", "tabular-dpo")))))
                .isInstanceOf(EtoMethod.class);
        assertThat(fixture.context.create(fixture.config(Map.of("type", "rft")))).isInstanceOf(RftMethod.class);
    }

    @Test
    void badEtoFieldsNameTheFieldAndWhatIsAllowed() {
        assertThatThrownBy(() -> read(eto("iterations", 0)))
                .hasMessageContaining("method.iterations must be >= 1").hasMessageContaining("got 0");
        assertThatThrownBy(() -> read(eto("demonstrations", 0)))
                .hasMessageContaining("method.demonstrations must be >= 1");
        assertThatThrownBy(() -> read(eto("truncationSlack", -1)))
                .hasMessageContaining("method.truncationSlack must be >= 0").hasMessageContaining("got -1");
        assertThatThrownBy(() -> read(eto("explorationTasks", 0)))
                .hasMessageContaining("method.explorationTasks must be >= 1").hasMessageContaining("got 0");
        assertThatThrownBy(() -> read(eto("explorationPool", "seen")))
                .hasMessageContaining("method.explorationPool must be 'train'").hasMessageContaining("got 'seen'");
        assertThatThrownBy(() -> read(eto("checkpoint", " ")))
                .hasMessageContaining("method.checkpoint must name a checkpoint directory");
        assertThatThrownBy(() -> read(eto("schedule", Map.of("beta", List.of()))))
                .hasMessageContaining("method.schedule.beta must list at least one value");
        assertThatThrownBy(() -> read(eto("iteratons", 2))).hasMessageContaining("iteratons");
        assertThatThrownBy(() -> read(eto("explorer", Map.of("type", "sampel"))))
                .hasMessageContaining("sampel");
    }

    @Test
    void aScheduleThePreferenceOptimiserCannotTakeFailsBeforeAnyWork() {
        Fixture fixture = new Fixture(1, directory);
        Map<String, Object> dpo = Map.of("type", "tabular-dpo");
        assertThatThrownBy(() -> fixture.context.create(fixture.config(eto("dpo", dpo,
                "schedule", Map.of("gamma", List.of(0.9))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method.schedule at iteration 1 sets {gamma=0.9}")
                .hasMessageContaining("gamma");
        // the third iteration's value is invalid for the optimiser: caught up front too
        assertThatThrownBy(() -> fixture.context.create(fixture.config(eto("dpo", dpo,
                "schedule", Map.of("beta", List.of(0.1, 0.5, -1.0))))))
                .hasMessageContaining("method.schedule at iteration 3")
                .hasMessageContaining("beta must be > 0");
        assertThat(fixture.bc.calls).isEmpty();
    }

    @Test
    void badRftFieldsNameTheField() {
        assertThatThrownBy(() -> read(Map.of("type", "rft", "minReward", 0.0)))
                .hasMessageContaining("method.minReward must be in (0, 1]");
        assertThatThrownBy(() -> read(Map.of("type", "rft", "minReward", 1.5)))
                .hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> read(Map.of("type", "rft", "iterations", -2)))
                .hasMessageContaining("method.iterations must be >= 1");
        Fixture fixture = new Fixture(1, directory);
        assertThatThrownBy(() -> fixture.context.create(fixture.config(Map.of("type", "rft",
                "schedule", Map.of("epochs", List.of(0))))))
                .hasMessageContaining("method.schedule at iteration 1").hasMessageContaining("epochs must be >= 1");
    }
}
