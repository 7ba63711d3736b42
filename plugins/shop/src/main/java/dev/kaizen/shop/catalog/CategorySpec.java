package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category of the vocabulary: where it sits, which product types it holds, which attributes
 * its products draw from, and its option groups.
 *
 * @param id kebab-case id, used in configs ({@code unseenCategories})
 * @param department the top of the category path, e.g. {@code Electronics}
 * @param name the display name, e.g. {@code Phone Accessories}
 * @param audience who the products are for, used in titles ("for ...")
 * @param types the product types, each a leaf of the category path
 * @param attributes names of the attribute groups products of this category draw from
 * @param options option groups (name to values) for types that define none of their own
 * @param details product details that are not goal attributes (text colour and search noise)
 * @param uses occasions the products are used for (text colour)
 */
public record CategorySpec(String id, String department, String name, String audience, List<TypeSpec> types,
                           List<String> attributes, Map<String, List<String>> options, List<String> details,
                           List<String> uses) {

    public CategorySpec {
        requireNonNull(id, "id is null");
        requireNonNull(department, "department is null");
        requireNonNull(name, "name is null");
        requireNonNull(audience, "audience is null");
        types = List.copyOf(requireNonNull(types, "types is null"));
        attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        details = List.copyOf(requireNonNull(details, "details is null"));
        uses = List.copyOf(requireNonNull(uses, "uses is null"));
        if (types.isEmpty() || attributes.size() < 4 || details.size() < 2 || uses.isEmpty()) {
            throw new IllegalArgumentException("vocabulary: category '" + id
                    + "' needs at least 1 type, 4 attributes, 2 details and 1 use");
        }
    }

    /** The attribute pool of a type of this category: the type's own, else the category's. */
    public List<String> attributes(TypeSpec type) {
        return type.attributes().isEmpty() ? attributes : type.attributes();
    }

    /** The details of a type of this category: the type's own, else the category's. */
    public List<String> details(TypeSpec type) {
        return type.details().isEmpty() ? details : type.details();
    }

    /** The option groups of a type of this category: the type's own, else the category's. */
    public List<OptionGroup> optionGroups(TypeSpec type) {
        Map<String, List<String>> source = type.options().isEmpty() ? options : type.options();
        List<OptionGroup> groups = new ArrayList<>(source.size());
        source.forEach((group, values) -> groups.add(new OptionGroup(group, values)));
        return List.copyOf(groups);
    }
}
