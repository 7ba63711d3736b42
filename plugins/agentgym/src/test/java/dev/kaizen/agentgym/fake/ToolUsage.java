package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * agentenv-tool's servers (academia, movie, sheet, todo, weather; one wire format): {@code POST /create
 * {id}} answers the instance number itself; {@code /reset {env_idx, id}} the observation text;
 * {@code /step {env_idx, action}} {@code {observation, reward, done}}, reading {@code <action> with
 * Action Input: <json>}; no {@code /close}. {@code finish} with the answer 42 solves every task.
 */
public final class ToolUsage extends Holding<ToolUsage.Game> {

    private static final Pattern ACTION = Pattern.compile("\\s*(.*?)\\s*with\\s*Action Input:\\s*(.*?)$");

    static final class Game {
        long item;
        boolean done;
    }

    private final String tool;

    public ToolUsage(String tool) {
        this.tool = tool;
    }

    @Override
    public Reply answer(Call call) {
        switch (call.route()) {
            case "POST /create" -> {
                if (call.body() == null || !call.body().has("id")) {
                    return new Reply(422, "{\"detail\":[{\"loc\":[\"body\",\"id\"],\"msg\":\"field required\"}]}");
                }
                Game game = new Game();
                game.item = call.bodyNumber("id");
                return number(instances.create(game));
            }
            case "POST /reset" -> {
                Game game = instances.get(call.bodyNumber("env_idx"));
                if (game == null) {
                    return Reply.serverError();
                }
                Game fresh = new Game();
                fresh.item = call.bodyNumber("id");
                instances.put(call.bodyNumber("env_idx"), fresh);
                return text(start(fresh));
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("env_idx"));
                return game == null ? Reply.serverError() : text(start(game));
            }
            case "POST /step" -> {
                Game game = instances.get(call.bodyNumber("env_idx"));
                if (game == null) {
                    return Reply.serverError();
                }
                Matcher m = ACTION.matcher(call.bodyText("action"));
                ObjectNode out = Reply.object();
                double reward = 0;
                if (!m.find()) {
                    out.put("observation", "Format error, please response in the format of  \"Action: [your action] "
                            + "with Action Input: [your action input]");
                } else if (m.group(1).equals("finish") && m.group(2).contains("42")) {
                    reward = 1.0;
                    game.done = true;
                    out.put("observation", "Observation: [FINISH]\nGive me one action.");
                } else {
                    out.put("observation", "Observation: " + m.group(1) + " gave nothing useful.\nGive me one action.");
                }
                out.put("reward", reward);
                out.put("done", game.done);
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

    private String start(Game game) {
        return "Now new trial starts.\nYou should perform actions to accomplish the goal: answer " + tool
                + " question " + game.item + " (the answer is 42)\nGive me one action.";
    }
}
