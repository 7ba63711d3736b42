package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * agentenv-babyai: {@code POST /create} answers {@code {id}}; {@code /reset {id, data_idx}} answers
 * {@code {observation, reward, score, deleted, done}}; {@code /step {id, action}} answers
 * {@code {observation, reward, score, done}}; the observation ends with {@code Available actions:
 * ["..."]}; {@code POST /close {id}} answers {@code true}. Reaching the goal ends the episode with
 * "The task is completed." and a score below 1 (0.888). Errors come as {@code {"error": ...}} with 200.
 */
public final class BabyAi extends Holding<BabyAi.Game> {

    public static final List<String> ACTIONS = List.of("turn left", "turn right", "move forward", "go to red ball 1",
            "check available actions");

    static final class Game {
        boolean done;
        String state;
        double score;
    }


    @Override
    public Reply answer(Call call) {
        switch (call.route()) {
            case "POST /create" -> {
                ObjectNode out = Reply.object();
                out.put("id", instances.create(new Game()));
                return Reply.ok(out);
            }
            case "POST /reset" -> {
                long id = call.bodyNumber("id");
                if (!instances.contains(id)) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                Game game = new Game();
                game.state = "In front of you in this room, you can see several objects: There is a red ball 1 "
                        + (call.bodyNumber("data_idx") % 3 + 2) + " steps in front of you. ";
                instances.put(id, game);
                ObjectNode out = Reply.object();
                out.put("observation", "Your goal: go to the red ball\n" + game.state + actions());
                out.put("reward", 0);
                out.put("score", 0);
                out.put("deleted", false);
                out.put("done", false);
                return Reply.ok(out);
            }
            case "POST /step" -> {
                long id = call.bodyNumber("id");
                Game game = instances.get(id);
                if (game == null) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                if (game.done) {
                    return Reply.error("The task with environment " + id + " has finished.");
                }
                String action = call.bodyText("action").toLowerCase().strip();
                double reward = 0;
                if (action.equals("go to red ball 1")) {
                    game.state = "There is a red ball 1 right in front of you 1 steps away. \n The task is completed.";
                    game.done = true;
                    reward = 0.888;
                } else if (action.contains("check")) {
                    game.state = "You can take the following actions: " + String.join(", ", ACTIONS);
                } else if (!ACTIONS.contains(action)) {
                    game.state = action.isEmpty() ? "No change in state."
                            : "The action is not recognized. Please check valid actions.";
                } else {
                    game.state = "You " + action + ". " + game.state;
                }
                game.score += reward;
                ObjectNode out = Reply.object();
                out.put("observation", game.state + actions());
                out.put("reward", reward);
                out.put("score", game.score);
                out.put("done", game.done);
                return Reply.ok(out);
            }
            case "POST /close" -> {
                return Reply.ok(Reply.JSON.getNodeFactory().booleanNode(instances.close(call.bodyNumber("id"))));
            }
            case "GET /" -> {
                return Reply.ok(Reply.JSON.getNodeFactory().textNode("This is environment BabyAI."));
            }
            default -> {
                return Reply.notFound();
            }
        }
    }

    private static String actions() {
        return "\nAvailable actions: [\"" + String.join("\", \"", ACTIONS) + "\"]";
    }
}
