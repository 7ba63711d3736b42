package dev.kaizen.djl.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.djl.text.TextProfiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pins the encoder's output: every array of every encoded context (rows, word and role buckets, dense
 * features, instruction buckets, advice bias, token block) for a fixed set of store-like contexts is
 * digested and compared with the digest the encoder gave when the features were last changed on
 * purpose. A change of the digest means trained checkpoints and recorded results no longer
 * reproduce; change the constant only together with a deliberate change of the features.
 */
public class EncodingStabilityTest {

    /** SHA-256 of {@link #digest} over {@link #contexts}, for words off and on. */
    private static final String EXPECTED = "b4047a6a3ab19073fb8a60310e99bcfa574bb066af27753805110339c34b08bc";

    /** Prices written within a line and across line breaks, and numbers that are not prices. */
    private static final String[] PRICE_LINES = {
        " [SEP] Price: $12.99", "\nPrice:\n15", " under\n40 (x2)", " costs 30\ndollars", " price\n\n7 - 9",
        "\nmax\n8\n5", " 3 pack\nusd", " 2 of 4\n", " in box\n$", "\n10 than\nwas\n20 USD",
    };
    private static final String[] WORDS = {
        "waterproof", "hiking", "boots", "men's", "women's", "size", "black", "x-large", "water-resistant",
        "batteries", "dresses", "shoes", "leather", "cotton", "organic", "café", "İstanbul", "pack", "of",
        "the", "and", "for", "with", "a", "under", "than", "price", "dollars", "usd", "lightweight",
        "running", "shoe", "mesh", "brushes", "boxes", "glasses", "status", "analysis", "don't", "kids",
        "t-shirt", "usb-c", "charger", "12-pack", "3.5", "24.99", "10", "2", "B07XYZ12", "x2", "—", "é",
    };

    @Test
    void encodingsOfStoreLikeContextsAreUnchanged() throws Exception {
        List<AgentContext> contexts = contexts(new SplittableRandom(42), 160);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (boolean words : new boolean[] {false, true}) {
            FeatureEncoder encoder = new FeatureEncoder(new TextProfiles(64), 16_384, 2.0, words);
            for (int i = 0; i < contexts.size(); i++) {
                AgentContext context = contexts.get(i);
                digest(md, encoder.encode(context, null));
                digest(md, encoder.encode(context, extra(context, i)));
            }
        }
        assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo(EXPECTED);
    }

    @Test
    void encodingDoesNotDependOnWhatIsCached() {
        List<AgentContext> contexts = contexts(new SplittableRandom(7), 40);
        FeatureEncoder small = new FeatureEncoder(new TextProfiles(1), 4096, 2.0, true);
        FeatureEncoder large = new FeatureEncoder(new TextProfiles(10_000), 4096, 2.0, true);
        for (int round = 0; round < 2; round++) {
            for (AgentContext context : contexts) {
                EncodedContext a = small.encode(context, null);
                EncodedContext b = large.encode(context, null);
                assertThat(a.dense()).containsExactly(b.dense());
                assertThat(a.roleIds()).isDeepEqualTo(b.roleIds());
                assertThat(a.textIds()).isDeepEqualTo(b.textIds());
                assertThat(a.tokenDense()).containsExactly(b.tokenDense());
                assertThat(a.tokenIds()).isDeepEqualTo(b.tokenIds());
            }
        }
    }

    private static Action extra(AgentContext context, int i) {
        Observation observation = context.observation();
        if (!observation.templates().isEmpty()) {
            return new Action(observation.templates().get(0).replace("{}", context.task().instruction()
                    .substring(0, Math.min(20, context.task().instruction().length())).trim()));
        }
        return i % 2 == 0 ? Action.of("click", "Not on the page " + i) : observation.actions().get(0);
    }

    /** Search, results and item pages with histories, feedback, advice and awkward words. */
    public static List<AgentContext> contexts(SplittableRandom random, int count) {
        List<AgentContext> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String instruction = "i need " + phrase(random, 6 + random.nextInt(10)) + ", and price lower than "
                    + (10 + random.nextInt(90)) + ".00 dollars";
            if (c % 5 == 0) {
                instruction = "Find " + phrase(random, 4) + " (" + phrase(random, 2) + "); budget $"
                        + random.nextInt(50) + "." + random.nextInt(10) + random.nextInt(10) + "!";
            }
            Task task = new Task("t" + c, Split.TRAIN, instruction, Map.of());
            Observation search = new Observation("WebShop [SEP] Instruction: [SEP] " + instruction + " [SEP] Search",
                    List.of(), List.of("search[{}]"), false, 0, Map.of("page", "search"));
            List<Action> results = new ArrayList<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            results.add(Action.of("click", "Back to Search"));
            StringBuilder resultsText = new StringBuilder("Instruction: " + instruction + " [SEP] Page 1 (Total results: 50)");
            for (int p = 0; p < 2 + random.nextInt(9); p++) {
                String id = "B0" + Integer.toString(100_000 + random.nextInt(900_000), 36).toUpperCase();
                Action click = Action.of("click", id);
                if (!results.contains(click)) {
                    results.add(click);
                    String title = phrase(random, 3 + random.nextInt(12));
                    String price = "$" + (1 + random.nextInt(120)) + "." + random.nextInt(100);
                    descriptions.put(click.text(), random.nextInt(6) == 0 ? "" : title + " | " + price);
                    resultsText.append(random.nextBoolean() ? "\n" : " [SEP] ").append(id).append(" [SEP] ")
                            .append(title).append(random.nextInt(3) == 0 ? "\n" : " [SEP] ").append(price);
                }
            }
            results.add(Action.of("click", "Next >"));
            Observation resultsPage = new Observation(resultsText.toString(), results, List.of(), false, 0,
                    random.nextInt(4) == 0 ? Map.of("page", "results", Observation.FEEDBACK, "invalid action")
                            : Map.of("page", "results", "sort", "relevance"), descriptions);
            List<Action> options = new ArrayList<>();
            options.add(Action.of("click", "< Prev"));
            for (int o = 0; o < 1 + random.nextInt(6); o++) {
                Action option = Action.of("click", phrase(random, 1 + random.nextInt(3)));
                if (!options.contains(option)) {
                    options.add(option);
                }
            }
            options.add(Action.of("click", "Description"));
            options.add(Action.of("click", "Buy Now"));
            Observation item = new Observation("Instruction: " + instruction + "\n" + phrase(random, 12)
                    + PRICE_LINES[random.nextInt(PRICE_LINES.length)] + "\nRating: N.A.\n\nsize [SEP] 10 [SEP] 12",
                    options, List.of(), false, 0, Map.of("page", "item", "asin", "B0X" + c));
            String query = phrase(random, 1 + random.nextInt(5));
            Step searched = new Step(search, new Action("search[" + query + "]"), 0);
            Step clicked = new Step(resultsPage, results.get(Math.min(1, results.size() - 1)), 0);
            Step option = new Step(item, options.get(1), 0);
            List<Advice> advice = c % 3 != 0 ? List.of() : List.of(
                    new Advice(instruction, "page", List.of(new ActionValue(results.get(results.size() - 1), 0.5, 3),
                            new ActionValue(new Action("search[" + query + "]"), -0.25, 1),
                            new ActionValue(options.get(options.size() - 1), 1.5, 2)), 0.8),
                    new Advice("other", "page", List.of(new ActionValue(results.get(0), -1.0, 1)), 0.2));
            switch (c % 4) {
                case 0 -> out.add(new AgentContext(task, List.of(), search, advice));
                case 1 -> out.add(new AgentContext(task, List.of(searched), resultsPage, advice));
                case 2 -> out.add(new AgentContext(task, List.of(searched, clicked), item, advice));
                default -> out.add(new AgentContext(task, List.of(searched, clicked, option, option), item, advice));
            }
            if (c % 7 == 0) {
                out.add(new AgentContext(task, List.of(searched, clicked, option), search, advice));
            }
        }
        return out;
    }

    private static String phrase(SplittableRandom random, int words) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                out.append(random.nextInt(8) == 0 ? ", " : " ");
            }
            String word = WORDS[random.nextInt(WORDS.length)];
            out.append(random.nextInt(5) == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word);
        }
        return out.toString();
    }

    /** Feeds every array of {@code e} into {@code md}, floats by their bits. */
    static void digest(MessageDigest md, EncodedContext e) {
        StringBuilder sb = new StringBuilder();
        for (Row r : e.rows()) {
            sb.append(r).append('|');
        }
        for (int[] ids : e.textIds()) {
            sb.append(java.util.Arrays.toString(ids));
        }
        sb.append('#');
        for (int[] ids : e.roleIds()) {
            sb.append(java.util.Arrays.toString(ids));
        }
        sb.append('#');
        bits(sb, e.dense());
        sb.append('#').append(java.util.Arrays.toString(e.instructionIds()));
        bits(sb, e.adviceBias());
        sb.append('#').append(e.instruction().text());
        for (int[] ids : e.tokenIds()) {
            sb.append(java.util.Arrays.toString(ids));
        }
        sb.append('#');
        bits(sb, e.tokenDense());
        sb.append('#');
        bits(sb, e.tokenBias());
        md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void bits(StringBuilder sb, float[] values) {
        for (float f : values) {
            sb.append(Float.floatToRawIntBits(f)).append(',');
        }
    }
}
