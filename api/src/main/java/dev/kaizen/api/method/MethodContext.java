package dev.kaizen.api.method;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;

/**
 * What a {@link TrainingMethod} works with: the recipe's environment and policy, evaluation,
 * resumable stages, and the run directory's trajectory and pair files. The host owns (and closes)
 * the environment and policy.
 *
 * <h2>Stages and resume</h2>
 * A method runs as a sequence of uniquely named stages. When a stage's body returns, the host
 * checkpoints the policy (if {@link Checkpointable}) and every state registered with
 * {@link #persist}, then marks the stage completed. On {@code kaizen run --resume}, a completed
 * stage's body is skipped, and before the first stage that still has to run, the state of the last
 * completed stage is loaded. So a stage must keep everything later stages need in the policy or in
 * persisted state (or recompute it deterministically), and must draw randomness from seeds derived
 * from its name, e.g. {@code seed("iter-2/explore")}.
 */
public interface MethodContext extends ComponentContext {

    /** The recipe's environment. */
    Environment environment();

    /** The recipe's policy; methods train it in place. */
    Policy policy();

    /**
     * Runs a stage, or skips it if a resumed run completed it before.
     *
     * @throws IllegalArgumentException if a stage of that name already ran in this run
     */
    void stage(String name, StageBody body) throws Exception;

    /** Registers state to checkpoint with every stage (e.g. an experience memory). */
    void persist(String name, Checkpointable state);

    /**
     * Evaluates {@code policy} as the recipe's {@code evaluation} section says (splits, episodes,
     * search), records the results for {@code summary.json} and the learning curves, and returns them.
     */
    List<EvaluationResult> evaluate(String stage, Policy policy);

    /** Evaluates with a search other than the recipe's (e.g. MCTS at inference); recorded likewise. */
    List<EvaluationResult> evaluate(EvaluationRequest request);

    /** Appends trajectories to {@code trajectories/NAME.jsonl}. */
    void writeTrajectories(String name, List<Trajectory> trajectories);

    /** Appends preference pairs to {@code pairs/NAME.jsonl}. */
    void writePairs(String name, List<PreferencePair> pairs);
}
