package dev.kaizen.llm.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionParserTest {

    private final Observation page = new Observation("page", List.of(Action.of("click[Buy Now]"),
            Action.of("click[< Prev]")), List.of("search[{}]"), false, 0, Map.of());

    @Test
    void readsTheActionLine() {
        String reply = "Thought: the item fits.\nAction: click[Buy Now]";
        ActionParser.Parsed parsed = ActionParser.parse(reply, page);
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.action()).isEqualTo(Action.of("click[Buy Now]"));
        assertThat(reply.substring(parsed.start(), parsed.end())).isEqualTo("click[Buy Now]");
    }

    @Test
    void acceptsFilledTemplatesAndTheActionOnTheNextLine() {
        ActionParser.Parsed parsed = ActionParser.parse("Thought:\nI search.\n\nAction:\nsearch[red shoes]\n", page);
        assertThat(parsed.action()).isEqualTo(Action.of("search[red shoes]"));
        assertThat(parsed.valid()).isTrue();
    }

    @Test
    void forgivesQuotesTrailingPeriodsCaseAndMarkdown() {
        assertThat(ActionParser.parse("Action: `click[Buy Now]`", page).action()).isEqualTo(Action.of("click[Buy Now]"));
        assertThat(ActionParser.parse("Action: click[Buy Now].", page).action()).isEqualTo(Action.of("click[Buy Now]"));
        assertThat(ActionParser.parse("action: click[buy now]", page).action()).isEqualTo(Action.of("click[Buy Now]"));
        assertThat(ActionParser.parse("**Action:** click[Buy Now]", page).valid()).isTrue();
    }

    @Test
    void reportsWhatWasWrong() {
        ActionParser.Parsed none = ActionParser.parse("I would buy it.", page);
        assertThat(none.valid()).isFalse();
        assertThat(none.error()).isEqualTo("the reply has no line starting with 'Action:'");
        assertThat(none.action()).isEqualTo(Action.of("I would buy it."));

        ActionParser.Parsed wrong = ActionParser.parse("Action: click[Add to Cart]", page);
        assertThat(wrong.valid()).isFalse();
        assertThat(wrong.error()).isEqualTo("'click[Add to Cart]' is not a valid action here");
        assertThat(wrong.action()).isEqualTo(Action.of("click[Add to Cart]"));
        assertThat(ActionParser.repairRequest(wrong)).contains("click[Add to Cart]").contains("Action: <action>");

        assertThat(ActionParser.parse("", page).error()).isEqualTo("the reply was empty");
        assertThat(ActionParser.parse("Action:   ", page).error()).contains("names no action");
        assertThat(ActionParser.parse("Action: search[]", page).valid()).isFalse();
    }

    @Test
    void takesTheFirstActionLine() {
        ActionParser.Parsed parsed = ActionParser.parse("Action: click[< Prev]\nObservation: ...\nAction: click[Buy Now]", page);
        assertThat(parsed.action()).isEqualTo(Action.of("click[< Prev]"));
    }
}
