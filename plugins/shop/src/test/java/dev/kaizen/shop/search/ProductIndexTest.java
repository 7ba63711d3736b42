package dev.kaizen.shop.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.shop.catalog.Catalog;
import dev.kaizen.shop.catalog.CatalogGenerator;
import dev.kaizen.shop.catalog.CatalogSettings;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.catalog.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductIndexTest {

    private static Catalog catalog;
    private static ProductIndex index;

    @BeforeAll
    static void build() {
        catalog = CatalogGenerator.generate(Vocabulary.standard(), new CatalogSettings(4, 1500,
                Vocabulary.standard().categoryIds(), 3, 3, 0.5, 0.15, 0.15));
        index = new ProductIndex(catalog);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void findsProductsByTitleAttributesAndDescriptionBestFirst() {
        Product product = catalog.product(123);
        SearchResults byTitle = index.search(product.title());
        assertThat(byTitle.size()).isEqualTo(ProductIndex.MAX_RESULTS);
        assertThat(byTitle.get(0)).isEqualTo(product.ordinal());
        String attributesOnly = String.join(" ", product.attributePhrases()) + " " + product.type().phrase();
        assertThat(index.search(attributesOnly).rankOf(product.ordinal())).isBetween(0, 49);
        assertThat(index.search("Hiking BOOTS's").rankOf(-1)).isEqualTo(-1);
        SearchResults boots = index.search("hiking boots");
        for (int rank = 0; rank < 10; rank++) {
            assertThat(catalog.product(boots.get(rank)).type().phrase()).isEqualTo("hiking boots");
        }
    }

    @Test
    void wordOrderDoesNotChangeTheResults() {
        SearchResults forward = index.search("lightweight water resistant hiking boots");
        index.clearCache();
        SearchResults backward = index.search("boots hiking resistant water lightweight");
        assertThat(backward).isEqualTo(forward);
        assertThat(index.search("Water Resistant, LIGHTWEIGHT hiking boot")).isSameAs(backward);
    }

    @Test
    void queriesWithoutSearchableWordsFindNothingAndHostileTextNeverThrows() {
        assertThat(index.search("").size()).isZero();
        assertThat(index.search("the and of a").size()).isZero();
        assertThat(index.search("\"( ) * ? AND OR NOT : ~ ^ [ ] { } \\ /").size()).isZero();
        assertThat(index.search("boots".repeat(5000) + " x".repeat(5000)).size()).isLessThanOrEqualTo(50);
        assertThat(index.terms("one two three ".repeat(30) + String.join(" ", java.util.Collections.nCopies(1, "w"))))
                .hasSizeLessThanOrEqualTo(ProductIndex.MAX_TERMS);
    }

    @Test
    void cachedAndConcurrentSearchesGiveTheSameResults() throws Exception {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Product p = catalog.product(i * 7);
            queries.add(p.attributePhrases().get(0) + " " + p.type().phrase());
        }
        List<SearchResults> sequential = new ArrayList<>();
        for (String query : queries) {
            sequential.add(index.search(query));
        }
        index.clearCache();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SearchResults>>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                parts.add(pool.submit(() -> queries.stream().map(index::search).toList()));
            }
            for (Future<List<SearchResults>> part : parts) {
                assertThat(part.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(index.search(queries.get(0))).isSameAs(index.search(queries.get(0)));
    }
}
