package dev.kaizen.shop.goal;

import dev.kaizen.shop.catalog.ProductType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Words a goal as a natural instruction, in one of many phrasings, and records where the product
 * type and the attribute phrases sit in it: the expert's query is those spans, copied verbatim
 * and joined by single spaces in instruction order. Option values and the budget are never part
 * of a span. Stateless and thread-safe.
 */
final class InstructionWriter {

    private static final String[] OPENERS = {"i need", "i am looking for", "i want", "find me", "i'd like",
        "i'm looking for", "looking for", "i want to buy", "help me find", "get me", "please find",
        "can you find me", "i'm shopping for", "show me"};

    /** An instruction and the expert query made from its spans. */
    record Written(String instruction, String query) {
    }

    /** One attribute to word: its phrase and whether it reads as a noun ("with ..."). */
    record Wording(String phrase, boolean noun) {
    }

    private static final class Text {
        final StringBuilder text = new StringBuilder(160);
        final List<String> spans = new ArrayList<>();

        Text plain(String s) {
            text.append(s);
            return this;
        }

        Text span(String s) {
            text.append(s);
            spans.add(s);
            return this;
        }

        Text spans(List<String> parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    plain(i == parts.size() - 1 ? " and " : ", ");
                }
                span(parts.get(i));
            }
            return this;
        }
    }

    Written write(ProductType type, List<Wording> attributes, List<Goal.GoalOption> options, int budget,
                  SplittableRandom random) {
        List<String> pre = new ArrayList<>();
        List<String> postAdjectives = new ArrayList<>();
        List<String> postNouns = new ArrayList<>();
        List<String> postWith = new ArrayList<>();
        for (Wording w : attributes) {
            if (w.phrase().startsWith("with ")) {
                postWith.add(w.phrase());
            } else if (w.noun()) {
                postNouns.add(w.phrase());
            } else if (random.nextBoolean()) {
                pre.add(w.phrase());
            } else {
                postAdjectives.add(w.phrase());
            }
        }
        Text t = new Text();
        t.plain(OPENERS[random.nextInt(OPENERS.length)]).plain(" ");
        String first = pre.isEmpty() ? type.phrase() : pre.get(0);
        if (type.pair() && random.nextBoolean()) {
            t.plain("a pair of ");
        } else if (type.plural()) {
            t.plain(random.nextInt(3) == 0 ? "some " : "");
        } else {
            t.plain("aeiou".indexOf(first.charAt(0)) >= 0 ? "an " : "a ");
        }
        boolean commas = random.nextInt(5) < 2;
        for (String adjective : pre) {
            t.span(adjective).plain(commas && pre.size() > 1 && !adjective.equals(pre.get(pre.size() - 1)) ? ", " : " ");
        }
        t.span(type.phrase());
        if (!postNouns.isEmpty()) {
            t.plain(" with ").spans(postNouns);
        }
        for (String with : postWith) {
            t.plain(postNouns.isEmpty() && with.equals(postWith.get(0)) ? " " : " and ").span(with);
        }
        if (!postAdjectives.isEmpty()) {
            boolean afterClause = !postNouns.isEmpty() || !postWith.isEmpty();
            t.plain(afterClause ? ", " : random.nextBoolean() ? " " : ", ");
            String verb = type.plural() ? "are" : "is";
            t.plain(switch (random.nextInt(3)) {
                case 0 -> "that " + verb + " ";
                case 1 -> "which " + verb + " ";
                default -> type.plural() ? "that are " : "that's ";
            });
            t.spans(postAdjectives);
        }
        String optionClause = options.isEmpty() ? "" : optionClause(options, random);
        String budgetClause = budgetClause(budget, random);
        if (optionClause.isEmpty()) {
            t.plain(random.nextBoolean() ? ", " : " ").plain(budgetClause);
        } else if (random.nextBoolean()) {
            boolean and = random.nextBoolean() && !budgetClause.startsWith("and ");
            t.plain(", ").plain(optionClause).plain(and ? " and " : ", ").plain(budgetClause);
        } else {
            t.plain(", ").plain(budgetClause).plain(random.nextBoolean() ? ", " : ", and ").plain(optionClause);
        }
        return new Written(t.text.toString(), String.join(" ", t.spans));
    }

    private static String optionClause(List<Goal.GoalOption> options, SplittableRandom random) {
        List<String> parts = new ArrayList<>();
        for (Goal.GoalOption option : options) {
            parts.add(optionPhrase(option.group(), option.value(), random));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static String optionPhrase(String group, String value, SplittableRandom random) {
        boolean alt = random.nextBoolean();
        return switch (group) {
            case "color" -> alt ? "in " + value : "in " + value + " color";
            case "shade" -> alt ? "in the shade " + value : "in " + value + " shade";
            case "flavor" -> alt ? "in " + value + " flavor" : value + " flavored";
            case "scent" -> alt ? "in " + value + " scent" : "with a " + value + " scent";
            case "size" -> value.startsWith("size ") ? "in " + value
                    : value.matches("[a-z-]+( [a-z]+)?") ? (alt ? "size " + value : "in size " + value)
                    : (alt ? "in " + value : value + " size");
            case "model" -> value;
            default -> value.startsWith("pack of ") || value.startsWith("set of ") ? (alt ? "in a " + value : value)
                    : (alt ? "with " + value : value);
        };
    }

    private static String budgetClause(int budget, SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> "and price lower than " + budget + ".00 dollars";
            case 1 -> "under " + budget + " dollars";
            case 2 -> "priced under $" + budget;
            case 3 -> "for less than " + budget + " dollars";
            case 4 -> "that costs no more than $" + budget;
            case 5 -> "with a budget of " + budget + " dollars";
            case 6 -> "below $" + budget;
            default -> "and the price should be lower than " + budget + " dollars";
        };
    }
}
