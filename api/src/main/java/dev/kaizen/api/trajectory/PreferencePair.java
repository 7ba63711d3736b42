package dev.kaizen.api.trajectory;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.policy.AgentContext;
import java.util.List;

/**
 * A preference: in {@code context}, the continuation {@code chosen} is better than {@code rejected}.
 *
 * <p>A continuation is a list of steps taken from the context on: its first step's observation is
 * the context's observation, and the context for its step {@code j} is the context's history plus
 * the continuation's steps before {@code j}. Its log-probability under a policy is the sum of
 * {@code log π(a_j | context_j)} over its steps (observations are context, never scored).
 * <ul>
 *   <li>{@link PairLevel#TRAJECTORY}: the context is the task's start; the continuations are whole
 *       trajectories.
 *   <li>{@link PairLevel#STEP}: the context is a history {@code h_t}; each continuation is one step.
 * </ul>
 *
 * @param context where both continuations start
 * @param chosen the preferred continuation (non-empty)
 * @param rejected the other continuation (non-empty)
 * @param level trajectory or step
 * @param margin how much better chosen is (e.g. reward or Q difference), {@code >= 0}
 */
public record PreferencePair(AgentContext context, List<Step> chosen, List<Step> rejected,
                             PairLevel level, double margin) {

    public PreferencePair {
        requireNonNull(context, "context is null");
        chosen = List.copyOf(requireNonNull(chosen, "chosen is null"));
        rejected = List.copyOf(requireNonNull(rejected, "rejected is null"));
        requireNonNull(level, "level is null");
        if (chosen.isEmpty() || rejected.isEmpty()) {
            throw new IllegalArgumentException("chosen and rejected must each have at least one step");
        }
        if (level == PairLevel.STEP && (chosen.size() != 1 || rejected.size() != 1)) {
            throw new IllegalArgumentException("a step-level pair has exactly one chosen and one rejected step");
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and >= 0: " + margin);
        }
    }

    /** A step-level pair: in {@code context}, step {@code chosen} over step {@code rejected}. */
    public static PreferencePair ofSteps(AgentContext context, Step chosen, Step rejected, double margin) {
        return new PreferencePair(context, List.of(chosen), List.of(rejected), PairLevel.STEP, margin);
    }

    /** A trajectory-level pair of two trajectories of the same task. */
    public static PreferencePair ofTrajectories(Trajectory chosen, Trajectory rejected, double margin) {
        if (!chosen.task().id().equals(rejected.task().id())) {
            throw new IllegalArgumentException("trajectories of different tasks: "
                    + chosen.task().id() + " vs " + rejected.task().id());
        }
        return new PreferencePair(chosen.contextAt(0), chosen.steps(), rejected.steps(),
                PairLevel.TRAJECTORY, margin);
    }

    /** The context for step {@code j} of a continuation that starts at {@link #context()}. */
    public static AgentContext contextFor(AgentContext context, List<Step> continuation, int j) {
        return context.extend(continuation.subList(0, j), continuation.get(j).observation());
    }
}
