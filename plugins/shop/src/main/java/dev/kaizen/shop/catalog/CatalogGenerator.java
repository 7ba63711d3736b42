package dev.kaizen.shop.catalog;

import dev.kaizen.api.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a catalog from a vocabulary and settings, deterministically: the same inputs give a
 * byte-identical catalog (see {@link Catalog#dump}).
 *
 * <p>Products come in families: a target and {@code distractors} near-misses of the same type,
 * each differing from the target in exactly one attribute, one option value or the price (see
 * {@link DistractorKind}). Every product otherwise gets its own brand, title, wording of its
 * attributes, details, description, features and reviews. The products of a type are spread
 * evenly over the catalog's types. Each type draws from its own random stream, so one type's
 * products do not depend on how many products other types have.
 */
public final class CatalogGenerator {

    private static final String ID_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int[] CENTS = {99, 49, 95, 89, 79, 29};
    private static final int BRANDS_PER_CATEGORY = 24;

    private final Vocabulary vocabulary;
    private final CatalogSettings settings;
    private final Lexicon lexicon;
    private final ProductWriter writer = new ProductWriter();

    private CatalogGenerator(Vocabulary vocabulary, CatalogSettings settings) {
        this.vocabulary = vocabulary;
        this.settings = settings;
        this.lexicon = new Lexicon(vocabulary);
    }

    /** Generates the catalog. */
    public static Catalog generate(Vocabulary vocabulary, CatalogSettings settings) {
        return new CatalogGenerator(vocabulary, settings).run();
    }

    private Catalog run() {
        List<ProductType> types = new ArrayList<>();
        List<CategorySpec> typeCategory = new ArrayList<>();
        List<TypeSpec> typeSpec = new ArrayList<>();
        for (String id : settings.categories()) {
            CategorySpec category = vocabulary.category(id);
            for (TypeSpec spec : category.types()) {
                types.add(new ProductType(types.size(), category.department(), category.id(), category.name(),
                        spec.phrase(), spec.plural(), spec.pair()));
                typeCategory.add(category);
                typeSpec.add(spec);
            }
        }
        List<Product> products = new ArrayList<>(settings.products());
        List<Family> families = new ArrayList<>();
        Set<String> ids = new HashSet<>(settings.products() * 2);
        int perType = settings.products() / types.size();
        int extra = settings.products() % types.size();
        for (int t = 0; t < types.size(); t++) {
            ProductType type = types.get(t);
            CategorySpec category = typeCategory.get(t);
            long typeSeed = Seeds.derive(settings.seed(), "type:" + category.id() + ":" + type.phrase());
            List<String> brands = brands(category);
            int remaining = perType + (t < extra ? 1 : 0);
            for (int f = 0; remaining > 0; f++) {
                int size = Math.min(1 + settings.distractors(), remaining);
                SplittableRandom random = new SplittableRandom(Seeds.derive(typeSeed, f));
                family(type, category, typeSpec.get(t), brands, size, random, products, families, ids);
                remaining -= size;
            }
        }
        return new Catalog(vocabulary, lexicon, types, products, families);
    }

    private List<String> brands(CategorySpec category) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(settings.seed(), "brands:" + category.id()));
        Set<String> brands = new LinkedHashSet<>();
        List<String> starts = vocabulary.brandStarts();
        List<String> ends = vocabulary.brandEnds();
        int wanted = Math.min(BRANDS_PER_CATEGORY, starts.size() * ends.size());
        while (brands.size() < wanted) {
            brands.add(starts.get(random.nextInt(starts.size())) + ends.get(random.nextInt(ends.size())));
        }
        return List.copyOf(brands);
    }

    private record Spec(List<Integer> attributes, List<OptionGroup> options, double price) {
    }

    private void family(ProductType type, CategorySpec category, TypeSpec typeSpec, List<String> brands, int size,
                        SplittableRandom random, List<Product> products, List<Family> families, Set<String> ids) {
        List<Integer> pool = new ArrayList<>();
        for (String name : category.attributes(typeSpec)) {
            pool.add(lexicon.indexOf(name));
        }
        shuffle(pool, random);
        int k = Math.min(3 + random.nextInt(3), pool.size() - 1);
        List<Integer> baseAttributes = List.copyOf(pool.subList(0, k));
        List<Integer> spare = new ArrayList<>(pool.subList(k, pool.size()));

        List<OptionGroup> baseOptions = new ArrayList<>();
        for (OptionGroup group : category.optionGroups(typeSpec)) {
            int m = Math.min(group.values().size(), 2 + random.nextInt(4));
            List<Integer> picks = new ArrayList<>();
            for (int i = 0; i < group.values().size(); i++) {
                picks.add(i);
            }
            shuffle(picks, random);
            List<Integer> chosen = new ArrayList<>(picks.subList(0, m));
            Collections.sort(chosen);
            baseOptions.add(new OptionGroup(group.name(), chosen.stream().map(group.values()::get).toList()));
        }

        double low = typeSpec.price().get(0);
        double high = typeSpec.price().get(1);
        double basePrice = snap(Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low))), random);
        int maxBudget = (int) Math.ceil(basePrice * (1 + settings.budgetMargin()));

        List<DistractorKind> kinds = new ArrayList<>();
        List<DistractorKind> cycle = new ArrayList<>(List.of(DistractorKind.ATTRIBUTE, DistractorKind.OPTION,
                DistractorKind.PRICE));
        while (kinds.size() < size - 1) {
            shuffle(cycle, random);
            kinds.addAll(cycle);
        }
        kinds = kinds.subList(0, size - 1);

        String baseBrand = brands.get(random.nextInt(brands.size()));
        int target = products.size();
        List<String> details = category.details(typeSpec);
        products.add(product(type, category, details, new Spec(baseAttributes, baseOptions, basePrice), baseBrand,
                random, ids, products.size()));
        List<Family.Distractor> distractors = new ArrayList<>();
        Set<Integer> removedAttributes = new HashSet<>();
        Set<String> removedValues = new HashSet<>();
        for (DistractorKind wanted : kinds) {
            DistractorKind kind = wanted;
            int removedAttribute = -1;
            String group = null;
            String value = null;
            List<Integer> attributes = baseAttributes;
            List<OptionGroup> options = baseOptions;
            double price = snap(basePrice * (0.75 + 0.25 * random.nextDouble()), random);
            if (kind == DistractorKind.OPTION) {
                List<int[]> removable = new ArrayList<>();
                for (int g = 0; g < baseOptions.size(); g++) {
                    List<String> values = baseOptions.get(g).values();
                    for (int v = 0; v < values.size() && values.size() >= 3; v++) {
                        if (!removedValues.contains(baseOptions.get(g).name() + "=" + values.get(v))) {
                            removable.add(new int[] {g, v});
                        }
                    }
                }
                if (removable.isEmpty()) {
                    kind = DistractorKind.ATTRIBUTE;
                } else {
                    int[] pick = removable.get(random.nextInt(removable.size()));
                    OptionGroup from = baseOptions.get(pick[0]);
                    group = from.name();
                    value = from.values().get(pick[1]);
                    removedValues.add(group + "=" + value);
                    List<OptionGroup> changed = new ArrayList<>(baseOptions);
                    List<String> values = new ArrayList<>(from.values());
                    values.remove(pick[1]);
                    changed.set(pick[0], new OptionGroup(group, values));
                    options = changed;
                }
            }
            if (kind == DistractorKind.ATTRIBUTE) {
                List<Integer> candidates = new ArrayList<>();
                for (int a : baseAttributes) {
                    if (!removedAttributes.contains(a)) {
                        candidates.add(a);
                    }
                }
                if (candidates.isEmpty() || spare.isEmpty()
                        || removedAttributes.size() >= settings.maxRequiredAttributes()) {
                    kind = DistractorKind.PRICE;
                } else {
                    removedAttribute = candidates.get(random.nextInt(candidates.size()));
                    removedAttributes.add(removedAttribute);
                    int replacement = spare.get(random.nextInt(spare.size()));
                    List<Integer> changed = new ArrayList<>(baseAttributes);
                    changed.set(changed.indexOf(removedAttribute), replacement);
                    attributes = changed;
                }
            }
            if (kind == DistractorKind.PRICE) {
                price = snap(maxBudget * (1 + settings.priceGap() * (1 + 2 * random.nextDouble())), random);
            }
            String brand = random.nextInt(3) == 0 ? baseBrand : brands.get(random.nextInt(brands.size()));
            int ordinal = products.size();
            products.add(product(type, category, details, new Spec(attributes, options, price), brand, random, ids,
                    ordinal));
            distractors.add(new Family.Distractor(ordinal, kind, removedAttribute, group, value));
        }
        families.add(new Family(families.size(), target, distractors, maxBudget));
    }

    private Product product(ProductType type, CategorySpec category, List<String> typeDetails, Spec spec, String brand,
                            SplittableRandom random, Set<String> ids, int ordinal) {
        String id;
        do {
            StringBuilder b = new StringBuilder("B0");
            for (int i = 0; i < 8; i++) {
                b.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            }
            id = b.toString();
        } while (!ids.add(id));

        List<String> phrases = new ArrayList<>();
        List<String> altPhrases = new ArrayList<>();
        List<Boolean> nouns = new ArrayList<>();
        List<Integer> titleAttributes = new ArrayList<>();
        for (int i = 0; i < spec.attributes().size(); i++) {
            AttributeGroup group = lexicon.group(spec.attributes().get(i));
            List<String> options = group.phrases();
            String phrase = random.nextInt(2) == 0 ? options.get(0) : options.get(random.nextInt(options.size()));
            phrases.add(phrase);
            altPhrases.add(random.nextInt(10) < 3 ? options.get(random.nextInt(options.size())) : phrase);
            nouns.add(group.noun() || phrase.startsWith("with "));
            if (titleAttributes.size() < 3 && random.nextDouble() < settings.titleAttributeShare()
                    && !sharesWord(phrase, type.phrase())) {
                titleAttributes.add(i);
            }
        }
        List<String> details = new ArrayList<>(typeDetails);
        shuffle(details, random);
        String line = random.nextInt(10) < 6 ? vocabulary.lines().get(random.nextInt(vocabulary.lines().size())) : null;
        ProductWriter.Facts facts = new ProductWriter.Facts(type, category, brand, line, phrases, nouns, altPhrases,
                titleAttributes, details.subList(0, 2), spec.options());
        String title = writer.title(facts, random);
        String description = writer.description(facts, random);
        List<String> features = writer.features(facts, random);
        List<Review> reviews = writer.reviews(facts, random);
        double rating = Math.round((3.4 + 1.5 * random.nextDouble()) * 10) / 10.0;
        int ratingCount = 3 + (int) Math.exp(random.nextDouble() * 8);
        return new Product(ordinal, id, type, brand, title, spec.price(), spec.attributes(), phrases, spec.options(),
                description, features, reviews, rating, ratingCount);
    }

    /** Whether two phrases share a word (a title would read "Fast Charging Charging Cable"). */
    private static boolean sharesWord(String a, String b) {
        for (String word : a.split(" ")) {
            if ((" " + b + " ").contains(" " + word + " ")) {
                return true;
            }
        }
        return false;
    }

    /** A price in whole dollars plus a shop-like cents ending, never a whole number. */
    private static double snap(double dollars, SplittableRandom random) {
        int whole = Math.max(1, (int) Math.floor(dollars));
        return whole + CENTS[random.nextInt(CENTS.length)] / 100.0;
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
