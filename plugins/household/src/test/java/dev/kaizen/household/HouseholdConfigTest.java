package dev.kaizen.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HouseholdConfigTest {

    private static HouseholdConfig with(String field, Object value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", "household");
        fields.put(field, value);
        return (HouseholdConfig) new FakeComponentContext(1, Path.of(".")).register(new HouseholdFactory())
                .config(EnvironmentConfig.class, fields);
    }

    @Test
    void defaultsMatchTheDocumentedHousehold() {
        HouseholdConfig config = new HouseholdConfig();
        assertThat(config.seed()).isEqualTo(1L);
        assertThat(List.of(config.train(), config.seen(), config.unseen(), config.maxSteps()))
                .containsExactly(3000, 500, 500, 50);
        assertThat(List.of(config.objects(), config.layouts(), config.unseenLayouts())).containsExactly(20, 10, 2);
        assertThat(config.unseenPairings()).isEqualTo(0.2);
        assertThat(config.families()).containsExactly("pick-and-place", "clean-and-place", "heat-and-place",
                "cool-and-place", "look-in-light", "pick-two-and-place");
        assertThat(with("objects", 30).objects()).isEqualTo(30);
        assertThat(with("objects", 30).train()).isEqualTo(3000);
    }

    @Test
    void badValuesAreRejectedWithTheFieldTheValueAndWhatIsAllowed() {
        assertBad("train", -1, "train must be >= 0, got -1");
        assertBad("seen", -5, "seen must be >= 0, got -5");
        assertBad("unseen", -2, "unseen must be >= 0, got -2");
        assertBad("maxSteps", 9, "maxSteps must be at least 10");
        assertBad("objects", 4, "objects must be in 5..60, got 4");
        assertBad("objects", 61, "objects must be in 5..60, got 61");
        assertBad("layouts", 1, "layouts must be in 2..50, got 1");
        assertBad("unseenLayouts", 0, "unseenLayouts must be in 1..9, got 0");
        assertBad("unseenLayouts", 10, "unseenLayouts must be in 1..9, got 10");
        assertBad("unseenPairings", 0.0, "unseenPairings must be more than 0 and less than 1, got 0.0");
        assertBad("unseenPairings", 1.0, "unseenPairings must be more than 0 and less than 1, got 1.0");
        assertBad("families", List.of(), "families must name at least one of [pick-and-place");
        assertBad("families", List.of("pick-and-place", "juggle"),
                "families: unknown task family 'juggle'; known: [pick-and-place, clean-and-place");
        assertBad("families", List.of("look-in-light", "look-in-light"), "'look-in-light' is listed twice");
    }

    @Test
    void errorsAreIllegalArgumentExceptions() {
        assertThatThrownBy(() -> new HouseholdConfig(null, -1, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("train must be >= 0, got -1");
        assertThatThrownBy(() -> new HouseholdConfig(null, null, null, null, null, null, 4, 4, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unseenLayouts must be in 1..3, got 4");
    }

    @Test
    void unknownAndMistypedFieldsAreRejectedByName() {
        assertThatThrownBy(() -> with("objcts", 10)).hasMessageContaining("objcts");
        assertThatThrownBy(() -> with("objects", "many")).hasMessageContaining("many");
    }

    private static void assertBad(String field, Object value, String message) {
        assertThatThrownBy(() -> with(field, value)).as(field).hasMessageContaining(message);
    }
}
