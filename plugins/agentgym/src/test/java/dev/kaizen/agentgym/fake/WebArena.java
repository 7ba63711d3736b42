package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * agentenv-webarena (a Quart server): {@code POST /create} answers {@code {env_idx}}; {@code /reset
 * {env_idx, seed, idx}} answers {@code {observation, sites, object}}; {@code /step {env_idx, action}}
 * {@code {observation, reward, terminated, truncated, info}}; {@code GET /observation?env_idx=};
 * {@code POST /close {env_idx}} {@code {closed: "closed"}}. The action {@code stop [42]} in triple
 * backticks solves every task.
 */
public final class WebArena extends Holding<WebArena.Game> {

    private static final Pattern ACTION = Pattern.compile("```(.*?)```", Pattern.DOTALL);

    static final class Game {
        boolean done;
        String observation = "";
    }

    @Override
    public Reply answer(Call call) {
        switch (call.route()) {
            case "POST /create" -> {
                ObjectNode out = Reply.object();
                out.put("env_idx", instances.create(new Game()));
                return Reply.ok(out);
            }
            case "POST /reset" -> {
                long id = call.bodyNumber("env_idx");
                if (!instances.contains(id) || call.body().path("seed").isMissingNode()) {
                    return Reply.serverError();
                }
                Game game = new Game();
                game.observation = "OBSERVATION:\n[1] RootWebArea 'Dashboard'\nURL: http://localhost:7780/admin\n"
                        + "OBJECTIVE: report the answer of task " + call.bodyNumber("idx") + " (it is 42)";
                instances.put(id, game);
                ObjectNode out = Reply.object();
                out.put("observation", game.observation);
                out.put("sites", "shopping_admin");
                out.put("object", "report the answer");
                return Reply.ok(out);
            }
            case "POST /step" -> {
                Game game = instances.get(call.bodyNumber("env_idx"));
                if (game == null) {
                    return Reply.serverError();
                }
                Matcher m = ACTION.matcher(call.bodyText("action"));
                double reward = 0;
                if (m.find() && m.group(1).strip().equals("stop [42]")) {
                    game.done = true;
                    reward = 1.0;
                    game.observation = "The task is over.";
                } else {
                    game.observation = game.observation + "\nPREVIOUS ACTION: " + (m.find(0) ? m.group(1) : "none");
                }
                ObjectNode out = Reply.object();
                out.put("observation", game.observation);
                out.put("reward", reward);
                out.put("terminated", game.done);
                out.put("truncated", false);
                out.putNull("info");
                return Reply.ok(out);
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("env_idx"));
                return game == null ? Reply.serverError() : text(game.observation);
            }
            case "POST /close" -> {
                ObjectNode out = Reply.object();
                out.put("closed", instances.close(call.bodyNumber("env_idx")) ? "closed"
                        : "Close Env " + call.bodyNumber("env_idx") + " Error: KeyError");
                return Reply.ok(out);
            }
            case "GET /" -> {
                return new Reply(200, "ok");
            }
            default -> {
                return Reply.notFound();
            }
        }
    }
}
