package dev.kaizen.shop.catalog;

/** How a near-miss differs from its family's target: in exactly one of these. */
public enum DistractorKind {
    /** It lacks one of the target's attributes (and has another one instead). */
    ATTRIBUTE,
    /** It does not offer one of the target's option values. */
    OPTION,
    /** It costs more than any budget a goal for the target can have. */
    PRICE
}
