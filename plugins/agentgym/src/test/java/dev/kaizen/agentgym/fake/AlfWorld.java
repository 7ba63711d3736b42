package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * agentenv-alfworld: {@code POST /create} answers {@code {id}}; {@code /reset {id, game, world_type}}
 * answers {@code {id, observation, available_actions, task_type}} (a world type other than Text,
 * Embody or Hybrid is an error); {@code /step {id, action}} answers {@code {observation, reward,
 * available_actions, done}}; {@code GET /observation?id=} and {@code /available_actions?id=}; no
 * {@code /close} (404). Putting the mug on the desk wins.
 */
public final class AlfWorld extends Holding<AlfWorld.Game> {

    public static final List<String> ADMISSIBLE = List.of("go to desk 1", "take mug 1 from desk 1",
            "put mug 1 in/on desk 1", "look", "inventory");

    static final class Game {
        boolean done;
        String observation;
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
                String world = call.bodyText("world_type");
                if (!List.of("Text", "Embody", "Hybrid").contains(world)) {
                    return Reply.error("world_type must be one of \"Text\", \"Embody\" and \"Hybrid\"");
                }
                long id = call.bodyNumber("id");
                if (!instances.contains(id)) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                Game game = new Game();
                game.observation = "You are in the middle of a room. Looking quickly around you, you see a desk 1.\n"
                        + "Your task is to: put a mug in desk (game " + call.bodyNumber("game") + ").";
                instances.put(id, game);
                ObjectNode out = Reply.object();
                out.put("id", id);
                out.put("observation", game.observation);
                out.set("available_actions", admissible());
                out.put("task_type", "pick_and_place_simple/trial_" + call.bodyNumber("game"));
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
                String action = call.bodyText("action");
                double reward = 0;
                if (action.equals("put mug 1 in/on desk 1")) {
                    game.observation = "You put the mug 1 in/on the desk 1.";
                    game.done = true;
                    reward = 1.0;
                } else {
                    game.observation = ADMISSIBLE.contains(action) ? "You arrive at desk 1. On the desk 1, you see a mug 1."
                            : "Nothing happens.";
                }
                ObjectNode out = Reply.object();
                out.put("observation", game.observation);
                out.put("reward", reward);
                out.set("available_actions", admissible());
                out.put("done", game.done);
                return Reply.ok(out);
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("id"));
                return game == null ? Reply.error("The id " + call.queryNumber("id") + " is not valid.")
                        : Reply.ok(Reply.JSON.getNodeFactory().textNode(game.observation));
            }
            case "GET /available_actions" -> {
                return instances.contains(call.queryNumber("id")) ? Reply.ok(admissible())
                        : Reply.error("The id " + call.queryNumber("id") + " is not valid.");
            }
            case "GET /" -> {
                return Reply.ok(Reply.JSON.getNodeFactory().textNode("This is environment AlfWorld."));
            }
            default -> {
                return Reply.notFound();
            }
        }
    }

    private static ArrayNode admissible() {
        ArrayNode list = Reply.JSON.createArrayNode();
        ADMISSIBLE.forEach(list::add);
        return list;
    }
}
