package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A product of the catalog. Everything here is shown on some page the agent can reach: the title
 * and price on results pages, the options and rating on the item page, the description, features
 * (which name every attribute) and reviews on the item's sub-pages.
 *
 * @param ordinal position in {@link Catalog#products()}
 * @param id the ASIN-like id products are clicked by, e.g. {@code B07K3QZ9TL}
 * @param type the product type
 * @param brand the brand
 * @param title the title
 * @param price the price in dollars
 * @param attributes the attribute groups the product has (indexes into the lexicon)
 * @param attributePhrases how this product words each of its attributes, parallel to {@code attributes}
 * @param options the option groups offered
 * @param description the description text
 * @param features the feature bullets
 * @param reviews customer reviews
 * @param rating the average rating, 1 to 5
 * @param ratingCount how many ratings the average is over
 */
public record Product(int ordinal, String id, ProductType type, String brand, String title, double price,
                      List<Integer> attributes, List<String> attributePhrases, List<OptionGroup> options,
                      String description, List<String> features, List<Review> reviews, double rating,
                      int ratingCount) {

    public Product {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(brand, "brand is null");
        requireNonNull(title, "title is null");
        attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
        attributePhrases = List.copyOf(requireNonNull(attributePhrases, "attributePhrases is null"));
        options = List.copyOf(requireNonNull(options, "options is null"));
        requireNonNull(description, "description is null");
        features = List.copyOf(requireNonNull(features, "features is null"));
        reviews = List.copyOf(requireNonNull(reviews, "reviews is null"));
        if (attributes.size() != attributePhrases.size()) {
            throw new IllegalArgumentException("attributes and attributePhrases differ in length");
        }
        if (!(price > 0)) {
            throw new IllegalArgumentException("price must be > 0: " + price);
        }
    }

    /** The price as pages show it, e.g. {@code $54.99}. */
    public String priceText() {
        return formatPrice(price);
    }

    /** Dollars with two decimals and a leading {@code $}, e.g. {@code $54.99}. */
    public static String formatPrice(double dollars) {
        long cents = Math.round(dollars * 100);
        long part = Math.abs(cents % 100);
        return (cents < 0 ? "-$" : "$") + Math.abs(cents / 100) + (part < 10 ? ".0" : ".") + part;
    }

    /** Whether the product has the attribute group {@code group}. */
    public boolean hasAttribute(int group) {
        return attributes.contains(group);
    }
}
