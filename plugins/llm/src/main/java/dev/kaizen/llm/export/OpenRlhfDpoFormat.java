package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.prompt.PromptOptions;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * OpenRLHF's preference format with its default keys ({@code --chosen_key chosen --rejected_key
 * rejected}, no prompt key, {@code --apply_chat_template}): {@code chosen} and {@code rejected} are
 * whole conversations that share every message but the last, which is the action; OpenRLHF's DPO
 * takes {@code chosen[:-1]} as the prompt. {@code margin} carries the pair's margin (read by its
 * reward-model trainer). Step-level pairs only. File: {@code openrlhf-dpo.jsonl}.
 */
@Extension
public final class OpenRlhfDpoFormat extends PreferenceFormat {

    public OpenRlhfDpoFormat() {
        this(PromptOptions.defaults());
    }

    public OpenRlhfDpoFormat(PromptOptions options) {
        super(options, Layout.JSON_LINES);
    }

    @Override
    public String name() {
        return "openrlhf-dpo";
    }

    @Override
    public String description() {
        return "OpenRLHF train_dpo chosen/rejected conversations (default keys, --apply_chat_template), step-level pairs";
    }

    @Override
    protected ObjectNode row(PreferencePair pair) {
        List<ChatMessage> prompt = stepPrompt(pair);
        List<ChatMessage> chosen = new ArrayList<>(prompt);
        chosen.add(stepTurn(pair.chosen()));
        List<ChatMessage> rejected = new ArrayList<>(prompt);
        rejected.add(stepTurn(pair.rejected()));
        ObjectNode row = MAPPER.createObjectNode();
        row.set("chosen", roleContent(chosen));
        row.set("rejected", roleContent(rejected));
        row.put("margin", pair.margin());
        return row;
    }
}
