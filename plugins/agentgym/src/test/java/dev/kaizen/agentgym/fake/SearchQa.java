package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * agentenv-searchqa: {@code POST /create {id}} answers the instance number itself; {@code /reset
 * {env_idx, id}} answers the observation text; {@code /step {env_idx, action}} {@code {observation,
 * reward, done, info: null}}, reading {@code <search>...</search>} or {@code <answer>...</answer>} in
 * the action; {@code POST /close {env_idx}} {@code true}; an unknown instance is a 500. Every question's
 * answer is Paris.
 */
public final class SearchQa extends Holding<SearchQa.Game> {

    private static final Pattern TAG = Pattern.compile("<(search|answer)>(.*?)</\\1>", Pattern.DOTALL);

    static final class Game {
        long item;
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
                game.item = call.bodyNumber("id");
                return text(question(game));
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("env_idx"));
                return game == null ? Reply.serverError() : text(question(game));
            }
            case "POST /step" -> {
                if (!instances.contains(call.bodyNumber("env_idx"))) {
                    return Reply.serverError();
                }
                Matcher m = TAG.matcher(call.bodyText("action"));
                ObjectNode out = Reply.object();
                double reward = 0;
                if (m.find() && m.group(1).equals("search")) {
                    out.put("observation", "<information>Doc 1(Title: France) Paris is the capital of France.\n"
                            + "</information>");
                } else if (m.find(0) && m.group(1).equals("answer")) {
                    reward = m.group(2).strip().equalsIgnoreCase("paris") ? 1.0 : 0.0;
                    out.put("observation", reward == 1.0 ? "Congratulations! You have answered the question correctly."
                            : "Sorry, your answer is incorrect. Please try again.");
                } else {
                    out.put("observation", "Your previous action is invalid. If you want to search, you should put the "
                            + "query between <search> and </search>. If you want to give the final answer, you should "
                            + "put the answer between <answer> and </answer>. Please try again.");
                }
                out.put("reward", reward);
                out.put("done", reward == 1.0);
                out.putNull("info");
                return Reply.ok(out);
            }
            case "POST /close" -> {
                return Reply.ok(Reply.JSON.getNodeFactory().booleanNode(instances.close(call.bodyNumber("env_idx"))));
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
        return "You must reason inside <think>...</think> first. ... Question: what is the capital of France (item "
                + game.item + ")?";
    }
}
