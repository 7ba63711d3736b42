package dev.kaizen.shop.goal;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Seeds;
import dev.kaizen.shop.catalog.AttributeGroup;
import dev.kaizen.shop.catalog.Catalog;
import dev.kaizen.shop.catalog.DistractorKind;
import dev.kaizen.shop.catalog.Family;
import dev.kaizen.shop.catalog.OptionGroup;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.search.ProductIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Makes goals for the targets of product families, deterministically from a seed.
 *
 * <p>A goal names its target's type, 1 to 3 of its attributes, some of its option values and a
 * budget at or above its price, so that the target fully satisfies it; and it always names what
 * tells the target apart from its near-misses: the attribute an attribute near-miss lacks, the
 * option value an option near-miss does not offer, and a budget below the price near-miss's price.
 * Each goal is checked before it is kept: its instruction must be new, and the expert's query
 * (see {@link InstructionWriter}) must find the target among the top {@value ProductIndex#MAX_RESULTS}
 * results, and the expert's path (search, next pages, the target, its options, buy) must fit in
 * the step limit; goals that fail are made again with other choices.
 *
 * <p>Not thread-safe; used once at start-up.
 */
public final class GoalGenerator {

    private static final int ATTEMPTS_PER_GOAL = 20;
    private static final int RESULTS_PER_PAGE = 10;
    private static final int MIN_BATCH = 16;
    private static final int MAX_BATCH = 1024;

    private final Catalog catalog;
    private final ProductIndex index;
    private final GoalSettings settings;
    private final InstructionWriter writer = new InstructionWriter();
    private int rejected;

    public GoalGenerator(Catalog catalog, ProductIndex index, GoalSettings settings) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.index = requireNonNull(index, "index is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Makes {@code count} goals for targets of {@code families}, visiting the families in a
     * seeded order and coming back to them with fresh choices if there are fewer families than goals.
     *
     * @param instructions instructions already used (by other splits); new ones are added
     * @throws IllegalArgumentException if the families cannot yield that many goals
     */
    public List<Goal> generate(List<Family> families, int count, long seed, Set<String> instructions, String split) {
        List<Goal> goals = new ArrayList<>(count);
        if (count == 0) {
            return goals;
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("no products to make " + split + " tasks from: the catalog has no"
                    + " product families in the " + split + " categories; add products or categories");
        }
        List<Family> order = new ArrayList<>(families);
        SplittableRandom shuffler = new SplittableRandom(Seeds.derive(seed, "order"));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = shuffler.nextInt(i + 1);
            Family swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        long limit = (long) count * ATTEMPTS_PER_GOAL;
        for (long base = 0; goals.size() < count; ) {
            if (base >= limit) {
                throw new IllegalArgumentException("could make only " + goals.size() + " of " + count + " " + split
                        + " tasks from " + families.size() + " product families; add products or reduce the split size");
            }
            int needed = count - goals.size();
            int size = Math.max(MIN_BATCH, Math.min(MAX_BATCH, needed + needed / 8 + 8));
            Goal[] batch = new Goal[size];
            for (int j = 0; j < size; j++) {
                long attempt = base + j;
                batch[j] = make(order.get((int) (attempt % order.size())), new SplittableRandom(Seeds.derive(seed, attempt)));
            }
            // The searches are independent and the index is thread-safe: run them on all cores; the
            // goals are still accepted one by one in attempt order, so the result does not depend on it.
            int[] ranks = IntStream.range(0, size).parallel()
                    .map(j -> index.search(batch[j].query()).rankOf(batch[j].target())).toArray();
            base += size;
            for (int j = 0; j < size && goals.size() < count; j++) {
                Goal goal = batch[j];
                int expertSteps = ranks[j] / RESULTS_PER_PAGE + goal.options().size() + 3;
                if (ranks[j] < 0 || expertSteps > settings.maxSteps() || !instructions.add(goal.instruction())) {
                    rejected++;
                    continue;
                }
                goals.add(goal);
            }
        }
        return goals;
    }

    /** How many goals were made and thrown away so far (duplicate, or target not found by the expert query). */
    public int rejected() {
        return rejected;
    }

    private Goal make(Family family, SplittableRandom random) {
        Product target = catalog.product(family.target());
        List<Integer> required = new ArrayList<>();
        List<Goal.GoalOption> options = new ArrayList<>();
        for (Family.Distractor distractor : family.distractors()) {
            if (distractor.kind() == DistractorKind.ATTRIBUTE && !required.contains(distractor.attribute())) {
                required.add(distractor.attribute());
            } else if (distractor.kind() == DistractorKind.OPTION) {
                options.add(new Goal.GoalOption(distractor.optionGroup(), distractor.optionValue()));
            }
        }
        int have = target.attributes().size();
        int low = Math.min(Math.max(settings.minAttributes(), required.size()), have);
        int high = Math.max(low, Math.min(settings.maxAttributes(), have));
        int k = low + random.nextInt(high - low + 1);
        List<Integer> chosen = new ArrayList<>(required);
        List<Integer> others = new ArrayList<>(target.attributes());
        others.removeAll(required);
        while (chosen.size() < k && !others.isEmpty()) {
            chosen.add(others.remove(random.nextInt(others.size())));
        }
        shuffle(chosen, random);

        List<Goal.GoalAttribute> attributes = new ArrayList<>();
        List<InstructionWriter.Wording> wordings = new ArrayList<>();
        for (int group : chosen) {
            String own = target.attributePhrases().get(target.attributes().indexOf(group));
            AttributeGroup phrases = catalog.lexicon().group(group);
            String phrase = own;
            if (phrases.phrases().size() > 1 && random.nextDouble() < settings.synonymRate()) {
                List<String> alternatives = new ArrayList<>(phrases.phrases());
                alternatives.remove(own);
                phrase = alternatives.get(random.nextInt(alternatives.size()));
            }
            attributes.add(new Goal.GoalAttribute(group, phrase));
            wordings.add(new InstructionWriter.Wording(phrase, phrases.noun()));
        }

        List<OptionGroup> groups = new ArrayList<>(target.options());
        shuffle(groups, random);
        for (OptionGroup group : groups) {
            boolean named = options.stream().anyMatch(o -> o.group().equals(group.name()));
            if (!named && options.size() < settings.maxOptions() && random.nextInt(10) < 6) {
                options.add(new Goal.GoalOption(group.name(), group.values().get(random.nextInt(group.values().size()))));
            }
        }
        shuffle(options, random);

        int lowBudget = (int) Math.ceil(target.price());
        int budget = lowBudget + random.nextInt(Math.max(1, family.maxBudget() - lowBudget + 1));
        InstructionWriter.Written written = writer.write(target.type(), wordings, options, budget, random);
        return new Goal(target.ordinal(), target.type(), attributes, options, budget, written.instruction(),
                written.query());
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
