package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void eachIterationTakesItsValueAndTheLastOneRepeats() {
        Schedule schedule = new Schedule("method.schedule", Map.of("beta", List.of(0.1, 0.5), "learningRate",
                List.of(1e-4)));
        assertThat(schedule.at(1)).isEqualTo(Map.of("beta", 0.1, "learningRate", 1e-4));
        assertThat(schedule.at(2)).isEqualTo(Map.of("beta", 0.5, "learningRate", 1e-4));
        assertThat(schedule.at(7)).isEqualTo(Map.of("beta", 0.5, "learningRate", 1e-4));
        assertThat(new Schedule("s", Map.of()).isEmpty()).isTrue();
    }

    @Test
    void rejectsEmptyListsNullValuesAndBadIterations() {
        assertThatThrownBy(() -> new Schedule("method.schedule", Map.of("beta", List.of())))
                .hasMessageContaining("method.schedule.beta must list at least one value");
        assertThatThrownBy(() -> new Schedule("method.schedule", Map.of("beta", Arrays.asList(0.1, null))))
                .hasMessageContaining("must not contain null");
        assertThatThrownBy(() -> new Schedule("method.schedule", Map.of(" ", List.of(1))))
                .hasMessageContaining("blank key");
        assertThatThrownBy(() -> new Schedule("s", Map.of("beta", List.of(1))).at(0))
                .hasMessageContaining("iteration must be >= 1");
    }
}
