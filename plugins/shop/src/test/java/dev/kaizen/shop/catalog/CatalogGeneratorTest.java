package dev.kaizen.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogGeneratorTest {

    private static CatalogSettings settings(long seed, int products) {
        return new CatalogSettings(seed, products, Vocabulary.standard().categoryIds(), 3, 3, 0.5, 0.15, 0.15);
    }

    private static String dump(Catalog catalog) {
        StringWriter out = new StringWriter();
        catalog.dump(out);
        return out.toString();
    }

    @Test
    void sameSeedGivesAByteIdenticalCatalogAndAnotherSeedAnotherOne() {
        String a = dump(CatalogGenerator.generate(Vocabulary.standard(), settings(5, 800)));
        String b = dump(CatalogGenerator.generate(Vocabulary.standard(), settings(5, 800)));
        String c = dump(CatalogGenerator.generate(Vocabulary.standard(), settings(6, 800)));
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(a.length()).isGreaterThan(100_000);
    }

    @Test
    void productsAreSpreadOverEveryTypeWithUniqueAsinLikeIds() {
        Catalog catalog = CatalogGenerator.generate(Vocabulary.standard(), settings(1, 1000));
        assertThat(catalog.products()).hasSize(1000);
        Set<String> ids = new HashSet<>();
        Set<Integer> types = new HashSet<>();
        for (Product product : catalog.products()) {
            assertThat(product.id()).matches("B0[0-9A-Z]{8}");
            assertThat(ids.add(product.id())).isTrue();
            assertThat(catalog.product(product.id().toLowerCase())).isSameAs(product);
            types.add(product.type().index());
            assertThat(product.features().size()).isGreaterThanOrEqualTo(product.attributes().size());
            assertThat(product.reviews()).isNotEmpty();
            assertThat(product.title()).containsIgnoringCase(product.type().phrase().split(" ")[0]);
        }
        assertThat(types).hasSize(catalog.types().size());
    }

    @Test
    void everyNearMissDiffersFromItsTargetInExactlyOneWay() {
        Catalog catalog = CatalogGenerator.generate(Vocabulary.standard(), settings(3, 2000));
        int[] kinds = new int[DistractorKind.values().length];
        for (Family family : catalog.families()) {
            Product target = catalog.product(family.target());
            assertThat(target.price()).isLessThanOrEqualTo(family.maxBudget());
            for (Family.Distractor d : family.distractors()) {
                Product miss = catalog.product(d.product());
                kinds[d.kind().ordinal()]++;
                assertThat(miss.type()).isEqualTo(target.type());
                boolean sameAttributes = new HashSet<>(miss.attributes()).equals(new HashSet<>(target.attributes()));
                boolean sameOptions = miss.options().equals(target.options());
                boolean cheap = miss.price() <= Math.ceil(target.price());
                switch (d.kind()) {
                    case ATTRIBUTE -> {
                        assertThat(miss.hasAttribute(d.attribute())).isFalse();
                        assertThat(target.hasAttribute(d.attribute())).isTrue();
                        assertThat(miss.attributes()).hasSameSizeAs(target.attributes());
                        assertThat(sameOptions && cheap).isTrue();
                    }
                    case OPTION -> {
                        assertThat(offers(target, d.optionValue())).isTrue();
                        assertThat(offers(miss, d.optionValue())).isFalse();
                        assertThat(sameAttributes && cheap).isTrue();
                    }
                    case PRICE -> {
                        assertThat(miss.price()).isGreaterThan(family.maxBudget());
                        assertThat(sameAttributes && sameOptions).isTrue();
                    }
                }
            }
        }
        assertThat(java.util.Arrays.stream(kinds).min().orElseThrow()).isGreaterThan(100);
    }

    private static boolean offers(Product product, String value) {
        return product.options().stream().map(OptionGroup::values).flatMap(List::stream).anyMatch(value::equals);
    }
}
