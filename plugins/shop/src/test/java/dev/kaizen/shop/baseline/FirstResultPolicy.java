package dev.kaizen.shop.baseline;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.shop.page.Storefront;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule baseline: search the whole instruction, click the first result, buy with the options
 * as they are (none selected).
 */
public final class FirstResultPolicy implements Policy {

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        List<Decision> decisions = new ArrayList<>(contexts.size());
        for (AgentContext context : contexts) {
            String page = context.observation().info().get("page");
            Action action = switch (page) {
                case "search" -> Action.of("search", context.task().instruction());
                case "results" -> firstProduct(context.observation().actions());
                default -> Storefront.BUY_NOW;
            };
            decisions.add(Decision.of(action, 0.0));
        }
        return decisions;
    }

    private static Action firstProduct(List<Action> actions) {
        for (Action action : actions) {
            if (action.argument().startsWith("B0")) {
                return action;
            }
        }
        return Storefront.BACK_TO_SEARCH;
    }
}
