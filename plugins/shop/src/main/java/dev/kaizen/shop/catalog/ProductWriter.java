package dev.kaizen.shop.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a product's title, description, feature bullets and reviews from its facts, with
 * several templates per text so that titles are not one pattern. Deterministic: all choices come
 * from the random generator passed in. Stateless and thread-safe.
 */
final class ProductWriter {

    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "and", "or", "for", "with", "of", "the", "in",
            "to", "by", "on", "as");
    private static final Set<String> ACRONYMS = Set.of("usb", "rfid", "bpa", "gmo", "uv", "upf", "ph", "led", "hepa",
            "he", "rgb", "mah", "ghz", "dpi", "iu", "spf", "pu", "uva", "uvb", "usa", "gmp", "anc", "qi", "xs");

    /** The facts a text is written from. */
    record Facts(ProductType type, CategorySpec category, String brand, String line, List<String> phrases,
                 List<Boolean> nouns, List<String> altPhrases, List<Integer> titleAttributes,
                 List<String> details, List<OptionGroup> options) {
    }

    String title(Facts f, SplittableRandom random) {
        String brand = f.brand();
        String line = f.line();
        String type = titleCase(f.type().phrase());
        List<String> shown = new ArrayList<>();
        for (int i : f.titleAttributes()) {
            shown.add(titleCase(f.phrases().get(i)));
        }
        String spaced = String.join(" ", shown);
        String commas = String.join(", ", shown);
        String d1 = titleCase(f.details().get(0));
        String d2 = titleCase(f.details().get(1));
        String audience = titleCase(f.category().audience());
        StringBuilder t = new StringBuilder(120);
        switch (random.nextInt(6)) {
            case 0 -> {
                t.append(brand);
                if (line != null) {
                    t.append(' ').append(line);
                }
                appendWord(t, spaced).append(' ').append(type).append(" - ").append(d1).append(", ").append(d2);
            }
            case 1 -> {
                t.append(brand);
                appendWord(t, spaced).append(' ').append(type).append(" for ").append(audience).append(", ").append(d1);
            }
            case 2 -> {
                t.append(spaced.isEmpty() ? type : spaced + " " + type).append(" by ").append(brand)
                        .append(" | ").append(d1).append(" & ").append(d2);
            }
            case 3 -> {
                t.append(brand).append(' ').append(type).append(", ");
                t.append(commas.isEmpty() ? d2 : commas).append(", ").append(d1);
            }
            case 4 -> {
                t.append(brand);
                if (line != null) {
                    t.append(' ').append(line);
                }
                t.append(' ').append(type).append(" with ").append(d1);
                if (!commas.isEmpty()) {
                    t.append(" (").append(commas).append(')');
                }
            }
            default -> {
                t.append(brand).append(' ').append(line == null ? d1 : line);
                appendWord(t, spaced).append(' ').append(type).append(" - ").append(line == null ? d2 : d1);
            }
        }
        return t.toString();
    }

    String description(Facts f, SplittableRandom random) {
        String type = f.type().phrase();
        List<String> uses = f.category().uses();
        String use = uses.get(random.nextInt(uses.size()));
        StringBuilder d = new StringBuilder(400);
        switch (random.nextInt(3)) {
            case 0 -> d.append("Meet the ").append(f.brand()).append(f.line() == null ? "" : " " + f.line())
                    .append(' ').append(type).append(", made for ").append(use).append(". ");
            case 1 -> d.append("Looking for ").append(article(type, f.type().plural())).append(type)
                    .append(" for ").append(use).append("? ").append(f.brand()).append(" has you covered. ");
            default -> d.append("The ").append(f.brand()).append(' ').append(type)
                    .append(" is built around one idea: ").append(use).append(" should be easy. ");
        }
        List<String> adjectives = new ArrayList<>();
        List<String> nouns = new ArrayList<>();
        for (int i = 0; i < f.phrases().size(); i++) {
            String phrase = f.altPhrases().get(i);
            (f.nouns().get(i) || phrase.startsWith("with ") ? nouns : adjectives).add(phrase);
        }
        if (!adjectives.isEmpty()) {
            d.append(f.type().plural() ? "They are " : "It is ").append(join(adjectives)).append(". ");
        }
        if (!nouns.isEmpty()) {
            d.append(f.type().plural() ? "They come with " : "It comes with ")
                    .append(join(nouns.stream().map(ProductWriter::nounForm).toList())).append(". ");
        }
        d.append("Thoughtful details include ").append(f.details().get(0)).append(" and ").append(f.details().get(1))
                .append(". ");
        switch (random.nextInt(3)) {
            case 0 -> d.append("A smart pick for ").append(uses.get(random.nextInt(uses.size()))).append('.');
            case 1 -> d.append("Backed by a 30 day satisfaction promise.");
            default -> {
                int choices = f.options().isEmpty() ? 1 : f.options().get(0).values().size();
                d.append(choices > 1 ? "Available in " + choices + " " + f.options().get(0).name() + " options."
                        : "Designed and tested by " + f.brand() + ".");
            }
        }
        return d.toString();
    }

    List<String> features(Facts f, SplittableRandom random) {
        List<String> bullets = new ArrayList<>();
        List<String> uses = f.category().uses();
        for (int i = 0; i < f.phrases().size(); i++) {
            String phrase = f.phrases().get(i);
            String use = uses.get(random.nextInt(uses.size()));
            String detail = f.details().get(random.nextInt(2));
            String head = phrase.toUpperCase(Locale.ROOT) + ": ";
            if (f.nouns().get(i) || phrase.startsWith("with ")) {
                String noun = nounForm(phrase);
                bullets.add(head + switch (random.nextInt(3)) {
                    case 0 -> "features " + noun + " for " + use + ".";
                    case 1 -> capitalize(noun) + " built in, plus " + detail + ".";
                    default -> "comes with " + noun + " so it is ready for " + use + ".";
                });
            } else {
                bullets.add(head + switch (random.nextInt(4)) {
                    case 0 -> capitalize(phrase) + " by design, with " + detail + " for " + use + ".";
                    case 1 -> capitalize(phrase) + " and ready for " + use + ", thanks to " + detail + ".";
                    case 2 -> capitalize(phrase) + " construction you can count on for " + use + ".";
                    default -> capitalize(phrase) + "; pairs " + detail + " with everyday practicality.";
                });
            }
        }
        for (int k = 0; k < 2; k++) {
            String detail = f.details().get(k);
            String use = uses.get(random.nextInt(uses.size()));
            bullets.add(detail.toUpperCase(Locale.ROOT) + ": " + switch (random.nextInt(3)) {
                case 0 -> "designed for " + use + ".";
                case 1 -> "a thoughtful touch for " + use + ".";
                default -> "built to keep up with " + use + ".";
            });
        }
        for (int i = bullets.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = bullets.get(i);
            bullets.set(i, bullets.get(j));
            bullets.set(j, swap);
        }
        return bullets;
    }

    List<Review> reviews(Facts f, SplittableRandom random) {
        int count = 2 + random.nextInt(3);
        List<Review> reviews = new ArrayList<>(count);
        String type = f.type().phrase();
        List<String> uses = f.category().uses();
        for (int k = 0; k < count; k++) {
            int roll = random.nextInt(100);
            int stars = roll < 50 ? 5 : roll < 80 ? 4 : roll < 92 ? 3 : roll < 97 ? 2 : 1;
            String phrase = f.phrases().isEmpty() ? "well made" : nounForm(f.phrases().get(random.nextInt(f.phrases().size())));
            String detail = f.details().get(random.nextInt(2));
            String use = uses.get(random.nextInt(uses.size()));
            String text;
            if (stars >= 4) {
                text = switch (random.nextInt(5)) {
                    case 0 -> "Love it. The " + detail + " is a nice touch and it really is " + phrase + ".";
                    case 1 -> "Great " + type + " for " + use + ". " + capitalize(phrase) + " as described.";
                    case 2 -> "Solid quality for the price. Would buy again.";
                    case 3 -> "Bought this for " + use + " and it does the job.";
                    default -> "Arrived quickly and works as expected; " + phrase + " as promised.";
                };
            } else {
                text = switch (random.nextInt(3)) {
                    case 0 -> "It is okay. The " + detail + " could be better.";
                    case 1 -> "A bit different from the photos, but fine for " + use + ".";
                    default -> "Not bad for the price, though I expected more.";
                };
            }
            reviews.add(new Review(stars, text));
        }
        return reviews;
    }

    static String titleCase(String phrase) {
        String[] words = phrase.split(" ");
        StringBuilder out = new StringBuilder(phrase.length());
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (ACRONYMS.contains(w)) {
                out.append(w.toUpperCase(Locale.ROOT));
            } else if (i > 0 && MINOR_WORDS.contains(w)) {
                out.append(w);
            } else {
                out.append(capitalize(w));
            }
        }
        return out.toString();
    }

    static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A noun phrase without a leading "with". */
    static String nounForm(String phrase) {
        return phrase.startsWith("with ") ? phrase.substring(5) : phrase;
    }

    static String article(String phrase, boolean plural) {
        if (plural) {
            return "";
        }
        char c = phrase.charAt(0);
        return "aeiou".indexOf(c) >= 0 ? "an " : "a ";
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static StringBuilder appendWord(StringBuilder t, String word) {
        if (!word.isEmpty()) {
            t.append(' ').append(word);
        }
        return t;
    }
}
