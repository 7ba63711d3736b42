package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A customer review.
 *
 * @param stars 1 to 5
 * @param text what the customer wrote
 */
public record Review(int stars, String text) {

    public Review {
        requireNonNull(text, "text is null");
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars must be in 1..5: " + stars);
        }
    }
}
