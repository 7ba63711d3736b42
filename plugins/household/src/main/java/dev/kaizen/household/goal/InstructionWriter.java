package dev.kaizen.household.goal;

import dev.kaizen.household.world.ObjectSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a goal as an instruction, in one of six phrasings per family drawn at random, e.g.
 * {@code put a clean mug in cabinet.}, {@code wash a mug, then put it in the cabinet.} or
 * {@code find two apples and put them in fridge.} Object and receptacle types are named as
 * observations name them; the phrasings vary the verbs, articles and the words for the treatment
 * ({@code clean}, {@code wash}, {@code rinse}; {@code hot}, {@code heat}, {@code warm},
 * {@code cook}; {@code cool}, {@code cold}, {@code chill}). Thread-safe.
 */
public final class InstructionWriter {

    /** Placeholders: {@code {a}} a/an, {@code {o}} object, {@code {os}} its plural, {@code {r}} target. */
    private static final Map<Family, List<String>> PHRASINGS = new EnumMap<>(Map.of(
            Family.PICK_AND_PLACE, List.of(
                    "put {a} {o} in {r}.",
                    "put some {o} on {r}.",
                    "place {a} {o} in the {r}.",
                    "move {a} {o} to the {r}.",
                    "find {a} {o} and put it in the {r}.",
                    "take {a} {o} and set it on the {r}."),
            Family.CLEAN_AND_PLACE, List.of(
                    "put a clean {o} in {r}.",
                    "clean some {o} and put it in {r}.",
                    "wash {a} {o}, then put it in the {r}.",
                    "rinse {a} {o} and place it on the {r}.",
                    "put a washed {o} on the {r}.",
                    "clean the {o} and move it to the {r}."),
            Family.HEAT_AND_PLACE, List.of(
                    "put a hot {o} in {r}.",
                    "heat some {o} and put it in {r}.",
                    "warm {a} {o} in the microwave, then place it on the {r}.",
                    "put a heated {o} on the {r}.",
                    "cook {a} {o} and put it in the {r}.",
                    "heat the {o} and move it to the {r}."),
            Family.COOL_AND_PLACE, List.of(
                    "put a cool {o} in {r}.",
                    "cool some {o} and put it in {r}.",
                    "chill {a} {o} in the fridge, then place it on the {r}.",
                    "put a cold {o} on the {r}.",
                    "put a chilled {o} in the {r}.",
                    "cool the {o} and move it to the {r}."),
            Family.LOOK_IN_LIGHT, List.of(
                    "look at {o} under the {r}.",
                    "examine the {o} with the {r}.",
                    "look at the {o} in the light of the {r}.",
                    "turn on the {r} and look at the {o}.",
                    "hold the {o} under the {r}.",
                    "examine {a} {o} by the light of the {r}."),
            Family.PICK_TWO_AND_PLACE, List.of(
                    "put two {os} in {r}.",
                    "find two {os} and put them in {r}.",
                    "place two {os} on the {r}.",
                    "move a pair of {os} to the {r}.",
                    "take two {os} and set them on the {r}.",
                    "put two {os} in the {r}.")));

    private InstructionWriter() {
    }

    /** The phrasings of a family, with their placeholders. */
    public static List<String> phrasings(Family family) {
        return PHRASINGS.get(family);
    }

    /** {@code goal} in a phrasing drawn from {@code random}; {@code object} is the goal's object type. */
    public static String write(Goal goal, ObjectSpec object, SplittableRandom random) {
        List<String> phrasings = PHRASINGS.get(goal.family());
        String phrasing = phrasings.get(random.nextInt(phrasings.size()));
        return phrasing.replace("{a}", article(object.name())).replace("{os}", object.plural())
                .replace("{o}", object.name()).replace("{r}", goal.target());
    }

    /** {@code an} before a vowel, else {@code a}. */
    public static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
