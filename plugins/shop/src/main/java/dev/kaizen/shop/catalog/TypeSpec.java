package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product type of the vocabulary, e.g. {@code hiking boots}.
 *
 * @param phrase the type as instructions and titles say it, lowercase
 * @param plural whether the phrase is plural ("boots that are ...")
 * @param pair whether one buys "a pair of" it
 * @param price the lowest and highest base price in dollars
 * @param options the type's own option groups (name to values), replacing the category's; may be empty
 * @param attributes the type's own attribute pool (group names), replacing the category's; may be empty
 * @param details the type's own details, replacing the category's; may be empty
 */
public record TypeSpec(String phrase, boolean plural, boolean pair, List<Double> price,
                       Map<String, List<String>> options, List<String> attributes, List<String> details) {

    public TypeSpec {
        requireNonNull(phrase, "phrase is null");
        price = List.copyOf(requireNonNull(price, "price is null"));
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        details = details == null ? List.of() : List.copyOf(details);
        if (!attributes.isEmpty() && attributes.size() < 4 || !details.isEmpty() && details.size() < 2) {
            throw new IllegalArgumentException("vocabulary: type '" + phrase
                    + "' needs at least 4 attributes and 2 details where it lists its own");
        }
        if (price.size() != 2 || !(price.get(0) > 0) || !(price.get(1) > price.get(0))) {
            throw new IllegalArgumentException("vocabulary: type '" + phrase
                    + "' needs price [low, high] with 0 < low < high, got " + price);
        }
    }
}
