package dev.kaizen.eto;

import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Optional;

/**
 * The chosen side of ETO's pairs on a task the environment's expert cannot demonstrate: the policy's
 * own best successful exploration of that task (highest reward, then fewest steps, then the first),
 * against the task's other explorations. Without a success there is nothing to prefer, so no pair.
 */
final class SelfPairing {

    private SelfPairing() {
    }

    /** The best successful, normally ended trajectory with steps, if any. */
    static Optional<Trajectory> bestSuccess(List<Trajectory> trials) {
        Trajectory best = null;
        for (Trajectory t : trials) {
            if (!t.success() || t.error() != null || t.steps().isEmpty()) {
                continue;
            }
            if (best == null || t.reward() > best.reward()
                    || t.reward() == best.reward() && t.length() < best.length()) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The trials other than {@code chosen} (by identity), in order. */
    static List<Trajectory> others(List<Trajectory> trials, Trajectory chosen) {
        return trials.stream().filter(t -> t != chosen).toList();
    }
}
