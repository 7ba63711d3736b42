package dev.kaizen.shop.page;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.shop.catalog.OptionGroup;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.catalog.Review;
import dev.kaizen.shop.reward.RewardBreakdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a page state into an observation: text a person can read in a terminal and a policy can
 * parse (clickables in brackets, parts of a line separated by {@code [SEP]}), the clickables as
 * concrete actions in display order, the search template where there is a search box, product
 * descriptions keyed by action, and visible facts under info keys {@code page}, {@code step} and,
 * by page, {@code query}, {@code pageNumber}, {@code pageCount}, {@code resultCount},
 * {@code product}. Builds immutable collections directly, since it runs on every step.
 * Stateless and thread-safe.
 */
final class PageRenderer {

    static final String SEP = " [SEP] ";
    private static final List<String> SEARCH_TEMPLATES = List.of(Storefront.SEARCH_TEMPLATE);
    private static final List<Action> SUB_PAGE_ACTIONS = List.of(Storefront.BACK_TO_SEARCH, Storefront.PREV);
    private static final String[] STEP_TEXT = new String[64];

    static {
        for (int i = 0; i < STEP_TEXT.length; i++) {
            STEP_TEXT[i] = Integer.toString(i);
        }
    }

    private final Storefront store;

    PageRenderer(Storefront store) {
        this.store = store;
    }

    private static String number(int n) {
        return n >= 0 && n < STEP_TEXT.length ? STEP_TEXT[n] : Integer.toString(n);
    }

    Observation render(PageState state, String instruction, String feedback) {
        StringBuilder text = new StringBuilder(1200);
        text.append("Instruction: ").append(instruction).append('\n');
        if (!feedback.isEmpty()) {
            text.append("Invalid action: ").append(feedback).append('\n');
        }
        return switch (state.page()) {
            case SEARCH -> {
                text.append("Search the store: type search[your keywords]\n");
                yield new Observation(text.toString(), List.of(), SEARCH_TEMPLATES, false, 0.0,
                        info(state, feedback), Map.of());
            }
            case RESULTS -> results(state, text, feedback);
            case ITEM -> item(state, text, feedback);
            case DESCRIPTION, FEATURES, REVIEWS -> subPage(state, text, feedback);
            default -> throw new IllegalStateException("no page to render for " + state.page());
        };
    }

    private static Map<String, String> info(PageState state, String feedback, String... more) {
        String page = state.page().id();
        String step = number(state.steps());
        // insertion-ordered maps throughout: Map.of iterates in an order that changes between JVM runs,
        // and trajectories are written from these maps
        Map<String, String> info = new LinkedHashMap<>(8);
        info.put("page", page);
        info.put("step", step);
        if (!feedback.isEmpty()) {
            info.put(Observation.FEEDBACK, feedback);
        }
        for (int i = 0; i < more.length; i += 2) {
            info.put(more[i], more[i + 1]);
        }
        return info;
    }

    private Observation results(PageState state, StringBuilder text, String feedback) {
        int total = state.results().size();
        int pages = Math.max(1, (total + Storefront.PAGE_SIZE - 1) / Storefront.PAGE_SIZE);
        int page = state.resultsPage();
        text.append("[Back to Search]\n");
        Map<String, String> info = info(state, feedback, "query", state.query(), "pageNumber", number(page + 1),
                "pageCount", number(pages), "resultCount", number(total));
        if (total == 0) {
            text.append("No products match \"").append(state.query()).append("\". Try other keywords.\n");
            return new Observation(text.toString(), List.of(Storefront.BACK_TO_SEARCH), List.of(), false, 0.0, info,
                    Map.of());
        }
        text.append("Results for \"").append(state.query()).append("\": page ").append(page + 1).append(" of ")
                .append(pages).append(" (").append(total).append(" products)");
        int first = page * Storefront.PAGE_SIZE;
        int end = Math.min(total, first + Storefront.PAGE_SIZE);
        Action[] actions = new Action[3 + end - first];
        int a = 0;
        actions[a++] = Storefront.BACK_TO_SEARCH;
        if (page > 0) {
            actions[a++] = Storefront.PREV;
            text.append(SEP).append("[< Prev]");
        }
        if (page + 1 < pages) {
            actions[a++] = Storefront.NEXT;
            text.append(SEP).append("[Next >]");
        }
        text.append('\n');
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (int rank = first; rank < end; rank++) {
            int ordinal = state.results().get(rank);
            Action click = store.productAction(ordinal);
            actions[a++] = click;
            descriptions.put(click.text(), store.productDescription(ordinal));
            text.append(store.resultLine(ordinal));
        }
        List<Action> list = List.of(a == actions.length ? actions : java.util.Arrays.copyOf(actions, a));
        return new Observation(text.toString(), list, List.of(), false, 0.0, info, descriptions);
    }

    private Observation item(PageState state, StringBuilder text, String feedback) {
        Product product = store.catalog().product(state.product());
        text.append(store.itemHeader(state.product()));
        List<OptionGroup> groups = product.options();
        if (!groups.isEmpty()) {
            text.append("Selected options: ");
            for (int g = 0; g < groups.size(); g++) {
                int chosen = state.selected().get(g);
                text.append(g == 0 ? "" : "; ").append(groups.get(g).name()).append(": ")
                        .append(chosen < 0 ? "none" : groups.get(g).values().get(chosen));
            }
            text.append('\n');
        }
        text.append("[Description]").append(SEP).append("[Features]").append(SEP).append("[Reviews]").append(SEP)
                .append("[Buy Now]\n");
        Action[] options = store.optionActions(state.product());
        Action[] actions = new Action[options.length + 6];
        actions[0] = Storefront.BACK_TO_SEARCH;
        actions[1] = Storefront.PREV;
        System.arraycopy(options, 0, actions, 2, options.length);
        int a = 2 + options.length;
        actions[a++] = Storefront.DESCRIPTION;
        actions[a++] = Storefront.FEATURES;
        actions[a++] = Storefront.REVIEWS;
        actions[a] = Storefront.BUY_NOW;
        return new Observation(text.toString(), List.of(actions), List.of(), false, 0.0,
                info(state, feedback, "product", product.id()), Map.of());
    }

    private Observation subPage(PageState state, StringBuilder text, String feedback) {
        Product product = store.catalog().product(state.product());
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
        return new Observation(text.toString(), SUB_PAGE_ACTIONS, List.of(), false, 0.0,
                info(state, feedback, "product", product.id()), Map.of());
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
        text.append("Reward: ").append(decimals(score.reward(), 3)).append(" (product type ")
                .append(decimals(score.typeReward(), 1)).append("; attributes ").append(score.attributesMatched())
                .append('/').append(score.attributesAsked()).append("; options ").append(score.optionsMatched())
                .append('/').append(score.optionsAsked()).append("; price ")
                .append(score.withinBudget() ? "within" : "over").append(" budget)\n");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("page", PageType.DONE.id());
        info.put("step", number(state.steps()));
        info.put("product", product.id());
        return new Observation(text.toString(), List.of(), List.of(), true, score.reward(), info);
    }

    /** {@code value} in [0, 1] with {@code places} decimals, e.g. {@code 0.667}. */
    static String decimals(double value, int places) {
        long scale = places == 1 ? 10 : places == 2 ? 100 : 1000;
        long units = Math.round(value * scale);
        String fraction = Long.toString(units % scale);
        while (fraction.length() < places) {
            fraction = "0" + fraction;
        }
        return units / scale + "." + fraction;
    }

    /** The final observation when the step limit is reached without a purchase. */
    Observation outOfSteps(PageState state, String instruction, String feedback) {
        String text = "Instruction: " + instruction + "\n"
                + (feedback.isEmpty() ? "" : "Invalid action: " + feedback + "\n")
                + "Out of steps: the episode ended after " + state.steps() + " steps without a purchase. Reward: 0\n";
        return new Observation(text, List.of(), List.of(), true, 0.0, info(state.on(PageType.DONE), feedback));
    }

    /** What any action after the end gets: the end page again, with feedback, reward 0. */
    Observation afterEnd(Observation last) {
        String feedback = "the episode has ended; no further actions are possible";
        Map<String, String> info = new LinkedHashMap<>(last.info());
        info.put(Observation.FEEDBACK, feedback);
        String text = last.text().contains("Invalid action: " + feedback) ? last.text()
                : last.text() + "Invalid action: " + feedback + "\n";
        return new Observation(text, List.of(), List.of(), true, 0.0, info);
    }
}
