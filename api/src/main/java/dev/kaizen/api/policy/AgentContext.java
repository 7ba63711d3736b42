package dev.kaizen.api.policy;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a policy knows when it decides: the task, the steps taken so far, the current
 * observation, and any advice retrieved from memory.
 *
 * @param task the task (its instruction is {@code u})
 * @param history the steps taken so far, oldest first
 * @param observation the current observation
 * @param advice retrieved experiences, most similar first; empty without a memory
 */
public record AgentContext(Task task, List<Step> history, Observation observation, List<Advice> advice) {

    public AgentContext {
        requireNonNull(task, "task is null");
        history = List.copyOf(requireNonNull(history, "history is null"));
        requireNonNull(observation, "observation is null");
        advice = advice == null ? List.of() : List.copyOf(advice);
    }

    /** The context at the start of an episode. */
    public static AgentContext start(Task task, Observation observation) {
        return new AgentContext(task, List.of(), observation, List.of());
    }

    /** The step index, i.e. the number of steps taken so far. */
    public int step() {
        return history.size();
    }

    /** This context with the advice replaced. */
    public AgentContext withAdvice(List<Advice> newAdvice) {
        return new AgentContext(task, history, observation, newAdvice);
    }

    /** The context after {@code more} further steps, now at {@code next}; advice is dropped. */
    public AgentContext extend(List<Step> more, Observation next) {
        if (more.isEmpty()) {
            return new AgentContext(task, history, next, List.of());
        }
        List<Step> all = new ArrayList<>(history.size() + more.size());
        all.addAll(history);
        all.addAll(more);
        return new AgentContext(task, all, next, List.of());
    }
}
