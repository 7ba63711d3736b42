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
    void templatesMatchIgnoringCaseAndMayHaveSeveralSlots() {
        Observation observation = new Observation("room", List.of(), List.of("put {} in {}", "Search[{}]"), false, 0,
                Map.of());
        assertThat(observation.allows(Action.of("put mug in cabinet 2"))).isTrue();
        assertThat(observation.allows(Action.of("Put Mug In Cabinet 2"))).isTrue();
        assertThat(observation.allows(Action.of("search[shoes]"))).isTrue();
        // a slot holds at least one character, and the literal parts must come in order
        assertThat(observation.allows(Action.of("put  in cabinet"))).isFalse();
        assertThat(observation.allows(Action.of("put mug in "))).isFalse();
        assertThat(observation.allows(Action.of("put mug on cabinet"))).isFalse();
        // the separator may recur inside a slot: the first place that leaves the rest a fit is found
        assertThat(observation.allows(Action.of("put tin in tray in drawer"))).isTrue();
        Observation three = new Observation("x", List.of(), List.of("move {} from {} to {}"), false, 0, Map.of());
        assertThat(three.allows(Action.of("move box from a to b"))).isTrue();
        assertThat(three.allows(Action.of("move box to b from a"))).isFalse();
    }

    @Test
    void rejectsTemplatesWithoutAPlaceholder() {
        assertThatThrownBy(() -> new Observation("x", List.of(), List.of("search[]"), false, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one '{}' slot");
    }

    @Test
    void splitNamesAreListedWhenUnknown() {
        assertThat(Split.of("unseen")).isEqualTo(Split.UNSEEN);
        assertThatThrownBy(() -> Split.of("test"))
                .hasMessage("unknown split 'test'; allowed: [train, seen, unseen]");
    }
}
