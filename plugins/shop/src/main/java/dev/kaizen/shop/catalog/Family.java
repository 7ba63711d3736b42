package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A target product and its near-misses: products of the same type that differ from it in exactly
 * one attribute, one option value or the price. Goals are made for targets, naming what tells
 * the target apart. Ground truth: never shown to the agent.
 *
 * @param index position in {@link Catalog#families()}
 * @param target the target's ordinal
 * @param distractors the near-misses
 * @param maxBudget the highest budget a goal for the target may state, in whole dollars; every
 *     product of the family except the price near-misses costs at most its target's price
 */
public record Family(int index, int target, List<Distractor> distractors, int maxBudget) {

    public Family {
        distractors = List.copyOf(requireNonNull(distractors, "distractors is null"));
    }

    /**
     * One near-miss.
     *
     * @param product its ordinal
     * @param kind how it differs
     * @param attribute for {@link DistractorKind#ATTRIBUTE}, the target's attribute group it lacks; else -1
     * @param optionGroup for {@link DistractorKind#OPTION}, the group missing a value; else null
     * @param optionValue for {@link DistractorKind#OPTION}, the value it lacks; else null
     */
    public record Distractor(int product, DistractorKind kind, int attribute, String optionGroup, String optionValue) {

        public Distractor {
            requireNonNull(kind, "kind is null");
        }
    }
}
