package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.llm.prompt.PromptOptions;
import java.util.List;
import org.pf4j.Extension;

/**
 * TRL's conversational preference format for {@code DPOTrainer}, one row per trajectory-level pair
 * (ETO's pairs): {@code {"prompt": [system, user, ...], "chosen": [assistant, user, assistant, ...],
 * "rejected": [...]}}. The prompt is the {@code llm} policy's conversation up to the first action
 * that differs (the task, the first observation, and any shared steps); chosen and rejected continue
 * with alternating actions and the observations they led to, and end with an action.
 *
 * <p>What is trained: TRL applies the chat template to prompt + continuation and takes the loss over
 * every token of the continuation, the observation turns inside it included. ETO's own trainer masks
 * those turns ({@code eto-trajectory-pairs}); TRL has no such mask, so here the observations a
 * trajectory led to count as part of what is preferred. Step-level pairs go to {@code trl-dpo}.
 * File: {@code trl-dpo-trajectory.jsonl}.
 */
@Extension
public final class TrlDpoTrajectoryFormat extends PreferenceFormat {

    public TrlDpoTrajectoryFormat() {
        this(PromptOptions.defaults());
    }

    public TrlDpoTrajectoryFormat(PromptOptions options) {
        super(options, Layout.JSON_LINES);
    }

    @Override
    public String name() {
        return "trl-dpo-trajectory";
    }

    @Override
    public String description() {
        return "TRL DPOTrainer conversational prompt/chosen/rejected, trajectory-level pairs (ETO's)";
    }

    /** The trajectory-level pairs. */
    @Override
    protected List<PreferencePair> selectPairs(List<PreferencePair> pairs) {
        List<PreferencePair> whole = pairs.stream().filter(p -> p.level() == PairLevel.TRAJECTORY).toList();
        if (whole.isEmpty()) {
            throw new IllegalArgumentException(name() + " writes trajectory-level pairs (eto writes them) and the data "
                    + "holds " + (pairs.isEmpty() ? "no pairs" : pairs.size() + " step-level pairs only; export those "
                    + "with trl-dpo"));
        }
        return whole;
    }

    @Override
    protected ObjectNode row(PreferencePair pair) {
        TrajectoryTurns turns = trajectoryTurns(pair);
        ObjectNode row = MAPPER.createObjectNode();
        row.set("prompt", roleContent(turns.context()));
        row.set("chosen", roleContent(turns.chosen()));
        row.set("rejected", roleContent(turns.rejected()));
        return row;
    }
}
