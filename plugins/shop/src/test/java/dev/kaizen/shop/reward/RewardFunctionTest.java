package dev.kaizen.shop.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.shop.catalog.Lexicon;
import dev.kaizen.shop.catalog.OptionGroup;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.catalog.ProductType;
import dev.kaizen.shop.catalog.Vocabulary;
import dev.kaizen.shop.goal.Goal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardFunctionTest {

    private static final Lexicon LEXICON = new Lexicon(Vocabulary.standard());
    private static final RewardFunction REWARD = new RewardFunction(LEXICON);

    private static final ProductType BOOTS = new ProductType(0, "Clothing, Shoes & Jewelry", "mens-shoes",
            "Men's Shoes", "hiking boots", true, true);
    private static final ProductType LOAFERS = new ProductType(1, "Clothing, Shoes & Jewelry", "mens-shoes",
            "Men's Shoes", "loafers", true, true);
    private static final ProductType SANDALS = new ProductType(2, "Clothing, Shoes & Jewelry", "womens-shoes",
            "Women's Shoes", "sandals", true, true);
    private static final ProductType SHAMPOO = new ProductType(3, "Beauty & Personal Care", "hair-care",
            "Hair Care", "shampoo", false, false);

    private static Product product(ProductType type, double price, List<String> attributePhrases) {
        List<Integer> groups = attributePhrases.stream().map(LEXICON::groupOf).toList();
        return new Product(0, "B0TEST0001", type, "Ridgecraft", "Ridgecraft Boots", price, groups, attributePhrases,
                List.of(new OptionGroup("color", List.of("black", "brown")),
                        new OptionGroup("size", List.of("size 9", "size 10"))),
                "", List.of(), List.of(), 4.5, 10);
    }

    /** Two attributes (as the instruction words them), two options, budget 60. */
    private static Goal goal(String... attributePhrases) {
        List<Goal.GoalAttribute> attributes = java.util.Arrays.stream(attributePhrases)
                .map(p -> new Goal.GoalAttribute(LEXICON.groupOf(p), p)).toList();
        return new Goal(0, BOOTS, attributes,
                List.of(new Goal.GoalOption("color", "black"), new Goal.GoalOption("size", "size 10")), 60,
                "i need hiking boots", "hiking boots");
    }

    @Test
    void fullMatchIsOne() {
        RewardBreakdown score = REWARD.score(goal("waterproof", "lightweight"),
                product(BOOTS, 54.99, List.of("waterproof", "lightweight", "arch support")), List.of("black", "size 10"));
        assertThat(score.reward()).isEqualTo(1.0);
        assertThat(score.typeReward()).isEqualTo(1.0);
        assertThat(score.attributesMatched()).isEqualTo(2);
        assertThat(score.optionsMatched()).isEqualTo(2);
        assertThat(score.withinBudget()).isTrue();
    }

    @Test
    void oneMissingOptionCostsOneOfFiveParts() {
        Product boots = product(BOOTS, 54.99, List.of("waterproof", "lightweight"));
        assertThat(REWARD.score(goal("waterproof", "lightweight"), boots, List.of("black")).reward())
                .isCloseTo(4.0 / 5, within(1e-12));
        assertThat(REWARD.score(goal("waterproof", "lightweight"), boots, List.of("black", "size 9")).reward())
                .as("a wrong value is no better than none").isCloseTo(4.0 / 5, within(1e-12));
        assertThat(REWARD.score(goal("waterproof", "lightweight"), boots, List.of()).reward())
                .as("offered but not selected does not count").isCloseTo(3.0 / 5, within(1e-12));
    }

    @Test
    void priceOverBudgetLosesThePricePart() {
        RewardBreakdown score = REWARD.score(goal("waterproof", "lightweight"),
                product(BOOTS, 60.49, List.of("waterproof", "lightweight")), List.of("black", "size 10"));
        assertThat(score.withinBudget()).isFalse();
        assertThat(score.reward()).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(REWARD.score(goal("waterproof", "lightweight"),
                product(BOOTS, 60.0, List.of("waterproof", "lightweight")), List.of("black", "size 10")).reward())
                .as("a price equal to the budget is within it").isEqualTo(1.0);
    }

    @Test
    void wrongProductTypeScalesTheRewardByHowFarTheTypeDrifts() {
        List<String> attributes = List.of("waterproof", "lightweight");
        List<String> options = List.of("black", "size 10");
        Goal goal = goal("waterproof", "lightweight");
        assertThat(REWARD.score(goal, product(LOAFERS, 50, attributes), options).reward())
                .as("same category, other type").isEqualTo(0.5);
        assertThat(REWARD.score(goal, product(SANDALS, 50, attributes), options).reward())
                .as("same department, other category").isCloseTo(0.1, within(1e-12));
        assertThat(REWARD.score(goal, product(SHAMPOO, 50, attributes), options).reward())
                .as("other department").isEqualTo(0.0);
    }

    @Test
    void attributesMatchFuzzilyAcrossSpellingAndSynonyms() {
        Goal goal = goal("water resistant", "noise cancelling");
        List<String> options = List.of("black", "size 10");
        assertThat(REWARD.score(goal, product(BOOTS, 50, List.of("Water-Resistant", "Noise Cancelling")), options)
                .attributesMatched()).as("case and hyphens").isEqualTo(2);
        assertThat(REWARD.score(goal, product(BOOTS, 50, List.of("water repellent", "noise canceling")), options)
                .attributesMatched()).as("a synonym, and a one-letter spelling difference").isEqualTo(2);
        assertThat(REWARD.score(goal("waterproof"), product(BOOTS, 50, List.of("water proof")), options)
                .attributesMatched()).as("spacing").isEqualTo(1);
        assertThat(REWARD.score(goal, product(BOOTS, 50, List.of("windproof", "wind resistant")), options)
                .attributesMatched()).as("a different attribute that looks alike").isZero();
    }

    @Test
    void optionValuesMustBeTheSameValueNotJustSimilar() {
        Goal goal = new Goal(0, BOOTS, List.of(), List.of(new Goal.GoalOption("size", "large")), 60, "i", "q");
        Product product = new Product(0, "B0TEST0002", BOOTS, "b", "t", 10, List.of(), List.of(),
                List.of(new OptionGroup("size", List.of("large", "x-large"))), "", List.of(), List.of(), 4, 1);
        assertThat(REWARD.score(goal, product, List.of("x-large")).optionsMatched()).isZero();
        assertThat(REWARD.score(goal, product, List.of("Large")).optionsMatched()).isEqualTo(1);
        Goal shoeSize = new Goal(0, BOOTS, List.of(), List.of(new Goal.GoalOption("size", "size 10")), 60, "i", "q");
        assertThat(REWARD.score(shoeSize, product, List.of("size 1")).optionsMatched()).isZero();
        assertThat(REWARD.score(shoeSize, product, List.of("size 10.5")).optionsMatched()).isZero();
    }
}
