package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * agentenv-sciworld: {@code POST /create} answers {@code {id}}; {@code /reset {id, data_idx}} answers
 * {@code {task_name, var_num, task_description, observation, reward, score, deleted, done}};
 * {@code /step {id, action}} answers {@code {observation, reward, score, done}} with a score from 0 to
 * 100; {@code GET /action_hint?id=} answers {@code {possible_actions, possible_objects}}; {@code POST
 * /close {id}} answers {@code true}. Opening the door scores 25, focusing on the thermometer 100.
 */
public final class SciWorld extends Holding<SciWorld.Game> {

    static final List<String> PATTERNS = List.of("look around", "open OBJ", "focus on OBJ", "move OBJ to OBJ");
    static final List<String> OBJECTS = List.of("door", "thermometer", "beaker");

    static final class Game {
        int score;
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
                long id = call.bodyNumber("id");
                if (!instances.contains(id)) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                Game game = new Game();
                game.observation = "This room is called the kitchen. In it, you see: a door, a thermometer, a beaker.";
                instances.put(id, game);
                ObjectNode out = Reply.object();
                out.put("task_name", "measure-temperature");
                out.put("var_num", call.bodyNumber("data_idx"));
                out.put("task_description", "Your task is to focus on the thermometer.");
                out.put("observation", game.observation);
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
                String action = call.bodyText("action");
                int before = game.score;
                if (action.equals("open door") && game.score < 25) {
                    game.score = 25;
                    game.observation = "The door is now open.";
                } else if (action.equals("focus on thermometer")) {
                    game.score = 100;
                    game.done = true;
                    game.observation = "You focus on the thermometer.";
                } else {
                    game.observation = "No known action matches that input.";
                }
                ObjectNode out = Reply.object();
                out.put("observation", game.observation);
                out.put("reward", game.score - before);
                out.put("score", game.score);
                out.put("done", game.done);
                return Reply.ok(out);
            }
            case "GET /action_hint" -> {
                if (!instances.contains(call.queryNumber("id"))) {
                    return Reply.error("The id " + call.queryNumber("id") + " is not valid.");
                }
                ObjectNode out = Reply.object();
                ArrayNode actions = out.putArray("possible_actions");
                PATTERNS.forEach(actions::add);
                ArrayNode objects = out.putArray("possible_objects");
                OBJECTS.forEach(objects::add);
                return Reply.ok(out);
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("id"));
                return game == null ? Reply.error("The id " + call.queryNumber("id") + " is not valid.")
                        : text(game.observation);
            }
            case "POST /close" -> {
                return Reply.ok(Reply.JSON.getNodeFactory().booleanNode(instances.close(call.bodyNumber("id"))));
            }
            case "GET /" -> {
                return text("This is environment ScienceWorld.");
            }
            default -> {
                return Reply.notFound();
            }
        }
    }
}
