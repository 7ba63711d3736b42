package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A group of option values a product offers, e.g. {@code color: black, navy, olive}. On the item
 * page each value is clickable; one value per group can be selected.
 *
 * @param name the group's name, e.g. {@code color}
 * @param values the values in display order, distinct
 */
public record OptionGroup(String name, List<String> values) {

    public OptionGroup {
        requireNonNull(name, "name is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("option group '" + name + "' has no values");
        }
    }
}
