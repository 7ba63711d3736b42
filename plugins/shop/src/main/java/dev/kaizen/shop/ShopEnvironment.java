package dev.kaizen.shop;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.shop.catalog.Catalog;
import dev.kaizen.shop.catalog.CatalogGenerator;
import dev.kaizen.shop.catalog.CatalogSettings;
import dev.kaizen.shop.catalog.Family;
import dev.kaizen.shop.catalog.Vocabulary;
import dev.kaizen.shop.expert.Expert;
import dev.kaizen.shop.goal.Goal;
import dev.kaizen.shop.goal.GoalGenerator;
import dev.kaizen.shop.goal.GoalSettings;
import dev.kaizen.shop.page.PageType;
import dev.kaizen.shop.page.ShopEpisode;
import dev.kaizen.shop.page.Storefront;
import dev.kaizen.shop.search.ProductIndex;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The store: a WebShop-like shopping environment built in memory from a {@link ShopConfig}.
 *
 * <p>At construction it generates the catalog, indexes it with Lucene and makes the goals of each
 * split: {@code train} and {@code seen} from the product families of the stocked categories not
 * held out ({@code seen} from the families of {@code train}, or from a share set aside, as
 * {@link ShopConfig#seenFamilies()} says), and {@code unseen} from the held-out categories only. Tasks are listed in a stable order; their
 * ids are {@code train-0000}, {@code seen-0000}, {@code unseen-0000}, ...
 *
 * <p>Thread-safe: episodes may be created and stepped from many threads (each episode by one
 * thread at a time). The creator closes the environment after its episodes.
 */
public final class ShopEnvironment implements Environment {

    /** Rememberer's page-type similarity: 1 same page type, 0.3 item vs item sub-page, else 0. */
    public static final ObservationSimilarity PAGE_SIMILARITY = (a, b) -> {
        PageType x = PageType.of(a.info().getOrDefault("page", ""));
        PageType y = PageType.of(b.info().getOrDefault("page", ""));
        if (x == null || y == null) {
            return 0.0;
        }
        if (x == y) {
            return 1.0;
        }
        if ((x == PageType.ITEM && y.isItemSubPage()) || (y == PageType.ITEM && x.isItemSubPage())) {
            return 0.3;
        }
        return 0.0;
    };

    private final ShopConfig config;
    private final Catalog catalog;
    private final ProductIndex index;
    private final Storefront store;
    private final Expert expert;
    private final Map<Split, List<Task>> tasks = new EnumMap<>(Split.class);
    private final Map<String, Goal> goals = new HashMap<>();
    private final Map<String, Task> byId = new HashMap<>();
    private final int rejectedGoals;
    private final BuildTimes buildTimes;

    /**
     * How long building the store took, by phase, in seconds (wall clock; for reports only, never
     * used in any decision).
     *
     * @param catalog generating the catalog
     * @param index building the search index
     * @param goals making and checking the goals of all splits
     */
    public record BuildTimes(double catalog, double index, double goals) {

        /** All phases together. */
        public double total() {
            return catalog + index + goals;
        }
    }

    /**
     * Builds the store.
     *
     * @throws IllegalArgumentException if the config asks for more tasks than its catalog can yield
     */
    public ShopEnvironment(ShopConfig config) {
        this.config = requireNonNull(config, "config is null");
        long started = System.nanoTime();
        Vocabulary vocabulary = Vocabulary.standard();
        catalog = CatalogGenerator.generate(vocabulary, new CatalogSettings(config.seed(), config.products(),
                config.categories(), config.distractors(), config.maxGoalAttributes(), config.titleAttributeShare(),
                config.budgetMargin(), config.priceGap()));
        long catalogBuilt = System.nanoTime();
        index = new ProductIndex(catalog);
        long indexBuilt = System.nanoTime();
        try {
            store = new Storefront(catalog, index, config.maxSteps());
            expert = new Expert(store);
            Set<String> held = new HashSet<>(config.unseenCategories());
            List<Family> trainFamilies = new ArrayList<>();
            List<Family> unseenFamilies = new ArrayList<>();
            for (Family family : catalog.families()) {
                String category = catalog.product(family.target()).type().categoryId();
                (held.contains(category) ? unseenFamilies : trainFamilies).add(family);
            }
            SplittableRandom random = new SplittableRandom(Seeds.derive(config.seed(), "seen-families"));
            for (int i = trainFamilies.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Family swap = trainFamilies.get(i);
                trainFamilies.set(i, trainFamilies.get(j));
                trainFamilies.set(j, swap);
            }
            int seenFamilies = config.seen() == 0 ? 0 : Math.max(1, (int) Math.round(trainFamilies.size()
                    * (double) config.seen() / (config.train() + config.seen())));
            if (config.train() > 0 && seenFamilies >= trainFamilies.size()) {
                seenFamilies = trainFamilies.size() - 1;
            }
            List<Family> seenPool = trainFamilies.subList(0, Math.max(0, seenFamilies));
            List<Family> trainPool = trainFamilies.subList(Math.max(0, seenFamilies), trainFamilies.size());

            GoalGenerator generator = new GoalGenerator(catalog, index, new GoalSettings(config.minGoalAttributes(),
                    config.maxGoalAttributes(), config.maxGoalOptions(), config.synonymRate(), config.maxSteps()));
            Set<String> instructions = new HashSet<>();
            addSplit(Split.TRAIN, generator.generate(trainPool, config.train(),
                    Seeds.derive(config.seed(), "goals-train"), instructions, "train"));
            addSplit(Split.SEEN, generator.generate(config.seenSharesFamilies() ? trainPool : seenPool, config.seen(),
                    Seeds.derive(config.seed(), "goals-seen"), instructions, "seen"));
            addSplit(Split.UNSEEN, generator.generate(unseenFamilies, config.unseen(),
                    Seeds.derive(config.seed(), "goals-unseen"), instructions, "unseen"));
            rejectedGoals = generator.rejected();
            buildTimes = new BuildTimes((catalogBuilt - started) / 1e9, (indexBuilt - catalogBuilt) / 1e9,
                    (System.nanoTime() - indexBuilt) / 1e9);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    private void addSplit(Split split, List<Goal> made) {
        List<Task> list = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            Task task = new Task(String.format(Locale.ROOT, "%s-%04d", split.id(), i), split, made.get(i).instruction());
            list.add(task);
            goals.put(task.id(), made.get(i));
            byId.put(task.id(), task);
        }
        tasks.put(split, List.copyOf(list));
    }

    @Override
    public List<Task> tasks(Split split) {
        return tasks.get(split);
    }

    /** The store is deterministic: {@code seed} is not used. */
    @Override
    public Episode reset(Task task, long seed) {
        return new ShopEpisode(store, task, goalOf(task));
    }

    @Override
    public Optional<Trajectory> demonstration(Task task) {
        return Optional.of(expert.demonstrate(task, goalOf(task)));
    }

    @Override
    public ObservationSimilarity observationSimilarity() {
        return PAGE_SIMILARITY;
    }

    /** The config this store was built from. */
    public ShopConfig config() {
        return config;
    }

    /** The catalog. */
    public Catalog catalog() {
        return catalog;
    }

    /** The shared page machinery (catalog, index, reward). */
    public Storefront storefront() {
        return store;
    }

    /** The expert. */
    public Expert expert() {
        return expert;
    }

    /** The goal (ground truth) of a task; for tests, benchmarks and analysis, never shown to agents. */
    public Goal goalOf(Task task) {
        requireNonNull(task, "task is null");
        Goal goal = goals.get(task.id());
        if (goal == null || !byId.get(task.id()).equals(task)) {
            throw new IllegalArgumentException("task '" + task.id() + "' is not a task of this store");
        }
        return goal;
    }

    /** How many generated goals were thrown away (duplicate, or not reachable by the expert's query). */
    public int rejectedGoals() {
        return rejectedGoals;
    }

    /** How long the build took, by phase. */
    public BuildTimes buildTimes() {
        return buildTimes;
    }

    @Override
    public void close() {
        index.close();
    }

    @Override
    public OptionalInt stepLimit() {
        return OptionalInt.of(config.maxSteps());
    }
}
