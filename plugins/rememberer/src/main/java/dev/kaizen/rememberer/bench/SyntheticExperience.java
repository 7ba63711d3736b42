package dev.kaizen.rememberer.bench;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Store-like episodes for the memory benchmark: shopping instructions drawn from a vocabulary of
 * product types, colours, materials, sizes and budgets, and episodes search → results → item →
 * option → item sub-page → buy, each page with the texts, actions and page type a web store shows.
 * Every episode's pages are distinct (its own product ids), so each step makes a new record.
 * Deterministic for a seed.
 */
final class SyntheticExperience {

    private static final String[] PRODUCTS = {"running shoes", "t-shirt", "hoodie", "jeans", "backpack", "water bottle",
        "yoga mat", "desk lamp", "office chair", "phone case", "laptop sleeve", "wireless earbuds", "coffee mug",
        "throw pillow", "bath towel", "bed sheets", "rain jacket", "wool socks", "sun hat", "leather wallet",
        "face cream", "shampoo", "hair dryer", "toothbrush", "candle", "picture frame", "wall clock", "curtains",
        "rug", "dog bed", "cat toy", "baby blanket", "kids sneakers", "dress shirt", "skirt", "swimsuit",
        "hiking boots", "ski gloves", "tote bag", "necklace", "earrings", "watch band", "keyboard", "mouse pad",
        "monitor stand", "usb cable", "power bank", "tea kettle", "cutting board", "knife set"};
    private static final String[] COLOURS = {"black", "white", "red", "blue", "navy", "green", "olive", "grey",
        "beige", "brown", "pink", "purple", "yellow", "orange", "teal", "burgundy", "silver", "gold", "ivory",
        "charcoal", "khaki", "coral", "mint", "lavender", "tan", "maroon", "turquoise", "cream", "rose", "denim"};
    private static final String[] MATERIALS = {"cotton", "leather", "wool", "polyester", "nylon", "linen", "silk",
        "bamboo", "stainless steel", "ceramic", "glass", "wooden", "plastic", "fleece", "denim", "canvas",
        "organic", "waterproof", "memory foam", "recycled"};
    private static final String[] SIZES = {"small", "medium", "large", "x-large", "xx-large", "one size", "6", "7",
        "8", "9", "10", "11", "twin", "queen", "king"};
    private static final String[] FEATURES = {"machine washable", "easy to clean", "long lasting", "lightweight",
        "non slip", "dishwasher safe", "travel friendly", "anti slip", "quick dry", "heavy duty", "eco friendly",
        "hand made", "gift ready", "high quality", "fast charging", "noise cancelling"};
    private static final String[] AUDIENCES = {"men", "women", "kids", "boys", "girls", "toddlers", "teens",
        "adults", "the office", "the kitchen", "the bedroom", "travel", "camping", "the gym"};

    private final long seed;

    SyntheticExperience(long seed) {
        this.seed = seed;
    }

    /** The page-type similarity of the store: 1 for the same page type, 0.3 for item vs item sub-page, else 0. */
    static ObservationSimilarity pageTypes() {
        return (a, b) -> {
            String x = a.info().getOrDefault("page", "");
            String y = b.info().getOrDefault("page", "");
            if (x.equals(y)) {
                return 1.0;
            }
            return x.startsWith("item") && y.startsWith("item") ? 0.3 : 0.0;
        };
    }

    /** The instruction of task {@code index}. */
    Task task(long index) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        String product = pick(random, PRODUCTS);
        String instruction = String.format(Locale.ROOT, "i am looking for %s %s %s for %s that is %s, in size %s,"
                        + " and price lower than %d.00 dollars", pick(random, COLOURS), pick(random, MATERIALS), product,
                pick(random, AUDIENCES), pick(random, FEATURES), pick(random, SIZES), 10 + random.nextInt(90));
        return new Task("synthetic-" + index, Split.TRAIN, instruction, Map.of());
    }

    /** An episode of task {@code index}: five steps, search to buy, with a final reward in [0, 1]. */
    Trajectory episode(long index) {
        Task task = task(index);
        SplittableRandom random = new SplittableRandom(seed * 31 + index + 0x9E3779B97F4A7C15L);
        List<Observation> pages = pages(index, task, random);
        List<Step> steps = new ArrayList<>();
        String[] words = task.instruction().split(" ");
        steps.add(new Step(pages.get(0), Action.of("search", String.join(" ", words[4], words[5], words[6])), 0.0));
        steps.add(new Step(pages.get(1), pages.get(1).actions().get(random.nextInt(10)), 0.0));
        steps.add(new Step(pages.get(2), pages.get(2).actions().get(random.nextInt(3)), 0.0));
        steps.add(new Step(pages.get(3), Action.of("click", "Description"), 0.0));
        double reward = random.nextInt(5) / 4.0;
        steps.add(new Step(pages.get(4), Action.of("click", random.nextBoolean() ? "< Prev" : "Buy Now"), reward));
        return Trajectory.of(task, steps, reward, TrajectorySource.AGENT);
    }

    /** A context on one of task {@code index}'s pages (chosen by {@code page}, 0..4). */
    AgentContext context(long index, int page) {
        Task task = task(index);
        SplittableRandom random = new SplittableRandom(seed * 31 + index + 0x9E3779B97F4A7C15L);
        return AgentContext.start(task, pages(index, task, random).get(page));
    }

    private static List<Observation> pages(long index, Task task, SplittableRandom random) {
        String id = Long.toString(index, 36).toUpperCase(Locale.ROOT);
        List<Observation> pages = new ArrayList<>();
        pages.add(new Observation("WebShop Instruction: " + task.instruction() + " [Search]", List.of(),
                List.of("search[{}]"), false, 0.0, Map.of("page", "search")));
        List<Action> results = new ArrayList<>();
        StringBuilder text = new StringBuilder("Instruction: ").append(task.instruction())
                .append(" [Back to Search] Page 1 (Total results: 50) [Next >]");
        for (int i = 0; i < 10; i++) {
            String asin = "B0" + id + "R" + i;
            results.add(Action.of("click", asin));
            text.append(" [").append(asin).append("] ").append(pick(random, COLOURS)).append(' ')
                    .append(pick(random, MATERIALS)).append(' ').append(pick(random, PRODUCTS)).append(" $")
                    .append(5 + random.nextInt(120)).append(".99");
        }
        results.add(Action.of("click", "Next >"));
        results.add(Action.of("click", "Back to Search"));
        pages.add(new Observation(text.toString(), results, List.of(), false, 0.0, Map.of("page", "results")));
        String title = pick(random, COLOURS) + " " + pick(random, MATERIALS) + " " + pick(random, PRODUCTS)
                + " " + pick(random, FEATURES) + " B0" + id;
        List<Action> options = List.of(Action.of("click", pick(random, COLOURS)), Action.of("click", pick(random, SIZES)),
                Action.of("click", "Buy Now"), Action.of("click", "Description"), Action.of("click", "Features"),
                Action.of("click", "Reviews"), Action.of("click", "< Prev"), Action.of("click", "Back to Search"));
        String item = "Instruction: " + task.instruction() + " [Back to Search] [< Prev] " + title + " Price: $"
                + (5 + random.nextInt(120)) + ".99 Rating: N.A. colour [" + options.get(0).argument() + "] size ["
                + options.get(1).argument() + "] [Description] [Features] [Reviews] [Buy Now]";
        pages.add(new Observation(item, options, List.of(), false, 0.0, Map.of("page", "item")));
        pages.add(new Observation(item + " selected", options, List.of(), false, 0.0, Map.of("page", "item")));
        pages.add(new Observation("Instruction: " + task.instruction() + " [Back to Search] [< Prev] " + title
                + " Description: " + pick(random, FEATURES) + ", " + pick(random, FEATURES) + ", made of "
                + pick(random, MATERIALS), List.of(Action.of("click", "< Prev"), Action.of("click", "Back to Search"),
                Action.of("click", "Buy Now")), List.of(), false, 0.0, Map.of("page", "item-description")));
        return pages;
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
