package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute groups of a vocabulary with lookup by phrase. Group indexes are positions in
 * {@link Vocabulary#attributes()}. Immutable and thread-safe.
 */
public final class Lexicon {

    private final List<AttributeGroup> groups;
    private final Map<String, Integer> byPhrase = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();

    public Lexicon(Vocabulary vocabulary) {
        this.groups = requireNonNull(vocabulary, "vocabulary is null").attributes();
        for (int g = 0; g < groups.size(); g++) {
            byName.put(groups.get(g).name(), g);
            for (String phrase : groups.get(g).phrases()) {
                Integer previous = byPhrase.put(key(phrase), g);
                if (previous != null && previous != g) {
                    throw new IllegalArgumentException("vocabulary: phrase '" + phrase + "' belongs to attributes '"
                            + groups.get(previous).name() + "' and '" + groups.get(g).name() + "'");
                }
            }
        }
    }

    /** The number of groups. */
    public int size() {
        return groups.size();
    }

    /** The group at {@code index}. */
    public AttributeGroup group(int index) {
        return groups.get(index);
    }

    /** The index of the group named {@code name} (its first phrase). */
    public int indexOf(String name) {
        Integer index = byName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("unknown attribute '" + name + "'");
        }
        return index;
    }

    /**
     * The group with a phrasing that equals {@code phrase} after {@link PhraseNormalizer#normalize
     * normalisation} and with spaces removed ({@code Water-Proof} finds {@code waterproof}), or -1.
     */
    public int groupOf(String phrase) {
        Integer index = byPhrase.get(key(phrase));
        return index == null ? -1 : index;
    }

    private static String key(String phrase) {
        return PhraseNormalizer.normalize(phrase).replace(" ", "");
    }
}
