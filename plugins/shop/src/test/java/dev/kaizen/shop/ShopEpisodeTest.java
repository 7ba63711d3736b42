package dev.kaizen.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.shop.goal.Goal;
import dev.kaizen.shop.page.Storefront;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopEpisodeTest {

    private final ShopEnvironment store = SmallStore.get();
    private final Task task = store.tasks(Split.TRAIN).get(0);
    private final Goal goal = store.goalOf(task);

    private Observation searchFor(Episode episode, String query) {
        return episode.step(Action.of("search", query));
    }

    /** Asserts that {@code after} is {@code before}'s page again, with feedback containing {@code message}. */
    private static void assertRejected(Observation before, Observation after, String message) {
        assertThat(after.feedback()).contains(message);
        assertThat(after.text()).contains("Invalid action: ").contains(message);
        assertThat(after.reward()).isZero();
        assertThat(after.done()).isFalse();
        assertThat(after.actions()).isEqualTo(before.actions());
        assertThat(after.templates()).isEqualTo(before.templates());
        assertThat(after.info().get("page")).isEqualTo(before.info().get("page"));
        assertThat(after.text().replaceAll("Invalid action: .*\n", ""))
                .isEqualTo(before.text().replaceAll("Invalid action: .*\n", ""));
    }

    @Test
    void startsOnTheSearchPageWithOnlyTheSearchTemplate() {
        try (Episode episode = store.reset(task, 0)) {
            Observation o = episode.observation();
            assertThat(o.info()).containsEntry("page", "search").containsEntry("step", "0");
            assertThat(o.actions()).isEmpty();
            assertThat(o.templates()).containsExactly("search[{}]");
            assertThat(o.text()).startsWith("Instruction: " + task.instruction() + "\n");
            assertThat(o.done()).isFalse();
            assertThat(o.reward()).isZero();
        }
    }

    @Test
    void badActionsGiveFeedbackLeaveThePageAndNeverThrow() {
        try (Episode episode = store.reset(task, 0)) {
            Observation start = episode.observation();
            assertRejected(start, episode.step(Action.of("search", "  ")), "search[] needs keywords");
            assertRejected(start, episode.step(Action.of("click", "Buy Now")), "nothing is clickable");
            assertRejected(start, episode.step(Action.of("jump around")), "is not an action");
            assertRejected(start, episode.step(Action.of("search[unclosed")), "is not an action");
            assertRejected(start, episode.step(Action.of("[x]")), "is not an action");
            assertRejected(start, episode.step(Action.of("")), "is not an action");
            assertRejected(start, episode.step(null), "is not an action");
            assertRejected(start, episode.step(Action.of("buy[it]")), "unknown action 'buy'");

            Observation results = searchFor(episode, goal.query());
            assertRejected(results, episode.step(Action.of("search", "more")), "no search box on this page");
            assertRejected(results, episode.step(Action.of("click", "B000000000")),
                    "'B000000000' is not clickable on this page; clickable: Back to Search");
            assertRejected(results, episode.step(Action.of("click", "Buy Now")), "not clickable");
        }
    }

    @Test
    void clicksMatchIgnoringCaseAndExtraSpaces() {
        try (Episode episode = store.reset(task, 0)) {
            Observation results = searchFor(episode, goal.query());
            String id = results.actions().stream().filter(a -> a.argument().startsWith("B0")).findFirst()
                    .orElseThrow().argument();
            Observation item = episode.step(Action.of("CLICK[ " + id.toLowerCase() + " ]"));
            assertThat(item.info()).containsEntry("page", "item").containsEntry("product", id);
            assertThat(episode.step(Action.of("click[back  to   search]")).info()).containsEntry("page", "search");
        }
    }

    @Test
    void resultsPagesTenAtATimeWithNextAndPrevAndDescribeEachProduct() {
        try (Episode episode = store.reset(task, 0)) {
            Observation first = searchFor(episode, "thoughtful details");
            assertThat(first.info()).containsEntry("page", "results").containsEntry("pageNumber", "1")
                    .containsEntry("resultCount", "50").containsEntry("pageCount", "5");
            assertThat(first.actions()).startsWith(Storefront.BACK_TO_SEARCH, Storefront.NEXT)
                    .doesNotContain(Storefront.PREV);
            List<Action> products = first.actions().stream().filter(a -> a.argument().startsWith("B0")).toList();
            assertThat(products).hasSize(10);
            for (Action product : products) {
                String description = first.describe(product);
                assertThat(description).matches(".+ \\[SEP\\] \\$\\d+\\.\\d\\d");
                assertThat(first.text()).contains("[" + product.argument() + "] [SEP] " + description + "\n");
            }
            Observation second = episode.step(Storefront.NEXT);
            assertThat(second.info()).containsEntry("pageNumber", "2");
            assertThat(second.actions()).contains(Storefront.PREV, Storefront.NEXT);
            assertThat(second.actions()).doesNotContainAnyElementsOf(products);
            for (int i = 0; i < 3; i++) {
                episode.step(Storefront.NEXT);
            }
            Observation last = episode.observation();
            assertThat(last.info()).containsEntry("pageNumber", "5");
            assertThat(last.actions()).contains(Storefront.PREV).doesNotContain(Storefront.NEXT);
            assertThat(episode.step(Storefront.PREV).info()).containsEntry("pageNumber", "4");
        }
    }

    @Test
    void aSearchIsShownOnOneLineWhateverItsWhitespace() {
        try (Episode episode = store.reset(task, 0)) {
            Observation results = searchFor(episode, "  hiking\n\tboots  ");
            assertThat(results.info()).containsEntry("query", "hiking boots");
            assertThat(results.text()).contains("Results for \"hiking boots\"");
        }
    }

    @Test
    void aSearchWithoutSearchableWordsShowsAnEmptyResultsPage() {
        try (Episode episode = store.reset(task, 0)) {
            Observation none = searchFor(episode, "the and of ( ) \" * AND OR");
            assertThat(none.feedback()).isEmpty();
            assertThat(none.info()).containsEntry("page", "results").containsEntry("resultCount", "0");
            assertThat(none.actions()).containsExactly(Storefront.BACK_TO_SEARCH);
            assertThat(none.text()).contains("No products match");
        }
    }

    @Test
    void itemPageSelectsOneValuePerGroupAndShowsTheSelection() {
        try (Episode episode = store.reset(task, 0)) {
            List<Action> plan = store.expert().plan(goal);
            for (Action action : plan.subList(0, plan.size() - 1 - goal.options().size())) {
                episode.step(action);
            }
            Observation item = episode.observation();
            assertThat(item.info()).containsEntry("page", "item");
            var product = store.catalog().product(goal.target());
            assertThat(item.text()).contains(product.title()).contains(product.priceText());
            assertThat(item.actions()).contains(Storefront.DESCRIPTION, Storefront.FEATURES, Storefront.REVIEWS,
                    Storefront.BUY_NOW, Storefront.PREV, Storefront.BACK_TO_SEARCH);
            var group = product.options().get(0);
            assertThat(item.text()).contains("Selected options: " + group.name() + ": none");
            episode.step(Action.of("click", group.values().get(0)));
            Observation changed = episode.step(Action.of("click", group.values().get(1)));
            assertThat(changed.text()).contains("Selected options: " + group.name() + ": " + group.values().get(1));

            Observation features = episode.step(Storefront.FEATURES);
            assertThat(features.info()).containsEntry("page", "features");
            assertThat(features.actions()).containsExactly(Storefront.BACK_TO_SEARCH, Storefront.PREV);
            for (String feature : product.features()) {
                assertThat(features.text()).contains("- " + feature);
            }
            Observation back = episode.step(Storefront.PREV);
            assertThat(back.text()).as("the selection survives a sub-page")
                    .contains(group.name() + ": " + group.values().get(1));
            assertThat(episode.step(Storefront.DESCRIPTION).text()).contains(product.description());
            episode.step(Storefront.PREV);
            assertThat(episode.step(Storefront.REVIEWS).text()).contains(product.reviews().get(0).text());
            episode.step(Storefront.PREV);
            Observation results = episode.step(Storefront.PREV);
            assertThat(results.info()).containsEntry("page", "results");
        }
    }

    @Test
    void buyNowEndsTheEpisodeWithTheRewardAndLaterActionsGetFeedback() {
        Trajectory demo = store.demonstration(task).orElseThrow();
        assertThat(demo.success()).isTrue();
        Step last = demo.steps().get(demo.length() - 1);
        assertThat(last.action()).isEqualTo(Storefront.BUY_NOW);
        try (Episode episode = store.reset(task, 0)) {
            Observation end = null;
            for (Step step : demo.steps()) {
                end = episode.step(step.action());
            }
            assertThat(end.done()).isTrue();
            assertThat(end.reward()).isEqualTo(1.0);
            assertThat(end.info()).containsEntry("page", "done");
            assertThat(end.actions()).isEmpty();
            assertThat(end.text()).contains("Reward: 1.000");
            Observation after = episode.step(Storefront.BUY_NOW);
            assertThat(after.done()).isTrue();
            assertThat(after.reward()).isZero();
            assertThat(after.feedback()).contains("episode has ended");
            assertThat(episode.step(Action.of("search[x]")).reward()).isZero();
        }
    }

    @Test
    void theStepLimitEndsTheEpisodeWithRewardZeroAndBadActionsCount() {
        try (Episode episode = store.reset(task, 0)) {
            Observation o = episode.observation();
            for (int i = 0; i < store.config().maxSteps() - 1; i++) {
                o = episode.step(Action.of("click", "nothing"));
                assertThat(o.done()).isFalse();
            }
            o = episode.step(Action.of("search", goal.query()));
            assertThat(o.done()).isTrue();
            assertThat(o.reward()).isZero();
            assertThat(o.text()).contains("Out of steps");
            assertThat(o.info()).containsEntry("page", "done").containsEntry("step", "15");
        }
    }

    @Test
    void snapshotsRestoreExactlyAndDeterministically() {
        try (Episode episode = store.reset(task, 0)) {
            assertThat(episode.supportsSnapshot()).isTrue();
            List<Action> plan = store.expert().plan(goal);
            episode.step(plan.get(0));
            EpisodeSnapshot atResults = episode.snapshot();
            Observation shown = episode.observation();
            List<Observation> first = new java.util.ArrayList<>();
            for (Action action : plan.subList(1, plan.size())) {
                first.add(episode.step(action));
            }
            assertThat(first.get(first.size() - 1).reward()).isEqualTo(1.0);

            episode.restore(atResults);
            assertThat(episode.observation()).isEqualTo(shown);
            episode.step(Storefront.BACK_TO_SEARCH);
            episode.restore(atResults);
            List<Observation> second = new java.util.ArrayList<>();
            for (Action action : plan.subList(1, plan.size())) {
                second.add(episode.step(action));
            }
            assertThat(second).isEqualTo(first);

            EpisodeSnapshot done = episode.snapshot();
            episode.restore(atResults);
            episode.restore(done);
            assertThat(episode.observation().done()).isTrue();
            assertThat(episode.step(Storefront.BUY_NOW).reward()).isZero();

            try (Episode other = store.reset(task, 99)) {
                other.restore(atResults);
                assertThat(other.observation()).isEqualTo(shown);
                assertThat(other.step(plan.get(1))).isEqualTo(first.get(0));
            }
            try (Episode otherTask = store.reset(store.tasks(Split.TRAIN).get(1), 0)) {
                assertThatThrownBy(() -> otherTask.restore(atResults)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("another task");
                assertThatThrownBy(() -> otherTask.restore(new EpisodeSnapshot() { }))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void resetRejectsTasksOfOtherStores() {
        Task foreign = new Task("train-0000", Split.TRAIN, "some other instruction");
        assertThatThrownBy(() -> store.reset(foreign, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a task of this store");
        assertThatThrownBy(() -> store.reset(new Task("nope", Split.SEEN, "x"), 0))
                .hasMessageContaining("'nope'");
    }

    @Test
    void observationSimilarityComparesPageTypes() {
        try (Episode episode = store.reset(task, 0)) {
            List<Action> plan = store.expert().plan(goal);
            int openTarget = plan.size() - 2 - goal.options().size();
            Observation search = episode.observation();
            Observation results = episode.step(plan.get(0));
            Observation item = results;
            for (Action action : plan.subList(1, openTarget + 1)) {
                item = episode.step(action);
            }
            Observation features = episode.step(Storefront.FEATURES);
            episode.step(Storefront.PREV);
            Observation description = episode.step(Storefront.DESCRIPTION);
            var similarity = store.observationSimilarity();
            assertThat(item.info()).containsEntry("page", "item");
            assertThat(similarity.between(results, results)).isEqualTo(1.0);
            assertThat(similarity.between(search, results)).isZero();
            assertThat(similarity.between(item, features)).isEqualTo(0.3);
            assertThat(similarity.between(description, item)).isEqualTo(0.3);
            assertThat(similarity.between(features, description)).isZero();
            assertThat(similarity.between(item, results)).isZero();
        }
    }
}
