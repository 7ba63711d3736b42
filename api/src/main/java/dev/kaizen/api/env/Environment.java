package dev.kaizen.api.env;

import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An environment: a fixed set of tasks per split, and episodes that run them.
 *
 * <h2>What the methods rely on</h2>
 * <ul>
 *   <li><b>Reward and success.</b> An episode's reward is the sum of its step rewards, and it
 *       succeeds when that sum is at least {@link dev.kaizen.api.trajectory.Trajectory#SUCCESS_THRESHOLD}
 *       (1 − 1e−6). Give 1 for a fully achieved task; partial credit must stay below 1 in total, and is
 *       best given at the end (a step reward that a later failure cannot take back makes a failed
 *       episode look like progress to every method that compares rewards).
 *   <li><b>Splits.</b> {@code train} should have many more tasks than the demonstrations a recipe
 *       asks for: ETO, RFT and StepAgent learn on training tasks beyond the demonstrations, and the
 *       host holds the last {@code evaluation.validation} of them (default 300, at most a quarter)
 *       out of every method to choose the stage a run keeps. {@code seen} comes from the training
 *       distribution; {@code unseen} from parts held out of training.
 *   <li><b>An expert</b> ({@link #demonstration}) is what behaviour cloning, ETO's and StepAgent's
 *       chosen side and the warm-ups of every shipped recipe need. Without one, start methods from a
 *       checkpoint; ETO then prefers the policy's own successes on a task to its failures.
 *   <li><b>Snapshots</b> ({@link Episode#snapshot()}) let MCTS (AgentQ) branch without replaying;
 *       without them it replays action prefixes from a reset, which needs deterministic episodes.
 *   <li><b>Similarity</b> ({@link #observationSimilarity}) is how an experience memory (Rememberer)
 *       finds records of the same situation; the default compares words, so give one that ignores
 *       what varies between otherwise equal states (object numbers, the order of a list).
 * </ul>
 * {@code docs/ENVIRONMENTS.md} says more, and what each method does when a piece is missing.
 *
 * <p>Implementations are thread-safe: episodes of the same environment may be created and stepped
 * concurrently. The creator closes the environment after all its episodes are closed.
 */
public interface Environment extends AutoCloseable {

    /** The tasks of a split, in a stable order (the same config always gives the same list). */
    List<Task> tasks(Split split);

    /**
     * Starts an episode of {@code task}. Environments with randomness draw it from {@code seed}.
     *
     * @throws IllegalArgumentException if the task is not one of this environment's
     */
    Episode reset(Task task, long seed);

    /**
     * An expert demonstration of {@code task}, if this environment has an expert. The trajectory's
     * source is {@code expert}. The expert may read ground truth the agent never sees.
     */
    default Optional<Trajectory> demonstration(Task task) {
        return Optional.empty();
    }

    /**
     * How many actions an episode may take before it ends unsolved, if the environment has such a
     * limit (shown to a person playing it); empty by default.
     */
    default OptionalInt stepLimit() {
        return OptionalInt.empty();
    }

    /**
     * The most episodes of this environment that may be open at once (reset and not yet closed), if
     * it holds something scarce per episode, e.g. an instance on a remote server; empty (no limit) by
     * default. The host's rollout engine then opens no more than this many, and no more than its
     * {@code rollout.threads}, at a time, and closes each episode as soon as it ends; without a limit it
     * opens every episode of a request at once. Parts that open episodes themselves should keep to it.
     */
    default OptionalInt maxOpenEpisodes() {
        return OptionalInt.empty();
    }

    /** How to compare two of this environment's observations (used by experience memories). */
    default ObservationSimilarity observationSimilarity() {
        return ObservationSimilarity.textOverlap();
    }

    @Override
    default void close() {
    }
}
