package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.prompt.PromptOptions;
import java.util.List;
import org.pf4j.Extension;

/**
 * The pair file of ETO's trainer ({@code construct_preference.py} writes it, {@code train_dpo.py}
 * reads it): a JSON array of {@code {"id", "prompt": [...], "chosen": [...], "rejected": [...]}} where
 * every list holds {@code {"from": "human"|"gpt", "value"}} turns. The prompt is the instruction turn,
 * the model's {@code OK}, and the first observation; chosen and rejected continue with alternating
 * actions and observations and end with an action (ETO masks the human turns). Trajectory-level pairs
 * are ETO's own; step-level pairs are written with the history in the prompt and one action each.
 * File: {@code eto-trajectory-pairs.json}.
 */
@Extension
public final class EtoTrajectoryPairsFormat extends PreferenceFormat {

    public EtoTrajectoryPairsFormat() {
        this(PromptOptions.defaults());
    }

    public EtoTrajectoryPairsFormat(PromptOptions options) {
        super(options, Layout.JSON_ARRAY);
    }

    @Override
    public String name() {
        return "eto-trajectory-pairs";
    }

    @Override
    public String description() {
        return "ETO's preference file (id, prompt, chosen, rejected as from/value turns); trajectory- and step-level";
    }

    /** Every pair, trajectory- and step-level. */
    @Override
    protected List<PreferencePair> selectPairs(List<PreferencePair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(name() + " writes preference pairs and the data holds none; run a "
                    + "method that writes pairs/*.jsonl (eto, agentq, stepagent) first");
        }
        return pairs;
    }

    @Override
    protected ObjectNode row(PreferencePair pair) {
        List<ChatMessage> chosen;
        List<ChatMessage> rejected;
        List<ChatMessage> context;
        String id;
        if (pair.level() == PairLevel.TRAJECTORY) {
            TrajectoryTurns turns = trajectoryTurns(pair);
            context = turns.context();
            chosen = turns.chosen();
            rejected = turns.rejected();
            id = pair.context().task().id();
        } else {
            context = stepPrompt(pair);
            chosen = List.of(stepTurn(pair.chosen()));
            rejected = List.of(stepTurn(pair.rejected()));
            id = pair.context().task().id() + "@" + pair.context().step();
        }
        ObjectNode row = MAPPER.createObjectNode();
        row.put("id", id);
        ArrayNode promptTurns = row.putArray("prompt");
        promptTurns.add(fromValue(ChatMessage.user(context.get(0).content())));
        promptTurns.add(fromValue(ChatMessage.assistant("OK")));
        context.subList(1, context.size()).forEach(m -> promptTurns.add(fromValue(m)));
        ArrayNode chosenTurns = row.putArray("chosen");
        chosen.forEach(m -> chosenTurns.add(fromValue(m)));
        ArrayNode rejectedTurns = row.putArray("rejected");
        rejected.forEach(m -> rejectedTurns.add(fromValue(m)));
        return row;
    }
}
