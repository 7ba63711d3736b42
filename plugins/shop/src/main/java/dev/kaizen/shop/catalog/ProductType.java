package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A product type as the catalog uses it: a leaf of a category path
 * {@code department › category › type}.
 *
 * @param index position in {@link Catalog#types()}
 * @param department the department, e.g. {@code Electronics}
 * @param categoryId the category's id, e.g. {@code phone-accessories}
 * @param category the category's display name
 * @param phrase the type, e.g. {@code power bank}
 * @param plural whether the phrase is plural
 * @param pair whether one buys "a pair of" it
 */
public record ProductType(int index, String department, String categoryId, String category, String phrase,
                          boolean plural, boolean pair) {

    public ProductType {
        requireNonNull(department, "department is null");
        requireNonNull(categoryId, "categoryId is null");
        requireNonNull(category, "category is null");
        requireNonNull(phrase, "phrase is null");
    }

    /** The category path, top first: department, category, type. */
    public List<String> path() {
        return List.of(department, category, phrase);
    }

    /** The path as shown on item pages: {@code Electronics › Phone Accessories › power bank}. */
    public String pathText() {
        return department + " › " + category + " › " + phrase;
    }
}
