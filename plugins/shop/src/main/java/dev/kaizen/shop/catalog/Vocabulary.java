package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words the catalog is made of: attribute synonym groups, brand syllables, product lines and
 * the categories with their product types, attribute pools, option groups, details and uses.
 *
 * <p>The standard vocabulary is the resource {@code vocabulary.json} next to this class. Immutable
 * and thread-safe.
 *
 * @param attributes attribute synonym groups; the first phrase of each group is its name
 * @param brandStarts first halves of generated brand names
 * @param brandEnds second halves of generated brand names
 * @param lines product line names shown after the brand in some titles
 * @param categories the categories, in a stable order
 */
public record Vocabulary(List<AttributeGroup> attributes, List<String> brandStarts, List<String> brandEnds,
                         List<String> lines, List<CategorySpec> categories) {

    private static final String RESOURCE = "vocabulary.json";

    public Vocabulary {
        attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
        brandStarts = List.copyOf(requireNonNull(brandStarts, "brandStarts is null"));
        brandEnds = List.copyOf(requireNonNull(brandEnds, "brandEnds is null"));
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        Set<String> names = new HashSet<>();
        for (AttributeGroup group : attributes) {
            names.add(group.name());
        }
        Set<String> ids = new HashSet<>();
        for (CategorySpec category : categories) {
            if (!ids.add(category.id())) {
                throw new IllegalArgumentException("vocabulary: category id '" + category.id() + "' appears twice");
            }
            List<String> named = new java.util.ArrayList<>(category.attributes());
            category.types().forEach(type -> named.addAll(type.attributes()));
            for (String attribute : named) {
                if (!names.contains(attribute)) {
                    throw new IllegalArgumentException("vocabulary: category '" + category.id()
                            + "' names attribute '" + attribute + "', which is not the first phrase of any attribute group");
                }
            }
        }
        if (brandStarts.isEmpty() || brandEnds.isEmpty() || lines.isEmpty()) {
            throw new IllegalArgumentException("vocabulary: brandStarts, brandEnds and lines must not be empty");
        }
    }

    /** The standard vocabulary shipped with the store. */
    public static Vocabulary standard() {
        return Holder.STANDARD;
    }

    /** Reads a vocabulary from JSON; unknown fields are rejected. */
    public static Vocabulary read(InputStream json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper.readValue(json, Vocabulary.class);
    }

    /** The category with this id, or an exception listing the known ids. */
    public CategorySpec category(String id) {
        for (CategorySpec category : categories) {
            if (category.id().equals(id)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category '" + id + "'; known: " + categoryIds());
    }

    /** The category ids in order. */
    public List<String> categoryIds() {
        return categories.stream().map(CategorySpec::id).toList();
    }

    private static final class Holder {
        static final Vocabulary STANDARD = load();

        private static Vocabulary load() {
            try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the store's vocabulary resource " + RESOURCE + " is missing");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the store's vocabulary " + RESOURCE, e);
            }
        }
    }
}
