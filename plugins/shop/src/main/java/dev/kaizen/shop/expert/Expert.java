package dev.kaizen.shop.expert;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.shop.goal.Goal;
import dev.kaizen.shop.page.ShopEpisode;
import dev.kaizen.shop.page.Storefront;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's expert: a shopper who knows which product to buy. It reads the goal's ground truth
 * (the target and the option values), which the agent never sees, and then acts only through the
 * page actions any agent has:
 * <ol>
 *   <li>{@code search[query]} with the goal's expert query (the type and attribute phrases of the
 *       instruction, verbatim, in order);
 *   <li>{@code click[Next >]} until the page that lists the target;
 *   <li>{@code click[TARGET-ID]};
 *   <li>{@code click[value]} for each option value the goal names, in instruction order;
 *   <li>{@code click[Buy Now]}.
 * </ol>
 * Thread-safe (stateless apart from the shared, thread-safe store).
 */
public final class Expert {

    private final Storefront store;

    public Expert(Storefront store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** The expert's actions for {@code goal}, in order. */
    public List<Action> plan(Goal goal) {
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of("search", goal.query()));
        int rank = store.index().search(goal.query()).rankOf(goal.target());
        if (rank < 0) {
            throw new IllegalStateException("the expert query '" + goal.query() + "' does not find the target of '"
                    + goal.instruction() + "'");
        }
        for (int page = 0; page < rank / Storefront.PAGE_SIZE; page++) {
            actions.add(Storefront.NEXT);
        }
        actions.add(store.productAction(goal.target()));
        for (Goal.GoalOption option : goal.options()) {
            actions.add(Action.of("click", option.value()));
        }
        actions.add(Storefront.BUY_NOW);
        return actions;
    }

    /** Runs the plan in a fresh episode and records it as an expert trajectory. */
    public Trajectory demonstrate(Task task, Goal goal) {
        List<Step> steps = new ArrayList<>();
        try (ShopEpisode episode = new ShopEpisode(store, task, goal)) {
            double reward = 0;
            for (Action action : plan(goal)) {
                Observation before = episode.observation();
                Observation after = episode.step(action);
                steps.add(new Step(before, action, after.reward()));
                reward += after.reward();
                if (after.done()) {
                    break;
                }
            }
            return Trajectory.of(task, steps, reward, TrajectorySource.EXPERT);
        }
    }
}
