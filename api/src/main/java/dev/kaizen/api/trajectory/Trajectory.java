package dev.kaizen.api.trajectory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened in one episode.
 *
 * @param task the task
 * @param steps the steps in order; may be empty (e.g. an episode that failed before acting)
 * @param reward the episode's return, the sum of the environment's step rewards (for sparse-reward
 *     environments, the final reward)
 * @param success whether the task was achieved (see {@link #isSuccess(double)})
 * @param source who produced it
 * @param error why the episode ended abnormally (the step limit, a policy with no action, or an
 *     error), else null
 * @param cause set only when the episode errored: it could not be played to its end for a reason
 *     outside the agent's control (see {@link ErrorCause}); such episodes are left out of success
 *     rates. Null for episodes the agent played, whether it succeeded or failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trajectory(Task task, List<Step> steps, double reward, boolean success,
                         TrajectorySource source, String error, ErrorCause cause) {

    /** Rewards at or above this count as success: environments give 1 for a fully achieved task. */
    public static final double SUCCESS_THRESHOLD = 1.0 - 1e-6;

    public Trajectory {
        requireNonNull(task, "task is null");
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        requireNonNull(source, "source is null");
        if (Double.isNaN(reward) || Double.isInfinite(reward)) {
            throw new IllegalArgumentException("reward must be finite: " + reward);
        }
        if (cause != null && error == null) {
            throw new IllegalArgumentException("an errored trajectory needs its error");
        }
    }

    /** A trajectory with no error cause (see {@link #Trajectory(Task, List, double, boolean, TrajectorySource, String, ErrorCause)}). */
    public Trajectory(Task task, List<Step> steps, double reward, boolean success, TrajectorySource source,
                      String error) {
        this(task, steps, reward, success, source, error, null);
    }

    /** A trajectory that ended normally; success follows from the reward. */
    public static Trajectory of(Task task, List<Step> steps, double reward, TrajectorySource source) {
        return new Trajectory(task, steps, reward, isSuccess(reward), source, null, null);
    }

    /**
     * A trajectory the agent failed abnormally (e.g. it reached the step limit or proposed no action):
     * no success, reward 0, the reason recorded. It counts as a failure of the agent.
     */
    public static Trajectory failed(Task task, List<Step> steps, TrajectorySource source, String error) {
        return new Trajectory(task, steps, 0.0, false, source, requireNonNull(error, "error is null"), null);
    }

    /**
     * A trajectory that errored for a reason outside the agent's control: no success, reward 0, the
     * error and its cause recorded. It is left out of success rates and counted apart.
     */
    public static Trajectory errored(Task task, List<Step> steps, TrajectorySource source, ErrorCause cause,
                                     String error) {
        return new Trajectory(task, steps, 0.0, false, source, requireNonNull(error, "error is null"),
                requireNonNull(cause, "cause is null"));
    }

    /** Whether the episode errored (see {@link ErrorCause}). */
    public boolean errored() {
        return cause != null;
    }

    /** Whether an episode reward counts as success ({@code reward >= 1}, within rounding). */
    public static boolean isSuccess(double reward) {
        return reward >= SUCCESS_THRESHOLD;
    }

    /** The number of steps. */
    public int length() {
        return steps.size();
    }

    /** The context the agent acted in at step {@code t}: the task, steps before t, and step t's observation. */
    public AgentContext contextAt(int t) {
        return new AgentContext(task, steps.subList(0, t), steps.get(t).observation(), List.of());
    }

    /** The first {@code maxSteps} steps (the same trajectory if it is not longer). Reward and success are kept. */
    public Trajectory truncate(int maxSteps) {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0: " + maxSteps);
        }
        return steps.size() <= maxSteps ? this
                : new Trajectory(task, steps.subList(0, maxSteps), reward, success, source, error, cause);
    }

    /** This trajectory with per-step rewards replaced (e.g. by a reward model); episode reward kept. */
    public Trajectory withStepRewards(double[] rewards) {
        if (rewards.length != steps.size()) {
            throw new IllegalArgumentException("need " + steps.size() + " step rewards, got " + rewards.length);
        }
        List<Step> relabelled = new ArrayList<>(steps.size());
        for (int i = 0; i < rewards.length; i++) {
            relabelled.add(steps.get(i).withReward(rewards[i]));
        }
        return new Trajectory(task, relabelled, reward, success, source, error, cause);
    }
}
