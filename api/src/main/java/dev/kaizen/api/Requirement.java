package dev.kaizen.api;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What a part needs from the recipe's policy or environment, declared by its factory
 * ({@link ComponentFactory#requirements}) and checked by the host before the run's first stage: the
 * recipe's policy (or environment) must be built by a factory that lists {@code trait} among its
 * {@link ComponentFactory#traits()}. A recipe that does not fit is refused at start, naming both parts.
 *
 * <p>Traits are plain names that plugins agree on; those below are the shipped ones. A plugin may
 * offer them for its own parts (a vendor's chat policy can offer {@link #CHAT_MODEL}).
 *
 * @param part {@code policy} or {@code environment}: whose traits are checked
 * @param trait the trait that part must offer
 * @param why what the needing part does with it, for the message
 */
public record Requirement(String part, String trait, String why) {

    /** A policy that talks to a chat-model server, whose server and model can be borrowed or switched. */
    public static final String CHAT_MODEL = "chat-model";
    /**
     * A policy that writes actions of its own: it fills an observation's free-text templates with text
     * it composes (a chat model), where a policy that only picks among the listed actions would have
     * nothing to pick or would fill templates with words it did not choose.
     */
    public static final String FREE_TEXT = "free-text";
    /** A policy that implements {@link dev.kaizen.api.policy.TrainablePolicy}. */
    public static final String TRAINABLE = "trainable";

    private static final Set<String> PARTS = Set.of("policy", "environment");

    public Requirement {
        requireNonNull(part, "part is null");
        requireNonNull(trait, "trait is null");
        requireNonNull(why, "why is null");
        if (!PARTS.contains(part)) {
            throw new IllegalArgumentException("a requirement is on the policy or the environment, got '" + part + "'");
        }
    }

    /** A requirement on the recipe's policy. */
    public static Requirement policy(String trait, String why) {
        return new Requirement("policy", trait, why);
    }

    /** A requirement on the recipe's environment. */
    public static Requirement environment(String trait, String why) {
        return new Requirement("environment", trait, why);
    }
}
