package dev.kaizen.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopConfigTest {

    private static ShopConfig with(String field, Object value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", "shop");
        fields.put(field, value);
        return (ShopConfig) new FakeComponentContext(1, Path.of(".")).register(new ShopFactory())
                .config(EnvironmentConfig.class, fields);
    }

    @Test
    void defaultsMatchTheDocumentedStore() {
        ShopConfig config = new ShopConfig();
        assertThat(config.seed()).isEqualTo(1L);
        assertThat(config.products()).isEqualTo(5000);
        assertThat(config.categories()).hasSize(28);
        assertThat(config.unseenCategories()).containsExactly("outerwear", "skin-care", "beverages",
                "phone-accessories", "cat-supplies");
        assertThat(List.of(config.train(), config.seen(), config.unseen(), config.maxSteps()))
                .containsExactly(2000, 500, 500, 15);
        assertThat(List.of(config.distractors(), config.minGoalAttributes(), config.maxGoalAttributes(),
                config.maxGoalOptions())).containsExactly(3, 1, 3, 2);
        assertThat(List.of(config.titleAttributeShare(), config.synonymRate(), config.budgetMargin(),
                config.priceGap())).containsExactly(0.5, 0.3, 0.15, 0.15);
        assertThat(config.seenFamilies()).isEqualTo("shared");
        assertThat(with("products", 777).products()).isEqualTo(777);
        assertThat(with("products", 777).train()).isEqualTo(2000);
    }

    @Test
    void badValuesAreRejectedWithTheFieldTheValueAndWhatIsAllowed() {
        assertBad("products", 10, "products must be at least 100, got 10");
        assertBad("train", -1, "train must be >= 0, got -1");
        assertBad("maxSteps", 3, "maxSteps must be at least 5");
        assertBad("distractors", 9, "distractors must be in 0..8, got 9");
        assertBad("maxGoalAttributes", 0, "maxGoalAttributes must be in 1..5, got 0");
        assertBad("minGoalAttributes", 4, "minGoalAttributes must be in 1..3, got 4");
        assertBad("maxGoalOptions", 5, "maxGoalOptions must be in 0..4, got 5");
        assertBad("titleAttributeShare", 1.5, "titleAttributeShare must be in [0.0, 1.0], got 1.5");
        assertBad("synonymRate", -0.1, "synonymRate must be in [0.0, 1.0], got -0.1");
        assertBad("budgetMargin", 3.0, "budgetMargin must be in [0.0, 2.0], got 3.0");
        assertBad("priceGap", 0.0, "priceGap must be > 0");
        assertBad("seenFamilies", "held-out", "seenFamilies must be one of [shared, separate], got 'held-out'");
        assertBad("categories", List.of("mens-shoes", "moon-rocks"),
                "categories: unknown category 'moon-rocks'; known: [mens-shoes");
        assertBad("categories", List.of("mens-shoes"), "categories must list at least 2 categories");
        assertBad("categories", List.of("mens-shoes", "mens-shoes"), "'mens-shoes' is listed twice");
        assertBad("unseenCategories", List.of("gadgets"), "unseenCategories: 'gadgets' is not one of the stocked");
    }

    @Test
    void heldOutCategoriesMustLeaveSomethingToTrainOn() {
        assertThatThrownBy(() -> new ShopConfig(null, null, List.of("mens-shoes", "snacks"),
                List.of("mens-shoes", "snacks"), null, null, null, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("must leave at least one");
        assertThatThrownBy(() -> new ShopConfig(null, null, null, List.of(), null, null, 10, null, null, null, null,
                null, null, null, null, null, null)).hasMessageContaining("unseenCategories is empty but unseen = 10");
    }

    @Test
    void unknownAndMistypedFieldsAreRejectedByName() {
        assertThatThrownBy(() -> with("prodcts", 100)).hasMessageContaining("prodcts");
        assertThatThrownBy(() -> with("products", "many")).hasMessageContaining("many");
    }

    private static void assertBad(String field, Object value, String message) {
        assertThatThrownBy(() -> with(field, value)).as(field).hasMessageContaining(message);
    }
}
