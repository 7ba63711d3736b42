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
 * TRL's conversational language-modeling format for {@code SFTTrainer}: one row per trajectory,
 * {@code {"messages": [{"role": "system"|"user"|"assistant", "content": ...}, ...]}}; assistant
 * turns are the agent's actions, user turns the observations. Train with
 * {@code assistant_only_loss=True} so that only the actions are learned. File: {@code trl-sft.jsonl}.
 */
@Extension
public final class TrlSftFormat extends ConversationFormat {

    public TrlSftFormat() {
        this(PromptOptions.defaults());
    }

    public TrlSftFormat(PromptOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "trl-sft";
    }

    @Override
    public String description() {
        return "TRL SFTTrainer conversational 'messages' (train with assistant_only_loss=True)";
    }

    @Override
    public boolean supervised() {
        return true;
    }

    @Override
    public List<Path> write(List<Trajectory> trajectories, List<PreferencePair> pairs, Path directory,
                            String datasetName) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        for (Trajectory trajectory : requireTrajectories(trajectories)) {
            ObjectNode row = MAPPER.createObjectNode();
            row.set("messages", roleContent(conversation(trajectory)));
            rows.add(row);
        }
        return List.of(writeJsonLines(directory.resolve(name() + ".jsonl"), rows));
    }
}
