package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * agentenv-sqlgym: {@code POST /create} answers the instance number itself, and from the ninth on
 * hands out the first eight again, in turn; {@code /reset {env_idx, item_id}} answers
 * {@code [observation, null]}; {@code GET /observation?env_idx=} the question; {@code /step {env_idx,
 * action}} {@code {state, reward, done, info}}; no {@code /close}; an unknown instance is a 500. Item
 * {@code i} asks for the name of user {@code i}: the right SQL gives reward 1 and ends the episode.
 */
public final class SqlGym extends Holding<SqlGym.Game> {

    static final int SIZE = 8;

    static final class Game {
        long item = -1;
        boolean done;
    }

    private final List<Long> handedOut = new ArrayList<>();
    private int now = -1;
    /** Every SQL statement the server received. */
    public final List<String> statements = new CopyOnWriteArrayList<>();

    static String sql(long item) {
        return "SELECT name FROM users WHERE id = " + item;
    }

    @Override
    public Reply answer(Call call) {
        switch (call.route()) {
            case "POST /create" -> {
                synchronized (handedOut) {
                    if (handedOut.size() == SIZE) {
                        now = (now + 1) % SIZE;
                        return number(handedOut.get(now));
                    }
                    long id = instances.create(new Game());
                    handedOut.add(id);
                    return number(id);
                }
            }
            case "POST /reset" -> {
                long id = call.bodyNumber("env_idx");
                if (!instances.contains(id)) {
                    return Reply.serverError();
                }
                Game game = new Game();
                game.item = call.bodyNumber("item_id");
                instances.put(id, game);
                ArrayNode out = Reply.JSON.createArrayNode();
                out.add(question(game));
                out.addNull();
                return Reply.ok(out);
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("env_idx"));
                return game == null ? Reply.serverError() : text(question(game));
            }
            case "POST /step" -> {
                Game game = instances.get(call.bodyNumber("env_idx"));
                if (game == null) {
                    return Reply.serverError();
                }
                String action = call.bodyText("action");
                statements.add(action);
                boolean right = action.equals(sql(game.item));
                game.done = true;
                ObjectNode out = Reply.object();
                out.put("state", right ? "[('user" + game.item + "',)]" : "[]");
                out.put("reward", right ? 1.0 : 0.0);
                out.put("done", game.done);
                out.putNull("info");
                return Reply.ok(out);
            }
            case "GET /" -> {
                return text("ok");
            }
            default -> {
                return Reply.notFound();
            }
        }
    }

    private static String question(Game game) {
        return "Database: CREATE TABLE users (id INTEGER, name TEXT)\nQuestion: what is the name of the user with id "
                + game.item + "?";
    }
}
