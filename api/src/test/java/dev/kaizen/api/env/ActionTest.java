package dev.kaizen.api.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void splitsVerbAndArgument() {
        Action action = Action.of("search[red running shoes]");
        assertThat(action.verb()).isEqualTo("search");
        assertThat(action.argument()).isEqualTo("red running shoes");
        assertThat(Action.of("go to desk 1").verb()).isEqualTo("go to desk 1");
        assertThat(Action.of("go to desk 1").argument()).isEmpty();
        assertThat(Action.of("click", "Buy Now")).isEqualTo(Action.of("click[Buy Now]"));
    }

    @Test
    void observationAllowsConcreteActionsAndFilledTemplates() {
        Observation observation = new Observation("page", List.of(Action.of("click[Buy Now]")),
                List.of("search[{}]"), false, 0, Map.of());
        assertThat(observation.allows(Action.of("click[Buy Now]"))).isTrue();
        assertThat(observation.allows(Action.of("search[shoes]"))).isTrue();
        assertThat(observation.allows(Action.of("search[]"))).isFalse();
        assertThat(observation.allows(Action.of("click[Next >]"))).isFalse();
    }

    @Test
    void rejectsTemplatesWithoutOnePlaceholder() {
        assertThatThrownBy(() -> new Observation("x", List.of(), List.of("search[]"), false, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly once");
    }

    @Test
    void splitNamesAreListedWhenUnknown() {
        assertThat(Split.of("unseen")).isEqualTo(Split.UNSEEN);
        assertThatThrownBy(() -> Split.of("test"))
                .hasMessage("unknown split 'test'; allowed: [train, seen, unseen]");
    }
}
