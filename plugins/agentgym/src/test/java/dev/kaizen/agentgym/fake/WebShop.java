package dev.kaizen.agentgym.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * agentenv-webshop: {@code POST /create} answers the instance number itself; {@code /reset {env_idx,
 * session_id}} answers {@code [observation, null]}; {@code GET /observation?env_idx=} the page;
 * {@code GET /available_actions?env_idx=} {@code {has_search_bar, clickables}}; {@code GET
 * /instruction_text?env_idx=} {@code "Instruction: ..."}; {@code POST /step {env_idx, action}}
 * {@code {state, reward, done, info: null}}; no {@code /close}. An unknown instance is a Python
 * KeyError: 500. Session {@code i} wants item b000 + (i % 2 + 1); buying it gives 1, the other 0.25.
 */
public final class WebShop extends Holding<WebShop.Game> {

    static final class Game {
        int session;
        String page = "search";
        String item;
        boolean done;
        String observation;
    }

    @Override
    public Reply answer(Call call) {
        switch (call.route()) {
            case "POST /create" -> {
                Game game = new Game();
                game.observation = "WebShop [SEP] Instruction: [SEP] i need a red shirt [SEP] Search";
                return number(instances.create(game));
            }
            case "POST /reset" -> {
                Game game = instances.get(call.bodyNumber("env_idx"));
                if (game == null) {
                    return Reply.serverError();
                }
                Game fresh = new Game();
                fresh.session = (int) call.bodyNumber("session_id");
                fresh.observation = "WebShop [SEP] Instruction: [SEP] " + instruction(fresh) + " [SEP] Search";
                instances.put(call.bodyNumber("env_idx"), fresh);
                ArrayNode out = Reply.JSON.createArrayNode();
                out.add(fresh.observation);
                out.addNull();
                return Reply.ok(out);
            }
            case "GET /observation" -> {
                Game game = instances.get(call.queryNumber("env_idx"));
                return game == null ? Reply.serverError() : text(game.observation);
            }
            case "GET /available_actions" -> {
                Game game = instances.get(call.queryNumber("env_idx"));
                if (game == null) {
                    return Reply.serverError();
                }
                ObjectNode out = Reply.object();
                out.put("has_search_bar", game.page.equals("search"));
                ArrayNode clickables = out.putArray("clickables");
                clickables(game).forEach(clickables::add);
                return Reply.ok(out);
            }
            case "GET /instruction_text" -> {
                Game game = instances.get(call.queryNumber("env_idx"));
                return game == null ? Reply.serverError() : text("Instruction: " + instruction(game));
            }
            case "POST /step" -> {
                Game game = instances.get(call.bodyNumber("env_idx"));
                if (game == null) {
                    return Reply.serverError();
                }
                return Reply.ok(step(game, call.bodyText("action")));
            }
            case "GET /" -> {
                return text("ok");
            }
            default -> {
                return Reply.notFound();
            }
        }
    }

    static String instruction(Game game) {
        return "i need item b000" + (game.session % 2 + 1) + ", a red shirt";
    }

    private static List<String> clickables(Game game) {
        return switch (game.page) {
            case "search" -> List.of("search");
            case "results" -> List.of("back to search", "next >", "b0001", "b0002");
            default -> List.of("back to search", "< prev", "buy now");
        };
    }

    private static ObjectNode step(Game game, String action) {
        double reward = 0;
        if (game.page.equals("search") && action.startsWith("search[") && action.endsWith("]")) {
            game.page = "results";
            game.observation = "Back to Search [SEP] Page 1 (Total results: 2) [SEP] Next > [SEP] b0001 [SEP] "
                    + "Red shirt [SEP] $10.0 [SEP] b0002 [SEP] Blue shirt [SEP] $12.0";
        } else if (action.startsWith("click[") && action.endsWith("]")
                && clickables(game).contains(action.substring(6, action.length() - 1))) {
            String value = action.substring(6, action.length() - 1);
            if (value.equals("back to search")) {
                game.page = "search";
                game.observation = "WebShop [SEP] Instruction: [SEP] " + instruction(game) + " [SEP] Search";
            } else if (value.startsWith("b000")) {
                game.page = "item";
                game.item = value;
                game.observation = "Back to Search [SEP] < Prev [SEP] " + value + " shirt [SEP] Buy Now";
            } else if (value.equals("buy now")) {
                game.done = true;
                reward = game.item.equals("b000" + (game.session % 2 + 1)) ? 1.0 : 0.25;
                game.observation = "Thank you for shopping with us! [SEP] Your code: [SEP] None";
            } else {
                game.observation = game.observation + " [SEP] (nothing happens)";
            }
        } else {
            game.observation = "Invalid action!";
        }
        ObjectNode out = Reply.object();
        out.put("state", game.observation);
        out.put("reward", reward);
        out.put("done", game.done);
        out.putNull("info");
        return out;
    }
}
