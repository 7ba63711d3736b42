package dev.kaizen.shop.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.shop.catalog.Catalog;
import dev.kaizen.shop.catalog.CatalogGenerator;
import dev.kaizen.shop.catalog.CatalogSettings;
import dev.kaizen.shop.catalog.Vocabulary;
import dev.kaizen.shop.search.ProductIndex;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GoalGeneratorTest {

    private static Catalog catalog;
    private static ProductIndex index;

    @BeforeAll
    static void build() {
        catalog = CatalogGenerator.generate(Vocabulary.standard(), new CatalogSettings(2, 300,
                List.of("mens-shoes", "snacks", "audio"), 3, 3, 0.5, 0.15, 0.15));
        index = new ProductIndex(catalog);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void sameSeedSameGoalsAndTheyRespectTheSettings() {
        GoalSettings settings = new GoalSettings(2, 2, 1, 0.0, 15);
        List<Goal> a = new GoalGenerator(catalog, index, settings).generate(catalog.families(), 50, 9, new HashSet<>(), "train");
        List<Goal> b = new GoalGenerator(catalog, index, settings).generate(catalog.families(), 50, 9, new HashSet<>(), "train");
        assertThat(a).isEqualTo(b).hasSize(50);
        for (Goal goal : a) {
            assertThat(goal.attributes()).hasSize(2);
            assertThat(goal.options().size()).isLessThanOrEqualTo(2);
            var target = catalog.product(goal.target());
            for (Goal.GoalAttribute attribute : goal.attributes()) {
                assertThat(target.attributePhrases()).as("synonym rate 0 keeps the target's wording")
                        .contains(attribute.phrase());
            }
        }
    }

    @Test
    void failsClearlyWhenNoGoalCanBeMade() {
        GoalGenerator impossible = new GoalGenerator(catalog, index, new GoalSettings(1, 3, 2, 0.3, 2));
        assertThatThrownBy(() -> impossible.generate(catalog.families(), 5, 1, new HashSet<>(), "seen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could make only 0 of 5 seen tasks")
                .hasMessageContaining("add products or reduce the split size");
        assertThatThrownBy(() -> impossible.generate(List.of(), 5, 1, new HashSet<>(), "unseen"))
                .hasMessageContaining("no products to make unseen tasks from");
        assertThat(impossible.generate(List.of(), 0, 1, new HashSet<>(), "unseen")).isEmpty();
    }
}
