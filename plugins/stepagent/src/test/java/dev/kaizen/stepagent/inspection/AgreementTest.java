package dev.kaizen.stepagent.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void exactComparesTheWholeText() {
        assertThat(Agreement.EXACT.agrees(Action.of("click[Buy Now]"), Action.of("click[Buy Now]"))).isTrue();
        assertThat(Agreement.EXACT.agrees(Action.of("click[Buy Now]"), Action.of("click[buy now]"))).isFalse();
    }

    @Test
    void normalizedIgnoresCaseAndSpacing() {
        assertThat(Agreement.NORMALIZED.agrees(Action.of("search[Red  Shoes ]"), Action.of("search[red shoes]")))
                .isTrue();
        assertThat(Agreement.NORMALIZED.agrees(Action.of("Click[ Buy Now]"), Action.of("click[buy now]"))).isTrue();
        assertThat(Agreement.NORMALIZED.agrees(Action.of("search[red shoes]"), Action.of("search[red shoe]")))
                .isFalse();
        assertThat(Agreement.NORMALIZED.agrees(Action.of("click[+1]"), Action.of("enter[+1]"))).isFalse();
        assertThat(Agreement.NORMALIZED.agrees(Action.of("go  to Desk 1"), Action.of("go to desk 1"))).isTrue();
    }

    @Test
    void parsesRecipeValuesAndListsTheAllowedOnes() {
        assertThat(Agreement.of("normalized")).isEqualTo(Agreement.NORMALIZED);
        assertThatThrownBy(() -> Agreement.of("fuzzy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown agreement 'fuzzy'; allowed: [exact, normalized]");
    }
}
