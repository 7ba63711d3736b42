package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One product attribute and its phrasings (synonyms), e.g. {@code water resistant},
 * {@code waterproof}, {@code water repellent}. The first phrase is the attribute's name.
 *
 * @param phrases the phrasings, lowercase, at least one
 * @param noun whether the phrasings are noun phrases ({@code arch support}) that read
 *     "with ..." after a product type, rather than adjectives ({@code lightweight})
 */
public record AttributeGroup(List<String> phrases, boolean noun) {

    public AttributeGroup {
        phrases = List.copyOf(requireNonNull(phrases, "phrases is null"));
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("an attribute group needs at least one phrase");
        }
    }

    /** The attribute's name: its first phrase. */
    public String name() {
        return phrases.get(0);
    }
}
