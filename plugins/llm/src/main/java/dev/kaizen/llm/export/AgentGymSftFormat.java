package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.prompt.PromptOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * AgentGym's trajectory format (AgentTraj, read by its {@code SFTTrainer}): a JSON array of
 * {@code {"item_id": "<env>_<index>", "conversations": [{"from": "human"|"gpt", "loss": null|false|true,
 * "value"}...]}}. The conversation opens with the instructions (human, {@code loss: null}) and the
 * model's {@code Ok.} ({@code loss: false}); observations are human turns ({@code loss: null}); only
 * the agent's actions have {@code loss: true}. Tasks from the {@code agentgym} environment keep their
 * AgentGym item id. File: {@code agentgym-sft.json}.
 */
@Extension
public final class AgentGymSftFormat extends ConversationFormat {

    public AgentGymSftFormat() {
        this(PromptOptions.defaults());
    }

    public AgentGymSftFormat(PromptOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "agentgym-sft";
    }

    @Override
    public String description() {
        return "AgentGym/AgentTraj conversations with loss flags (true on agent actions only)";
    }

    @Override
    public boolean supervised() {
        return true;
    }

    /** AgentGym's item id for a trajectory's task: {@code <env>_<index>} where the task says so, else its id. */
    static String itemId(Trajectory trajectory) {
        String env = trajectory.task().info().get("env");
        String index = trajectory.task().info().get("dataIdx");
        return env != null && index != null ? env + "_" + index : trajectory.task().id();
    }

    @Override
    public List<Path> write(List<Trajectory> trajectories, List<PreferencePair> pairs, Path directory,
                            String datasetName) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        for (Trajectory trajectory : requireTrajectories(trajectories)) {
            List<ChatMessage> conversation = conversation(trajectory);
            ObjectNode row = MAPPER.createObjectNode();
            row.put("item_id", itemId(trajectory));
            ArrayNode turns = row.putArray("conversations");
            turns.add(turn("human", null, conversation.get(0).content()));
            turns.add(turn("gpt", Boolean.FALSE, "Ok."));
            for (ChatMessage message : conversation.subList(1, conversation.size())) {
                boolean agent = message.role().equals(ChatMessage.ASSISTANT);
                turns.add(turn(agent ? "gpt" : "human", agent ? Boolean.TRUE : null, message.content()));
            }
            rows.add(row);
        }
        return List.of(writeJsonArray(directory.resolve(name() + ".json"), rows));
    }

    private static ObjectNode turn(String from, Boolean loss, String value) {
        ObjectNode turn = MAPPER.createObjectNode();
        turn.put("from", from);
        if (loss == null) {
            turn.putNull("loss");
        } else {
            turn.put("loss", loss);
        }
        turn.put("value", value);
        return turn;
    }
}
