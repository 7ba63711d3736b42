package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * agentenv-textcraft: {@code POST /create {commands?, goal?}} answers {@code {id, observation, done,
 * reward}}; {@code /reset {id, data_idx}} and {@code /step {id, action}} answer {@code {observation,
 * reward, done}} (reset also {@code id}); {@code GET /observation?id=} the text; {@code POST /close
 * {id}} {@code true}. Errors are {@code {"error": "The id 3 is not valid."}} with status 200. Task
 * {@code i} asks for a stick (even {@code i}) or a torch; crafting the goal with the listed command
 * wins. With {@code episodeSteps > 0} every action counts and an episode ends after that many (for
 * benchmarks).
 */
public final class TextCraft extends Holding<TextCraft.Game> {

    private static final Pattern CRAFT = Pattern.compile("craft (\\d+) (.*) using (.*)");
    private static final Pattern GET = Pattern.compile("get ([0-9]+) (.*)");

    static final class Game {
        String goal;
        int steps;
        boolean done;
        String observation = "";
    }

    private final int episodeSteps;
    /** Every action text the server received, in order. */
    public final List<String> actions = new CopyOnWriteArrayList<>();

    public TextCraft() {
        this(0);
    }

    public TextCraft(int episodeSteps) {
        this.episodeSteps = episodeSteps;
    }

    static String goal(long task) {
        return task % 2 == 0 ? "stick" : "torch";
    }

    static String commands() {
        return "craft 4 stick using 2 planks\ncraft 4 torch using 1 stick, 1 coal\ncraft 1 crafting table using 4 planks";
    }

    @Override
    public Reply answer(Call call) {
        switch (call.route()) {
            case "POST /create" -> {
                if (call.body() == null) {
                    return new Reply(422, "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"field required\"}]}");
                }
                Game game = new Game();
                game.goal = goal(0);
                game.observation = first(game);
                long id = instances.create(game);
                ObjectNode out = Reply.object();
                out.put("id", id);
                out.put("observation", game.observation);
                out.put("done", false);
                out.put("reward", 0);
                return Reply.ok(out);
            }
            case "POST /reset" -> {
                long id = call.bodyNumber("id");
                if (!instances.contains(id)) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                Game game = new Game();
                game.goal = goal(call.bodyNumber("data_idx"));
                game.observation = first(game);
                instances.put(id, game);
                ObjectNode out = Reply.object();
                out.put("id", id);
                out.put("observation", game.observation);
                out.put("done", false);
                out.put("reward", 0);
                return Reply.ok(out);
            }
            case "POST /step" -> {
                long id = call.bodyNumber("id");
                Game game = instances.get(id);
                if (game == null) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                String action = call.bodyText("action");
                actions.add(action);
                return Reply.ok(step(game, action));
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("id"));
                return game == null ? Reply.error("The id " + call.queryNumber("id") + " is not valid.")
                        : Reply.ok(Reply.JSON.getNodeFactory().textNode(game.observation));
            }
            case "POST /close" -> {
                return Reply.ok(Reply.JSON.getNodeFactory().booleanNode(instances.close(call.bodyNumber("id"))));
            }
            case "GET /" -> {
                return Reply.ok(Reply.JSON.getNodeFactory().textNode("This is environment TextCraft."));
            }
            default -> {
                return Reply.notFound();
            }
        }
    }

    private static String first(Game game) {
        return "Crafting commands:\n" + commands() + "\n\nGoal: craft " + game.goal + ".";
    }

    private ObjectNode step(Game game, String action) {
        game.steps++;
        int reward = 0;
        String observation;
        if (episodeSteps > 0) {
            observation = "Step " + game.steps + " done.";
            game.done = game.steps >= episodeSteps;
            reward = game.done ? 1 : 0;
        } else {
            Matcher craft = CRAFT.matcher(action);
            Matcher get = GET.matcher(action);
            if (craft.matches() && commands().contains(action)) {
                observation = "Crafted " + craft.group(1) + " minecraft:" + craft.group(2);
                if (craft.group(2).equals(game.goal)) {
                    reward = 1;
                    game.done = true;
                }
            } else if (get.matches()) {
                observation = "Got " + get.group(1) + " " + get.group(2);
            } else if (action.equals("inventory")) {
                observation = "Inventory: You are not carrying anything.";
            } else {
                observation = craft.matches() ? "Could not find a valid recipe for " + craft.group(2)
                        : "Could not execute " + action;
            }
        }
        game.observation = observation;
        ObjectNode out = Reply.object();
        out.put("observation", observation);
        out.put("reward", reward);
        out.put("done", game.done);
        return out;
    }
}
