package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.prompt.PromptOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
public final class TrlDpoFormat extends ConversationFormat {

    public TrlDpoFormat() {
        this(PromptOptions.defaults());
    }

    public TrlDpoFormat(PromptOptions options) {
        super(options);
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
    public boolean supervised() {
        return false;
    }

    @Override
    public List<Path> write(List<Trajectory> trajectories, List<PreferencePair> pairs, Path directory,
                            String datasetName) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        for (PreferencePair pair : requireStepPairs(pairs)) {
            ObjectNode row = MAPPER.createObjectNode();
            row.set("prompt", roleContent(stepPrompt(pair)));
            row.set("chosen", roleContent(List.of(stepTurn(pair.chosen()))));
            row.set("rejected", roleContent(List.of(stepTurn(pair.rejected()))));
            rows.add(row);
        }
        return List.of(writeJsonLines(directory.resolve(name() + ".jsonl"), rows));
    }
}
