package dev.kaizen.shop.page;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.shop.catalog.OptionGroup;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.goal.Goal;
import dev.kaizen.shop.reward.RewardBreakdown;
import dev.kaizen.shop.search.SearchResults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One shopping episode: starts on the search page and ends with {@code click[Buy Now]} (reward by
 * {@link dev.kaizen.shop.reward.RewardFunction}) or when the step limit is reached (reward 0).
 *
 * <p>Actions are {@code search[keywords]} on the search page and {@code click[value]} for any
 * clickable of the page (matched ignoring case and extra spaces). Anything else — an unknown
 * clickable, {@code search[]}, a search where there is no search box, malformed text, any action
 * after the end — returns the same page with feedback under the info key {@code feedback} and in
 * the text, reward 0; it never throws. Every action, valid or not, uses one step.
 *
 * <p>Deterministic (the store has no randomness once built) and supports snapshots: a snapshot is
 * the immutable page state plus the observation, and may be restored into any episode of the same
 * task in the same store. Not thread-safe: one thread drives an episode at a time.
 */
public final class ShopEpisode implements Episode {

    private final Storefront store;
    private final PageRenderer renderer;
    private final Task task;
    private final Goal goal;
    private PageState state = PageState.START;
    private Observation observation;
    private boolean done;
    private Observation purchase;

    public ShopEpisode(Storefront store, Task task, Goal goal) {
        this.store = requireNonNull(store, "store is null");
        this.task = requireNonNull(task, "task is null");
        this.goal = requireNonNull(goal, "goal is null");
        this.renderer = new PageRenderer(store);
        this.observation = renderer.render(state, task.instruction(), "");
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public Observation observation() {
        return observation;
    }

    /** The page currently shown. */
    public PageType page() {
        return done ? PageType.DONE : state.page();
    }

    @Override
    public Observation step(Action action) {
        if (done) {
            observation = renderer.afterEnd(observation);
            return observation;
        }
        PageState before = state.withStep();
        String feedback = apply(before, action == null ? "" : action.text());
        if (purchase != null) {
            done = true;
            observation = purchase;
            purchase = null;
            return observation;
        }
        if (!feedback.isEmpty()) {
            state = before;
        }
        if (state.steps() >= store.maxSteps()) {
            done = true;
            observation = renderer.outOfSteps(state, task.instruction(), feedback);
        } else {
            observation = renderer.render(state, task.instruction(), feedback);
        }
        return observation;
    }

    /**
     * Applies an action to {@code current}: sets {@link #state} (or {@link #purchase} for
     * {@code Buy Now}) and returns "", or returns feedback and changes nothing.
     */
    private String apply(PageState current, String raw) {
        String text = raw.strip();
        int open = text.indexOf('[');
        if (open <= 0 || !text.endsWith("]")) {
            return "'" + abbreviate(text) + "' is not an action; use search[keywords] or click[value]";
        }
        String verb = text.substring(0, open).strip().toLowerCase(Locale.ROOT);
        String argument = text.substring(open + 1, text.length() - 1).strip();
        switch (verb) {
            case "search" -> {
                if (current.page() != PageType.SEARCH) {
                    return "there is no search box on this page; click[Back to Search] first";
                }
                if (argument.isEmpty()) {
                    return "search[] needs keywords, e.g. search[red running shoes]";
                }
                String query = collapse(argument);
                SearchResults results = store.index().search(query);
                state = new PageState(PageType.RESULTS, query, results, 0, -1, List.of(), current.steps());
                return "";
            }
            case "click" -> {
                return click(current, argument);
            }
            default -> {
                return "unknown action '" + abbreviate(verb) + "'; use search[keywords] or click[value]";
            }
        }
    }

    private String click(PageState current, String argument) {
        String exact = "click[" + argument + "]";
        for (Action clickable : observation.actions()) {
            if (clickable.text().equalsIgnoreCase(exact)) {
                state = follow(current, clickable);
                return "";
            }
        }
        String wanted = collapse(argument);
        for (Action clickable : observation.actions()) {
            if (collapse(clickable.argument()).equalsIgnoreCase(wanted)) {
                state = follow(current, clickable);
                return "";
            }
        }
        List<String> names = new ArrayList<>();
        for (Action clickable : observation.actions()) {
            names.add(clickable.argument());
        }
        if (names.isEmpty()) {
            return "nothing is clickable on this page; use search[keywords]";
        }
        return "'" + abbreviate(argument) + "' is not clickable on this page; clickable: " + String.join(", ", names);
    }

    private PageState follow(PageState current, Action clickable) {
        PageType page = current.page();
        if (clickable.equals(Storefront.BACK_TO_SEARCH)) {
            return new PageState(PageType.SEARCH, "", SearchResults.EMPTY, 0, -1, List.of(), current.steps());
        }
        if (clickable.equals(Storefront.NEXT)) {
            return new PageState(PageType.RESULTS, current.query(), current.results(), current.resultsPage() + 1, -1,
                    List.of(), current.steps());
        }
        if (clickable.equals(Storefront.PREV)) {
            if (page == PageType.RESULTS) {
                return new PageState(PageType.RESULTS, current.query(), current.results(), current.resultsPage() - 1,
                        -1, List.of(), current.steps());
            }
            if (page == PageType.ITEM) {
                return new PageState(PageType.RESULTS, current.query(), current.results(), current.resultsPage(), -1,
                        List.of(), current.steps());
            }
            return current.on(PageType.ITEM);
        }
        if (page == PageType.RESULTS) {
            Product product = store.catalog().product(clickable.argument());
            List<Integer> none = Collections.nCopies(product.options().size(), -1);
            return new PageState(PageType.ITEM, current.query(), current.results(), current.resultsPage(),
                    product.ordinal(), none, current.steps());
        }
        if (clickable.equals(Storefront.DESCRIPTION)) {
            return current.on(PageType.DESCRIPTION);
        }
        if (clickable.equals(Storefront.FEATURES)) {
            return current.on(PageType.FEATURES);
        }
        if (clickable.equals(Storefront.REVIEWS)) {
            return current.on(PageType.REVIEWS);
        }
        Product product = store.catalog().product(current.product());
        if (clickable.equals(Storefront.BUY_NOW)) {
            List<String> selected = new ArrayList<>();
            for (int g = 0; g < product.options().size(); g++) {
                int chosen = current.selected().get(g);
                if (chosen >= 0) {
                    selected.add(product.options().get(g).values().get(chosen));
                }
            }
            RewardBreakdown score = store.reward().score(goal, product, selected);
            purchase = renderer.bought(current, task.instruction(), product, selected, score);
            return current;
        }
        String value = clickable.argument();
        List<Integer> selected = new ArrayList<>(current.selected());
        for (int g = 0; g < product.options().size(); g++) {
            OptionGroup group = product.options().get(g);
            int v = group.values().indexOf(value);
            if (v >= 0) {
                selected.set(g, v);
                return new PageState(PageType.ITEM, current.query(), current.results(), current.resultsPage(),
                        current.product(), selected, current.steps());
            }
        }
        throw new IllegalStateException("clickable '" + value + "' has no handler on page " + page.id());
    }

    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public boolean supportsSnapshot() {
        return true;
    }

    @Override
    public EpisodeSnapshot snapshot() {
        return new ShopSnapshot(store, task.id(), state, observation, done);
    }

    @Override
    public void restore(EpisodeSnapshot snapshot) {
        if (!(snapshot instanceof ShopSnapshot s)) {
            throw new IllegalArgumentException("not a snapshot of a store episode: "
                    + (snapshot == null ? "null" : snapshot.getClass().getName()));
        }
        if (s.storefront() != store || !s.taskId().equals(task.id())) {
            throw new IllegalArgumentException("snapshot " + s + " is from another task or store than episode of "
                    + task.id());
        }
        state = s.state();
        observation = s.observation();
        done = s.done();
    }
}
