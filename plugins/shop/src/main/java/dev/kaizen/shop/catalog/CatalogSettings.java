package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the catalog generator needs to know.
 *
 * @param seed the catalog seed
 * @param products how many products to make
 * @param categories ids of the categories to stock, in vocabulary order
 * @param distractors how many near-misses each family of products has besides its target
 * @param maxRequiredAttributes the most attributes a goal can name (bounds attribute near-misses)
 * @param titleAttributeShare the chance that a product's title shows a given attribute of it
 * @param budgetMargin how far above the target's price a goal's budget may lie, relative
 * @param priceGap how far the price near-miss lies above the highest budget, relative (at least)
 */
public record CatalogSettings(long seed, int products, List<String> categories, int distractors,
                              int maxRequiredAttributes, double titleAttributeShare, double budgetMargin,
                              double priceGap) {

    public CatalogSettings {
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
    }
}
