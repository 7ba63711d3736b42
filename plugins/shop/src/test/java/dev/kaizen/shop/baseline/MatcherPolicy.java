package dev.kaizen.shop.baseline;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.shop.page.Storefront;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written matching shopper, to gauge how hard the store is for an agent that matches words
 * but knows no synonyms: it searches with a query given by {@code queryOf}, opens the result whose
 * title shares the most words with the instruction among those within the budget (on the first
 * page only), selects every option value the instruction mentions and buys. It never opens
 * Features and never goes back.
 */
public final class MatcherPolicy implements Policy {

    private static final Pattern BUDGET = Pattern.compile("\\$?(\\d+)(?:\\.00)? ?(?:dollars)?");
    private static final Set<String> STOP = Set.of("i", "a", "an", "the", "and", "for", "with", "that", "is", "are",
            "in", "of", "to", "me", "need", "want", "find", "looking", "some", "pair", "which", "it", "be");

    private final Function<AgentContext, String> queryOf;

    public MatcherPolicy(Function<AgentContext, String> queryOf) {
        this.queryOf = queryOf;
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        List<Decision> decisions = new ArrayList<>(contexts.size());
        for (AgentContext context : contexts) {
            decisions.add(Decision.of(decide(context), 0.0));
        }
        return decisions;
    }

    private Action decide(AgentContext context) {
        Observation o = context.observation();
        String instruction = context.task().instruction();
        switch (o.info().get("page")) {
            case "search":
                return Action.of("search", queryOf.apply(context));
            case "results": {
                Set<String> wanted = words(instruction);
                double budget = budget(instruction);
                Action best = null;
                double bestScore = -1;
                for (Action action : o.actions()) {
                    String description = o.describe(action);
                    if (description.isEmpty()) {
                        continue;
                    }
                    String[] parts = description.split(" \\[SEP\\] ");
                    double price = Double.parseDouble(parts[parts.length - 1].substring(1));
                    Set<String> title = words(parts[0]);
                    title.retainAll(wanted);
                    double score = title.size() - (price > budget ? 100 : 0);
                    if (score > bestScore) {
                        bestScore = score;
                        best = action;
                    }
                }
                return best == null ? Storefront.BACK_TO_SEARCH : best;
            }
            case "item": {
                Set<Action> done = new HashSet<>();
                for (Step step : context.history()) {
                    done.add(step.action());
                }
                for (Action action : o.actions()) {
                    String value = action.argument().toLowerCase(Locale.ROOT);
                    boolean option = !action.argument().equals("Back to Search") && !action.argument().equals("< Prev")
                            && !action.argument().equals("Description") && !action.argument().equals("Features")
                            && !action.argument().equals("Reviews") && !action.argument().equals("Buy Now");
                    if (option && !done.contains(action) && containsPhrase(instruction, value)) {
                        return action;
                    }
                }
                return Storefront.BUY_NOW;
            }
            default:
                return Storefront.PREV;
        }
    }

    private static boolean containsPhrase(String text, String phrase) {
        return (" " + text.replace(",", " ") + " ").contains(" " + phrase + " ");
    }

    private static double budget(String instruction) {
        Matcher m = BUDGET.matcher(instruction);
        double budget = Double.MAX_VALUE;
        while (m.find()) {
            String all = m.group();
            if (all.startsWith("$") || all.endsWith("dollars")) {
                budget = Double.parseDouble(m.group(1));
            }
        }
        return budget;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !STOP.contains(w)) {
                out.add(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }
}
