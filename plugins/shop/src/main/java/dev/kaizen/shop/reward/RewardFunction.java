package dev.kaizen.shop.reward;

import static java.util.Objects.requireNonNull;

import dev.kaizen.shop.catalog.Lexicon;
import dev.kaizen.shop.catalog.PhraseNormalizer;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.catalog.ProductType;
import dev.kaizen.shop.goal.Goal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * WebShop's reward for buying {@code product} with some option values selected, for a goal:
 *
 * <pre>r = r_type · (N_att + N_opt + 1[price ≤ budget]) / (|U_att| + |U_opt| + 1)</pre>
 *
 * <ul>
 *   <li>{@code r_type} compares category paths ({@code department › category › type}): the same
 *       type gives 1; another type of the same category 0.5; another category of the same
 *       department 0.1; another department 0.
 *   <li>An asked attribute counts towards {@code N_att} when one of the product's attribute
 *       phrases is {@link PhraseMatcher#similar similar} to any phrasing of that attribute (its
 *       synonyms in the lexicon), so {@code waterproof} is matched by a product that says
 *       {@code Water-Resistant}.
 *   <li>An asked option value counts towards {@code N_opt} when a selected value is
 *       {@link PhraseMatcher#same the same} (no typo tolerance: {@code large} is not {@code x-large}).
 *       Values offered but not selected do not count.
 * </ul>
 * Thread-safe (immutable).
 */
public final class RewardFunction {

    private final Lexicon lexicon;
    private final List<List<String>> normalizedSynonyms;

    public RewardFunction(Lexicon lexicon) {
        this.lexicon = requireNonNull(lexicon, "lexicon is null");
        List<List<String>> synonyms = new ArrayList<>(lexicon.size());
        for (int g = 0; g < lexicon.size(); g++) {
            synonyms.add(lexicon.group(g).phrases().stream().map(PhraseNormalizer::normalize).toList());
        }
        this.normalizedSynonyms = List.copyOf(synonyms);
    }

    /** Scores buying {@code product} with {@code selected} option values for {@code goal}. */
    public RewardBreakdown score(Goal goal, Product product, Collection<String> selected) {
        double typeReward = typeReward(goal.type(), product.type());
        int attributes = 0;
        List<String> phrases = new ArrayList<>(product.attributePhrases().size());
        for (String phrase : product.attributePhrases()) {
            phrases.add(PhraseNormalizer.normalize(phrase));
        }
        for (Goal.GoalAttribute asked : goal.attributes()) {
            if (hasAttribute(product, asked, phrases)) {
                attributes++;
            }
        }
        int options = 0;
        for (Goal.GoalOption asked : goal.options()) {
            for (String value : selected) {
                if (PhraseMatcher.same(asked.value(), value)) {
                    options++;
                    break;
                }
            }
        }
        boolean withinBudget = product.price() <= goal.budget();
        double reward = typeReward * (attributes + options + (withinBudget ? 1 : 0))
                / (goal.attributes().size() + goal.options().size() + 1);
        return new RewardBreakdown(typeReward, attributes, goal.attributes().size(), options, goal.options().size(),
                withinBudget, reward);
    }

    /** {@code r_type} for buying a product of type {@code bought} when {@code asked} was wanted. */
    public static double typeReward(ProductType asked, ProductType bought) {
        if (!asked.department().equals(bought.department())) {
            return 0.0;
        }
        if (!asked.category().equals(bought.category())) {
            return 0.1;
        }
        return asked.phrase().equals(bought.phrase()) ? 1.0 : 0.5;
    }

    private boolean hasAttribute(Product product, Goal.GoalAttribute asked, List<String> phrases) {
        int known = asked.group() >= 0 ? asked.group() : lexicon.groupOf(asked.phrase());
        if (known >= 0 && product.attributes().contains(known)
                && lexicon.groupOf(product.attributePhrases().get(product.attributes().indexOf(known))) == known) {
            // The product words this very attribute with one of its phrasings: similar by rule 1.
            return true;
        }
        String wanted = PhraseNormalizer.normalize(asked.phrase());
        for (String phrase : phrases) {
            if (PhraseMatcher.similarNormalized(wanted, phrase)) {
                return true;
            }
            if (known >= 0) {
                for (String synonym : normalizedSynonyms.get(known)) {
                    if (PhraseMatcher.similarNormalized(synonym, phrase)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
