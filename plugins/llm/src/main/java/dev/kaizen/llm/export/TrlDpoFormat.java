package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.llm.prompt.PromptOptions;
import java.util.List;
import org.pf4j.Extension;

/**
 * TRL's conversational preference format for {@code DPOTrainer}, one row per step-level pair:
 * {@code {"prompt": [system, user, assistant, ..., user], "chosen": [{"role": "assistant", ...}],
 * "rejected": [{"role": "assistant", ...}]}}. The prompt is the {@code llm} policy's conversation for
 * the pair's context; chosen and rejected are single actions. Trajectory-level pairs are rejected
 * (their continuations would contain observations). File: {@code trl-dpo.jsonl}.
 */
@Extension
public final class TrlDpoFormat extends PreferenceFormat {

    public TrlDpoFormat() {
        this(PromptOptions.defaults());
    }

    public TrlDpoFormat(PromptOptions options) {
        super(options, Layout.JSON_LINES);
    }

    @Override
    public String name() {
        return "trl-dpo";
    }

    @Override
    public String description() {
        return "TRL DPOTrainer conversational prompt/chosen/rejected, step-level pairs";
    }

    @Override
    protected ObjectNode row(PreferencePair pair) {
        ObjectNode row = MAPPER.createObjectNode();
        row.set("prompt", roleContent(stepPrompt(pair)));
        row.set("chosen", roleContent(List.of(stepTurn(pair.chosen()))));
        row.set("rejected", roleContent(List.of(stepTurn(pair.rejected()))));
        return row;
    }
}
