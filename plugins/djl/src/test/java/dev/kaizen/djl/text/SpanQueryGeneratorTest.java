package dev.kaizen.djl.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanQueryGeneratorTest {

    private static final String INSTRUCTION =
            "I need gluten free dark chocolate bars with sea salt flavor, pack of 12, under 30.00 dollars";

    @Test
    void runsAreContentWordsBetweenFunctionWordsAndPunctuation() {
        TextProfile profile = TextProfile.analyse(INSTRUCTION);
        List<String> runs = SpanQueryGenerator.runs(profile).stream().map(r -> profile.span(r[0], r[1])).toList();
        assertThat(runs).containsExactly("gluten free dark chocolate bars", "sea salt flavor", "pack", "12",
                "under 30.00 dollars");
    }

    @Test
    void proposalsAreVerbatimUnionsAndNgramsInInstructionOrder() {
        List<SpanQuery> queries = new SpanQueryGenerator(4, 500, 6).generate(TextProfile.analyse(INSTRUCTION));
        List<String> texts = queries.stream().map(SpanQuery::text).toList();
        assertThat(texts).doesNotHaveDuplicates()
                .contains("gluten free dark chocolate bars", "gluten free dark chocolate bars sea salt flavor",
                        "dark chocolate bars", "chocolate bars", "sea salt", "dark chocolate bars sea salt flavor");
        assertThat(texts.get(0)).isEqualTo(
                "gluten free dark chocolate bars sea salt flavor pack 12 under 30.00 dollars");
        for (String text : texts) {
            for (String word : text.split(" ")) {
                assertThat(INSTRUCTION.toLowerCase()).contains(word);
            }
        }
        SpanQuery union = queries.get(texts.indexOf("gluten free dark chocolate bars sea salt flavor"));
        assertThat(union.spans()).isEqualTo(2);
        assertThat(union.words()).isEqualTo(8);
    }

    @Test
    void theCapHolds() {
        assertThat(new SpanQueryGenerator(4, 10, 6).generate(TextProfile.analyse(INSTRUCTION))).hasSize(10);
        assertThat(new SpanQueryGenerator(4, 10, 6).generate(TextProfile.analyse("the a of"))).isEmpty();
        assertThatThrownBy(() -> new SpanQueryGenerator(0, 10, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
