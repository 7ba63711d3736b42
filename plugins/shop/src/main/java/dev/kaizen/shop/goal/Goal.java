package dev.kaizen.shop.goal;

import static java.util.Objects.requireNonNull;

import dev.kaizen.shop.catalog.ProductType;
import java.util.List;

/**
 * What a task asks for, with its ground truth. Only {@link #instruction()} is shown to the agent;
 * the rest stays inside the store (the reward and the expert read it).
 *
 * @param target the ordinal of a product that fully satisfies the goal
 * @param type the product type asked for
 * @param attributes the attributes asked for, in instruction order
 * @param options the option values asked for, in instruction order
 * @param budget the most the agent may pay, in whole dollars
 * @param instruction the instruction, lowercase
 * @param query the expert's search query: the type and attribute phrases as the instruction
 *     words them, in instruction order
 */
public record Goal(int target, ProductType type, List<GoalAttribute> attributes, List<GoalOption> options,
                   int budget, String instruction, String query) {

    public Goal {
        requireNonNull(type, "type is null");
        attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
        options = List.copyOf(requireNonNull(options, "options is null"));
        requireNonNull(instruction, "instruction is null");
        requireNonNull(query, "query is null");
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1: " + budget);
        }
    }

    /**
     * An attribute a goal asks for.
     *
     * @param group the attribute group (index into the lexicon)
     * @param phrase how the instruction words it
     */
    public record GoalAttribute(int group, String phrase) {

        public GoalAttribute {
            requireNonNull(phrase, "phrase is null");
        }
    }

    /**
     * An option value a goal asks for.
     *
     * @param group the option group's name, e.g. {@code color}
     * @param value the value, exactly as the item page offers it
     */
    public record GoalOption(String group, String value) {

        public GoalOption {
            requireNonNull(group, "group is null");
            requireNonNull(value, "value is null");
        }
    }
}
