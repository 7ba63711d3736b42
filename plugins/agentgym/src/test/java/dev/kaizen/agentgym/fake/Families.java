package dev.kaizen.agentgym.fake;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake server family for each built-in profile, and a scripted chat model that plays each one
 * the way a capable model would (a ReAct reply: a thought, then {@code Action:}).
 */
public final class Families {

    private static final Pattern GOAL = Pattern.compile("Goal: craft (\\w+)\\.");
    private static final Pattern ITEM = Pattern.compile("i need item (b\\d+)");
    private static final Pattern USER = Pattern.compile("user with id (\\d+)");

    private Families() {
    }

    /** A fresh family for a profile's server. */
    public static Family forProfile(String profile) {
        Supplier<Family> family = switch (profile) {
            case "webshop" -> WebShop::new;
            case "alfworld" -> AlfWorld::new;
            case "babyai" -> BabyAi::new;
            case "sciworld" -> SciWorld::new;
            case "textcraft" -> TextCraft::new;
            case "maze", "wordle" -> LmrlGym::new;
            case "sqlgym" -> SqlGym::new;
            case "searchqa" -> SearchQa::new;
            case "academia", "movie", "sheet", "todo", "weather" -> () -> new ToolUsage(profile);
            case "webarena" -> WebArena::new;
            default -> throw new IllegalArgumentException("no fake server for profile " + profile);
        };
        return family.get();
    }

    /** The scripted model's reply to a conversation (every message's content, system first). */
    public static Function<List<String>, String> player(String profile) {
        return messages -> {
            String all = String.join("\n", messages);
            String last = messages.get(messages.size() - 1);
            return "Thought: I know what to do here.\n\n" + switch (profile) {
                case "textcraft" -> {
                    Matcher goal = GOAL.matcher(all);
                    // two ways a model writes its action: a trailing period, and the action on the next line
                    yield goal.find() && goal.group(1).equals("stick") ? "Action: craft 4 stick using 2 planks."
                            : "Action:\ncraft 4 torch using 1 stick, 1 coal";
                }
                case "babyai" -> "Action: go to red ball 1";
                case "alfworld" -> "Action: put mug 1 in/on desk 1";
                case "sciworld" -> "Action: focus on thermometer";
                case "webshop" -> {
                    Matcher item = ITEM.matcher(all);
                    String wanted = item.find() ? item.group(1) : "b0001";
                    yield last.contains("click[buy now]") ? "Action: click[buy now]"
                            : last.contains("click[" + wanted + "]") ? "Action: click[" + wanted + "]"
                            : "Action: search[red shirt]";
                }
                case "maze" -> "Action: move down";
                case "wordle" -> {
                    long guesses = messages.stream().filter(m -> m.matches("(?s).*Observation:\\n[bgy]( [bgy]){4}\\b.*")).count();
                    String word = LmrlGym.WORDS.get((int) Math.min(guesses, LmrlGym.WORDS.size() - 1));
                    yield "Action:\n" + String.join(" ", word.split(""));
                }
                case "sqlgym" -> {
                    Matcher user = USER.matcher(all);
                    yield "Action: ```sql " + SqlGym.sql(user.find() ? Long.parseLong(user.group(1)) : 0) + "```";
                }
                case "searchqa" -> last.contains("<information>Doc") ? "Action: <answer> Paris </answer>"
                        : "Action: <search> capital of France </search>";
                case "academia", "movie", "sheet", "todo", "weather" ->
                        "Action: finish with Action Input: {\"answer\": \"42\"}";
                case "webarena" -> "Action: ```stop [42]```";
                default -> throw new IllegalArgumentException("no player for profile " + profile);
            };
        };
    }
}
