package dev.kaizen.shop;

import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.shop.catalog.Vocabulary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Config of the {@code shop} environment. Every field has a default (used when it is null) and
 * is validated; an invalid value is rejected with the field's name, its value and what is allowed.
 *
 * @param seed seed of the catalog and the goals (default 1); the store is otherwise deterministic
 * @param products how many products the catalog has (default 5000; at least 100)
 * @param categories ids of the categories to stock (default: all 28 of the vocabulary)
 * @param unseenCategories ids of the categories held out of {@code train} and {@code seen}; the
 *     {@code unseen} tasks come from them only (default: outerwear, skin-care, beverages,
 *     phone-accessories, cat-supplies)
 * @param train number of {@code train} tasks (default 2000)
 * @param seen number of {@code seen} tasks, from the categories of {@code train} (default 500)
 * @param unseen number of {@code unseen} tasks (default 500)
 * @param maxSteps actions per episode before it ends with reward 0 (default 15; at least 5)
 * @param distractors near-misses per target product, each differing from it in exactly one
 *     attribute, option value or price (default 3; 0 to 8)
 * @param minGoalAttributes fewest attributes an instruction names (default 1)
 * @param maxGoalAttributes most attributes an instruction names (default 3; at most 5)
 * @param maxGoalOptions most option values an instruction names, besides one an option near-miss
 *     forces (default 2; 0 to 4)
 * @param titleAttributeShare chance that a title shows a given attribute of its product; the
 *     others appear only in the attributes, features and description (default 0.5; 0 to 1)
 * @param synonymRate chance that an instruction words an attribute with a synonym of the target
 *     product's own wording (default 0.3; 0 to 1)
 * @param budgetMargin how far above the target's price the budget may be, relative (default 0.15;
 *     0 to 2)
 * @param priceGap how far above the highest budget the price near-miss costs, at least, relative
 *     (default 0.15; more than 0, at most 2)
 * @param seenFamilies which product families the {@code seen} goals target: {@code shared}
 *     (default) the families of {@code train} (new instructions for products that training tasks
 *     also target, as in WebShop, whose splits differ by instruction), or {@code separate} a share
 *     of the families set aside from {@code train} (no {@code seen} target is a {@code train}
 *     target). The set-aside families are stocked in both modes and {@code train} is the same in
 *     both: switching changes only {@code seen}.
 */
public record ShopConfig(Long seed, Integer products, List<String> categories, List<String> unseenCategories,
                         Integer train, Integer seen, Integer unseen, Integer maxSteps, Integer distractors,
                         Integer minGoalAttributes, Integer maxGoalAttributes, Integer maxGoalOptions,
                         Double titleAttributeShare, Double synonymRate, Double budgetMargin, Double priceGap,
                         String seenFamilies)
        implements EnvironmentConfig {

    /** The default held-out categories. */
    public static final List<String> DEFAULT_UNSEEN = List.of("outerwear", "skin-care", "beverages",
            "phone-accessories", "cat-supplies");
    /** The values of {@code seenFamilies}. */
    public static final List<String> SEEN_FAMILIES = List.of("shared", "separate");

    public ShopConfig {
        seed = seed == null ? 1L : seed;
        products = products == null ? 5000 : products;
        categories = categories == null ? Vocabulary.standard().categoryIds() : List.copyOf(categories);
        unseenCategories = unseenCategories == null ? DEFAULT_UNSEEN : List.copyOf(unseenCategories);
        train = train == null ? 2000 : train;
        seen = seen == null ? 500 : seen;
        unseen = unseen == null ? 500 : unseen;
        maxSteps = maxSteps == null ? 15 : maxSteps;
        distractors = distractors == null ? 3 : distractors;
        minGoalAttributes = minGoalAttributes == null ? 1 : minGoalAttributes;
        maxGoalAttributes = maxGoalAttributes == null ? 3 : maxGoalAttributes;
        maxGoalOptions = maxGoalOptions == null ? 2 : maxGoalOptions;
        titleAttributeShare = titleAttributeShare == null ? 0.5 : titleAttributeShare;
        synonymRate = synonymRate == null ? 0.3 : synonymRate;
        budgetMargin = budgetMargin == null ? 0.15 : budgetMargin;
        priceGap = priceGap == null ? 0.15 : priceGap;
        seenFamilies = seenFamilies == null ? "shared" : seenFamilies;

        atLeast("products", products, 100, "at least 100");
        List<String> known = Vocabulary.standard().categoryIds();
        Set<String> stocked = new HashSet<>();
        for (String id : categories) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("categories: unknown category '" + id + "'; known: " + known);
            }
            if (!stocked.add(id)) {
                throw new IllegalArgumentException("categories: '" + id + "' is listed twice");
            }
        }
        if (categories.size() < 2) {
            throw new IllegalArgumentException("categories must list at least 2 categories (one to train on, one"
                    + " to hold out), got " + categories);
        }
        for (String id : unseenCategories) {
            if (!stocked.contains(id)) {
                throw new IllegalArgumentException("unseenCategories: '" + id + "' is not one of the stocked"
                        + " categories " + categories);
            }
        }
        if (new HashSet<>(unseenCategories).size() >= stocked.size()) {
            throw new IllegalArgumentException("unseenCategories " + unseenCategories + " must leave at least one of"
                    + " the categories " + categories + " for training");
        }
        if (unseenCategories.isEmpty() && unseen > 0) {
            throw new IllegalArgumentException("unseenCategories is empty but unseen = " + unseen
                    + "; name at least one held-out category or set unseen to 0");
        }
        atLeast("train", train, 0, ">= 0");
        atLeast("seen", seen, 0, ">= 0");
        atLeast("unseen", unseen, 0, ">= 0");
        atLeast("maxSteps", maxSteps, 5, "at least 5 (the expert needs up to 3 steps plus one per page and option)");
        within("distractors", distractors, 0, 8);
        within("maxGoalAttributes", maxGoalAttributes, 1, 5);
        within("minGoalAttributes", minGoalAttributes, 1, maxGoalAttributes);
        within("maxGoalOptions", maxGoalOptions, 0, 4);
        share("titleAttributeShare", titleAttributeShare, 0, 1);
        share("synonymRate", synonymRate, 0, 1);
        share("budgetMargin", budgetMargin, 0, 2);
        share("priceGap", priceGap, 0, 2);
        if (!SEEN_FAMILIES.contains(seenFamilies)) {
            throw new IllegalArgumentException("seenFamilies must be one of " + SEEN_FAMILIES + ", got '"
                    + seenFamilies + "'");
        }
        if (priceGap == 0) {
            throw new IllegalArgumentException("priceGap must be > 0 (the price near-miss must cost more than the"
                    + " budget), got 0.0");
        }
    }

    /** The defaults. */
    public ShopConfig() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the {@code seen} goals target the product families of {@code train}. */
    public boolean seenSharesFamilies() {
        return seenFamilies.equals("shared");
    }

    private static void atLeast(String field, int value, int min, String allowed) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be " + allowed + ", got " + value);
        }
    }

    private static void within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    private static void share(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
