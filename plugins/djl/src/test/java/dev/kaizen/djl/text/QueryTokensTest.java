package dev.kaizen.djl.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTokensTest {

    private static final TextProfile INSTRUCTION = TextProfile.analyse(
            "i need a gluten free, easy to open candy that is sugar free, in x-large size, under $30");

    @Test
    void fillersAreInOrderSubsetsOfTheInstructionsTokens() {
        boolean[] chosen = QueryTokens.align(INSTRUCTION, "gluten free easy to open candy sugar free", 64);
        assertThat(chosen).isNotNull();
        assertThat(QueryTokens.text(INSTRUCTION, chosen)).isEqualTo("gluten free easy to open candy sugar free");
        // "free" appears twice: the alignment keeps both spans contiguous
        assertThat(chosen[4]).isTrue();
        assertThat(chosen[12]).isTrue();
        assertThat(QueryTokens.align(INSTRUCTION, "x-large candy", 64)).isNull();
        assertThat(QueryTokens.align(INSTRUCTION, "candy x-large", 64)).isNotNull();
        assertThat(QueryTokens.align(INSTRUCTION, "Candy", 64)).as("case differs from the written filler").isNull();
        assertThat(QueryTokens.align(INSTRUCTION, "candy  x-large", 64)).as("spacing differs").isNull();
        assertThat(QueryTokens.align(INSTRUCTION, "chocolate", 64)).isNull();
        assertThat(QueryTokens.align(INSTRUCTION, "", 64)).isNull();
        assertThat(QueryTokens.align(INSTRUCTION, "candy", 3)).as("past the token limit").isNull();
    }

    @Test
    void preferContiguousSpans() {
        TextProfile instruction = TextProfile.analyse("free shipping soap that is fragrance free soap");
        boolean[] chosen = QueryTokens.align(instruction, "fragrance free soap", 64);
        assertThat(chosen).containsExactly(false, false, false, false, false, true, true, true);
    }
}
