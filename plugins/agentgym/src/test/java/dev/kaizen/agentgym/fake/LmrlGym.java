package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * agentenv-lmrlgym: one server, the maze under {@code /maze} and wordle under {@code /wordle}.
 * {@code POST /maze/create} answers {@code {id}}; {@code /maze/reset {id, game}} {@code {observation}};
 * {@code /maze/step {id, action}} {@code {observation, reward, done}} (−1 a move, 1 at the goal);
 * {@code GET /maze/available_actions} the four moves, whatever the instance. {@code POST /wordle/create}
 * {@code {id}}; {@code /wordle/reset {id, seed}} {@code {id, observation: "Let's start Wordle!"}};
 * {@code GET /wordle/filtered_vocab?id=} the words; {@code /wordle/step {id, action}} {@code
 * {observation, reward, done}} with feedback such as {@code b y g g b} (reward 1 for the word, else 0).
 * Neither has {@code /close}. A maze starts one step above the goal.
 */
public final class LmrlGym extends Holding<LmrlGym.Game> {

    static final List<String> MOVES = List.of("move left", "move right", "move up", "move down");
    public static final List<String> WORDS = List.of("crane", "pilot", "shire", "panic");

    static final class Game {
        boolean maze;
        int row = 1;
        String secret;
        int guesses;
        boolean done;
        String observation = "";
    }

    @Override
    public Reply answer(Call call) {
        switch (call.route()) {
            case "POST /maze/create", "POST /wordle/create" -> {
                Game game = new Game();
                game.maze = call.path().startsWith("/maze");
                ObjectNode out = Reply.object();
                out.put("id", instances.create(game));
                return Reply.ok(out);
            }
            case "POST /maze/reset" -> {
                long id = call.bodyNumber("id");
                if (!instances.contains(id)) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                if (call.bodyNumber("game") >= 26) {
                    return Reply.error("The game " + call.bodyNumber("game") + " is not valid.");
                }
                Game game = new Game();
                game.maze = true;
                game.observation = position(game);
                instances.put(id, game);
                ObjectNode out = Reply.object();
                out.put("observation", game.observation);
                return Reply.ok(out);
            }
            case "POST /maze/step" -> {
                Game game = instances.get(call.bodyNumber("id"));
                if (game == null) {
                    return Reply.error("The id " + call.bodyNumber("id") + " is not valid.");
                }
                if (game.done) {
                    return Reply.error("The task with environment " + call.bodyNumber("id") + " has finished.");
                }
                String action = call.bodyText("action");
                int reward = -1;
                if (action.equals("move down")) {
                    game.row++;
                }
                if (game.row == 2) {
                    game.done = true;
                    reward = 1;
                    game.observation = "Success";
                } else {
                    game.observation = position(game);
                }
                ObjectNode out = Reply.object();
                out.put("observation", game.observation);
                out.put("reward", reward);
                out.put("done", game.done);
                return Reply.ok(out);
            }
            case "GET /maze/available_actions" -> {
                ArrayNode moves = Reply.JSON.createArrayNode();
                MOVES.forEach(moves::add);
                return Reply.ok(moves);
            }
            case "POST /wordle/reset" -> {
                long id = call.bodyNumber("id");
                if (!instances.contains(id)) {
                    return Reply.error("The id " + id + " is not valid.");
                }
                Game game = new Game();
                game.secret = WORDS.get((int) (call.bodyNumber("seed") % WORDS.size()));
                game.observation = "Let's start Wordle!";
                instances.put(id, game);
                ObjectNode out = Reply.object();
                out.put("id", id);
                out.put("observation", game.observation);
                return Reply.ok(out);
            }
            case "GET /wordle/filtered_vocab" -> {
                if (!instances.contains(call.queryNumber("id"))) {
                    return Reply.error("The id " + call.queryNumber("id") + " is not valid.");
                }
                ArrayNode words = Reply.JSON.createArrayNode();
                WORDS.forEach(words::add);
                return Reply.ok(words);
            }
            case "POST /wordle/step" -> {
                Game game = instances.get(call.bodyNumber("id"));
                if (game == null) {
                    return Reply.error("The id " + call.bodyNumber("id") + " is not valid.");
                }
                if (game.done) {
                    return Reply.error("The task with environment " + call.bodyNumber("id") + " has finished.");
                }
                String guess = call.bodyText("action").replace(" ", "");
                int reward = 0;
                game.guesses++;
                if (!WORDS.contains(guess)) {
                    game.observation = "invalid word";
                } else {
                    StringBuilder feedback = new StringBuilder();
                    for (int i = 0; i < 5; i++) {
                        char c = guess.charAt(i);
                        feedback.append(i > 0 ? " " : "").append(game.secret.charAt(i) == c ? 'g'
                                : game.secret.indexOf(c) >= 0 ? 'y' : 'b');
                    }
                    game.observation = feedback.toString();
                    if (guess.equals(game.secret)) {
                        reward = 1;
                        game.done = true;
                    }
                }
                game.done |= game.guesses >= 6;
                ObjectNode out = Reply.object();
                out.put("observation", game.observation);
                out.put("reward", reward);
                out.put("done", game.done);
                return Reply.ok(out);
            }
            case "GET /maze/observation", "GET /wordle/observation" -> {
                Game game = instances.get(call.queryNumber("id"));
                return game == null ? Reply.error("The id " + call.queryNumber("id") + " is not valid.")
                        : text(game.observation);
            }
            case "GET /" -> {
                return text("This is environment LMRL-Gym.");
            }
            default -> {
                return Reply.notFound();
            }
        }
    }

    private static String position(Game game) {
        return "The goal is at position 2, 1. Your current position is at position " + game.row
                + ", 1. There are walls to your left, to your right.";
    }
}
