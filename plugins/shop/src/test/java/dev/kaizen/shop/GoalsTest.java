package dev.kaizen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.shop.catalog.Family;
import dev.kaizen.shop.catalog.OptionGroup;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.goal.Goal;
import dev.kaizen.shop.reward.RewardFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GoalsTest {

    private final ShopEnvironment store = SmallStore.get();

    private List<Task> allTasks() {
        List<Task> all = new ArrayList<>();
        for (Split split : Split.values()) {
            all.addAll(store.tasks(split));
        }
        return all;
    }

    @Test
    void expertQueryIsTheTypeAndAttributeSpansOfTheInstructionInOrder() {
        for (Task task : allTasks()) {
            Goal goal = store.goalOf(task);
            String instruction = task.instruction();
            assertThat(instruction).isEqualTo(instruction.toLowerCase()).doesNotContain("and and")
                    .doesNotContain("  ").doesNotContain(",,").doesNotContain(" ,");
            List<String> phrases = new ArrayList<>();
            phrases.add(goal.type().phrase());
            goal.attributes().forEach(a -> phrases.add(a.phrase()));
            Map<String, Integer> at = new HashMap<>();
            for (String phrase : phrases) {
                Matcher m = Pattern.compile("(?<![a-z0-9])" + Pattern.quote(phrase) + "(?![a-z0-9])").matcher(instruction);
                assertThat(m.find()).as("'%s' in '%s'", phrase, instruction).isTrue();
                at.put(phrase, m.start());
            }
            phrases.sort(Comparator.comparing(at::get));
            assertThat(goal.query()).as(instruction).isEqualTo(String.join(" ", phrases));
            assertThat(goal.query()).doesNotContain(Integer.toString(goal.budget())).doesNotContain("dollar");
        }
    }

    @Test
    void everyGoalIsSatisfiedByItsTargetFoundByTheExpertQueryAndMissedByItsNearMisses() {
        RewardFunction reward = store.storefront().reward();
        Map<Integer, Family> families = new HashMap<>();
        store.catalog().families().forEach(f -> families.put(f.target(), f));
        for (Task task : allTasks()) {
            Goal goal = store.goalOf(task);
            Product target = store.catalog().product(goal.target());
            List<String> options = goal.options().stream().map(Goal.GoalOption::value).toList();
            assertThat(reward.score(goal, target, options).reward()).isEqualTo(1.0);
            assertThat(goal.attributes()).hasSizeBetween(1, 3);
            assertThat(goal.budget()).isGreaterThanOrEqualTo((int) Math.ceil(target.price()));
            for (Goal.GoalOption option : goal.options()) {
                assertThat(target.options().stream().filter(g -> g.name().equals(option.group()))
                        .map(OptionGroup::values).findFirst().orElseThrow()).contains(option.value());
            }
            for (Family.Distractor distractor : families.get(goal.target()).distractors()) {
                Product miss = store.catalog().product(distractor.product());
                List<String> offered = miss.options().stream().flatMap(g -> g.values().stream())
                        .filter(options::contains).toList();
                assertThat(reward.score(goal, miss, offered).reward()).as(distractor.kind().name()).isLessThan(1.0);
            }
            int rank = store.storefront().index().search(goal.query()).rankOf(goal.target());
            assertThat(rank).isBetween(0, 49);
        }
    }

    @Test
    void splitsAreDisjointAsPromised() {
        Set<String> held = new HashSet<>(store.config().unseenCategories());
        Set<String> instructions = new HashSet<>();
        for (Task task : store.tasks(Split.TRAIN)) {
            assertThat(held).doesNotContain(store.goalOf(task).type().categoryId());
        }
        for (Task task : store.tasks(Split.SEEN)) {
            Goal goal = store.goalOf(task);
            assertThat(held).doesNotContain(goal.type().categoryId());
        }
        for (Task task : store.tasks(Split.UNSEEN)) {
            assertThat(held).contains(store.goalOf(task).type().categoryId());
        }
        for (Task task : allTasks()) {
            assertThat(instructions.add(task.instruction())).as("duplicate instruction").isTrue();
            assertThat(task.id()).startsWith(task.split().id() + "-");
        }
        assertThat(store.tasks(Split.TRAIN)).hasSize(40);
        assertThat(store.tasks(Split.SEEN)).hasSize(20);
        assertThat(store.tasks(Split.UNSEEN)).hasSize(20);
    }

    @Test
    void seenGoalsTargetTrainProductsWhenFamiliesAreSharedAndOtherProductsWhenSeparate() {
        // 600 products make about 150 families: 200 train goals give every train family a goal
        try (ShopEnvironment shared = new ShopEnvironment(smallWithSeenFamilies("shared"));
             ShopEnvironment separate = new ShopEnvironment(smallWithSeenFamilies("separate"))) {
            assertThat(shared.tasks(Split.TRAIN)).isEqualTo(separate.tasks(Split.TRAIN));
            assertThat(shared.tasks(Split.UNSEEN)).isEqualTo(separate.tasks(Split.UNSEEN));
            assertThat(shared.tasks(Split.SEEN)).isNotEqualTo(separate.tasks(Split.SEEN));
            Set<Integer> trainTargets = targets(shared, Split.TRAIN);
            assertThat(trainTargets).containsAll(targets(shared, Split.SEEN));
            assertThat(trainTargets).doesNotContainAnyElementsOf(targets(separate, Split.SEEN));
            Set<String> trainInstructions = new HashSet<>();
            shared.tasks(Split.TRAIN).forEach(t -> trainInstructions.add(t.instruction()));
            assertThat(shared.tasks(Split.SEEN)).hasSize(20)
                    .noneMatch(t -> trainInstructions.contains(t.instruction()));
        }
    }

    private static ShopConfig smallWithSeenFamilies(String seenFamilies) {
        return new ShopConfig(3L, 600, null, null, 200, 20, 20, null, null, null, null, null, null, null, null, null,
                seenFamilies);
    }

    private static Set<Integer> targets(ShopEnvironment environment, Split split) {
        Set<Integer> targets = new HashSet<>();
        environment.tasks(split).forEach(t -> targets.add(environment.goalOf(t).target()));
        return targets;
    }
}
