package dev.kaizen.eto;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where a round's exploration tasks come from.
 *
 * <ul>
 *   <li>{@code train} (the default): any training task the method may use (the host holds its
 *       validation tasks out). The policy was not trained on most of them, so this is where it
 *       fails, and where the pairs (ETO) or new successes (RFT) are;
 *   <li>{@code demonstrations}: only the demonstrated tasks, as in the ETO paper. Behaviour cloning
 *       has already fitted them, so most explorations tie with the expert.
 * </ul>
 */
enum ExplorationPool {
    TRAIN, DEMONSTRATIONS;

    /** The recipe's name of a pool; null gives the default. */
    static ExplorationPool of(String name) {
        if (name == null) {
            return TRAIN;
        }
        for (ExplorationPool pool : values()) {
            if (pool.id().equals(name)) {
                return pool;
            }
        }
        throw new IllegalArgumentException("method.explorationPool must be 'train' (any training task; the default)"
                + " or 'demonstrations' (the demonstrated tasks only, as in the ETO paper), got '" + name + "'");
    }

    /** The name used in recipes. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The tasks to explore in one round: the whole pool, or, if {@code limit} is smaller, {@code limit}
     * of its tasks chosen with {@code random}, kept in the pool's order.
     */
    List<Task> tasks(Environment environment, Demonstrations demonstrations, Integer limit, SplittableRandom random) {
        List<Task> pool = this == TRAIN ? environment.tasks(Split.TRAIN) : demonstrations.tasks();
        return choose(pool, limit, random);
    }

    /** {@code limit} tasks of {@code tasks} chosen with {@code random} (all if null or not fewer), in order. */
    static List<Task> choose(List<Task> tasks, Integer limit, SplittableRandom random) {
        if (limit == null || limit >= tasks.size()) {
            return tasks;
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            indices.add(i);
        }
        for (int i = 0; i < limit; i++) {
            int j = i + random.nextInt(indices.size() - i);
            Integer swap = indices.get(i);
            indices.set(i, indices.get(j));
            indices.set(j, swap);
        }
        return indices.subList(0, limit).stream().sorted().map(tasks::get).toList();
    }
}
