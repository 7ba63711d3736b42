package dev.kaizen.shop.page;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.shop.catalog.OptionGroup;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.catalog.Review;
import dev.kaizen.shop.reward.RewardBreakdown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a page state into an observation: text a person can read in a terminal and a policy can
 * parse (clickables in brackets, parts of a line separated by {@code [SEP]}), the clickables as
 * concrete actions in display order, the search template where there is a search box, product
 * descriptions keyed by action, and visible facts under info keys {@code page}, {@code step} and,
 * by page, {@code query}, {@code pageNumber}, {@code pageCount}, {@code resultCount},
 * {@code product}. Stateless and thread-safe.
 */
final class PageRenderer {

    static final String SEP = " [SEP] ";

    private final Storefront store;

    PageRenderer(Storefront store) {
        this.store = store;
    }

    Observation render(PageState state, String instruction, String feedback) {
        StringBuilder text = new StringBuilder(1024);
        text.append("Instruction: ").append(instruction).append('\n');
        if (!feedback.isEmpty()) {
            text.append("Invalid action: ").append(feedback).append('\n');
        }
        List<Action> actions = new ArrayList<>(16);
        List<String> templates = List.of();
        Map<String, String> info = new HashMap<>(8);
        Map<String, String> descriptions = Map.of();
        info.put("page", state.page().id());
        info.put("step", Integer.toString(state.steps()));
        if (!feedback.isEmpty()) {
            info.put(Observation.FEEDBACK, feedback);
        }
        switch (state.page()) {
            case SEARCH -> {
                text.append("Search the store: type search[your keywords]\n");
                templates = List.of(Storefront.SEARCH_TEMPLATE);
            }
            case RESULTS -> descriptions = results(state, text, actions, info);
            case ITEM -> item(state, text, actions, info);
            case DESCRIPTION, FEATURES, REVIEWS -> subPage(state, text, actions, info);
            default -> throw new IllegalStateException("no page to render for " + state.page());
        }
        return new Observation(text.toString(), actions, templates, false, 0.0, info, descriptions);
    }

    private Map<String, String> results(PageState state, StringBuilder text, List<Action> actions,
                                        Map<String, String> info) {
        int total = state.results().size();
        int pages = Math.max(1, (total + Storefront.PAGE_SIZE - 1) / Storefront.PAGE_SIZE);
        int page = state.resultsPage();
        actions.add(Storefront.BACK_TO_SEARCH);
        text.append("[Back to Search]\n");
        info.put("query", state.query());
        info.put("pageNumber", Integer.toString(page + 1));
        info.put("pageCount", Integer.toString(pages));
        info.put("resultCount", Integer.toString(total));
        if (total == 0) {
            text.append("No products match \"").append(state.query()).append("\". Try other keywords.\n");
            return Map.of();
        }
        text.append("Results for \"").append(state.query()).append("\": page ").append(page + 1).append(" of ")
                .append(pages).append(" (").append(total).append(" products)");
        if (page > 0) {
            actions.add(Storefront.PREV);
            text.append(SEP).append("[< Prev]");
        }
        if (page + 1 < pages) {
            actions.add(Storefront.NEXT);
            text.append(SEP).append("[Next >]");
        }
        text.append('\n');
        Map<String, String> descriptions = new HashMap<>(16);
        int end = Math.min(total, (page + 1) * Storefront.PAGE_SIZE);
        for (int rank = page * Storefront.PAGE_SIZE; rank < end; rank++) {
            int ordinal = state.results().get(rank);
            Action click = store.productAction(ordinal);
            String description = store.productDescription(ordinal);
            actions.add(click);
            descriptions.put(click.text(), description);
            text.append('[').append(click.argument()).append(']').append(SEP).append(description).append('\n');
        }
        return descriptions;
    }

    private void item(PageState state, StringBuilder text, List<Action> actions, Map<String, String> info) {
        Product product = store.catalog().product(state.product());
        info.put("product", product.id());
        actions.add(Storefront.BACK_TO_SEARCH);
        actions.add(Storefront.PREV);
        text.append("[Back to Search]").append(SEP).append("[< Prev]\n");
        text.append(product.title()).append('\n');
        text.append("Price: ").append(product.priceText()).append(SEP).append("Rating: ").append(product.rating())
                .append(" out of 5 (").append(product.ratingCount()).append(" ratings)\n");
        List<OptionGroup> groups = product.options();
        if (!groups.isEmpty()) {
            StringBuilder selected = new StringBuilder("Selected options: ");
            for (int g = 0; g < groups.size(); g++) {
                OptionGroup group = groups.get(g);
                text.append(group.name()).append(':');
                for (int v = 0; v < group.values().size(); v++) {
                    String value = group.values().get(v);
                    actions.add(Action.of("click", value));
                    text.append(v == 0 ? " " : SEP).append('[').append(value).append(']');
                }
                text.append('\n');
                int chosen = state.selected().get(g);
                selected.append(g == 0 ? "" : "; ").append(group.name()).append(": ")
                        .append(chosen < 0 ? "none" : group.values().get(chosen));
            }
            text.append(selected).append('\n');
        }
        actions.add(Storefront.DESCRIPTION);
        actions.add(Storefront.FEATURES);
        actions.add(Storefront.REVIEWS);
        actions.add(Storefront.BUY_NOW);
        text.append("[Description]").append(SEP).append("[Features]").append(SEP).append("[Reviews]").append(SEP)
                .append("[Buy Now]\n");
    }

    private void subPage(PageState state, StringBuilder text, List<Action> actions, Map<String, String> info) {
        Product product = store.catalog().product(state.product());
        info.put("product", product.id());
        actions.add(Storefront.BACK_TO_SEARCH);
        actions.add(Storefront.PREV);
        text.append("[Back to Search]").append(SEP).append("[< Prev]\n");
        switch (state.page()) {
            case DESCRIPTION -> text.append("Description of ").append(product.title()).append(":\n")
                    .append(product.description()).append('\n');
            case FEATURES -> {
                text.append("Features of ").append(product.title()).append(":\n");
                for (String feature : product.features()) {
                    text.append("- ").append(feature).append('\n');
                }
            }
            default -> {
                text.append("Reviews of ").append(product.title()).append(" (").append(product.rating())
                        .append(" out of 5, ").append(product.ratingCount()).append(" ratings):\n");
                for (Review review : product.reviews()) {
                    text.append("- ").append(review.stars()).append("/5: ").append(review.text()).append('\n');
                }
            }
        }
    }

    /** The final observation after a purchase. */
    Observation bought(PageState state, String instruction, Product product, List<String> selected,
                       RewardBreakdown score) {
        StringBuilder text = new StringBuilder(512);
        text.append("Instruction: ").append(instruction).append('\n');
        text.append("Thank you for shopping with us!\n");
        text.append("You bought: ").append(product.title()).append(SEP).append(product.priceText());
        text.append(selected.isEmpty() ? " (no options selected)" : " (" + String.join(", ", selected) + ")");
        text.append('\n');
        text.append(String.format(Locale.ROOT,
                "Reward: %.3f (product type %.1f; attributes %d/%d; options %d/%d; price %s budget)%n",
                score.reward(), score.typeReward(), score.attributesMatched(), score.attributesAsked(),
                score.optionsMatched(), score.optionsAsked(), score.withinBudget() ? "within" : "over"));
        Map<String, String> info = Map.of("page", PageType.DONE.id(), "step", Integer.toString(state.steps()),
                "product", product.id());
        return new Observation(text.toString(), List.of(), List.of(), true, score.reward(), info);
    }

    /** The final observation when the step limit is reached without a purchase. */
    Observation outOfSteps(PageState state, String instruction, String feedback) {
        String text = "Instruction: " + instruction + "\n"
                + (feedback.isEmpty() ? "" : "Invalid action: " + feedback + "\n")
                + "Out of steps: the episode ended after " + state.steps() + " steps without a purchase. Reward: 0\n";
        Map<String, String> info = new HashMap<>();
        info.put("page", PageType.DONE.id());
        info.put("step", Integer.toString(state.steps()));
        if (!feedback.isEmpty()) {
            info.put(Observation.FEEDBACK, feedback);
        }
        return new Observation(text, List.of(), List.of(), true, 0.0, info);
    }

    /** What any action after the end gets: the end page again, with feedback, reward 0. */
    Observation afterEnd(Observation last) {
        String feedback = "the episode has ended; no further actions are possible";
        Map<String, String> info = new HashMap<>(last.info());
        info.put(Observation.FEEDBACK, feedback);
        String text = last.text().contains("Invalid action: " + feedback) ? last.text()
                : last.text() + "Invalid action: " + feedback + "\n";
        return new Observation(text, List.of(), List.of(), true, 0.0, info);
    }
}
