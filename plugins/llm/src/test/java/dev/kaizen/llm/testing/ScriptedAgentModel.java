package dev.kaizen.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.api.Seeds;
import dev.kaizen.llm.testing.FakeOpenAiServer.Exchange;
import dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a chat model that acts as an agent and as a judge, for running whole
 * recipes against {@link FakeOpenAiServer}. It reads the prompts the {@code llm} policy and the
 * {@code llm-critic} write, and answers in their formats:
 * <ul>
 *   <li>As the policy it scores the current observation's valid actions and filled-in templates:
 *       an action an advice exemplar encourages first, then {@code Buy Now}, then a search for the
 *       task's words, then other actions in listed order, navigation ({@code Back}, {@code Prev},
 *       {@code Next}, {@code Description}, {@code Features}, {@code Reviews}) last. Greedy requests
 *       ({@code temperature} 0, {@code n} 1) get the best; otherwise {@code n} distinct actions are
 *       sampled from the scores (Gumbel top-k at the request's temperature, seeded by its
 *       {@code seed}), and {@code n} choices always come back, repeating where fewer actions exist.
 *   <li>As the judge ({@code Candidate actions:} in the prompt) it answers {@code Best: <number>}
 *       for the candidate it scores highest.
 *   <li>{@code GET /v1/models} lists {@code fake}.
 * </ul>
 * Replies carry token log-probabilities. Thread-safe (stateless).
 */
public final class ScriptedAgentModel implements FakeOpenAiServer.Responder {

    private static final Pattern CANDIDATE = Pattern.compile("^(\\d+)\\. (.+)$", Pattern.MULTILINE);
    private static final Pattern ADVISED = Pattern.compile("^(.+) -> Q (-?[0-9.]+)$");
    private static final Pattern BRACKETED = Pattern.compile("^[^\\[\\s]+\\[[^\\]]*\\]");
    private static final List<String> NAVIGATION = List.of("back", "prev", "next", "description", "features",
            "reviews");

    @Override
    public Reply reply(Exchange exchange, int call) {
        if (exchange.path().endsWith("/models")) {
            return Reply.json("{\"object\":\"list\",\"data\":[{\"id\":\"fake\",\"object\":\"model\"}]}");
        }
        JsonNode body = exchange.body();
        String prompt = exchange.lastUserMessage();
        if (prompt != null && prompt.contains("\nCandidate actions:")) {
            return Reply.json(FakeOpenAiServer.completionWithLogprobs(-0.05, judge(prompt)));
        }
        String observation = lastObservation(body);
        String task = task(body);
        List<Scored> candidates = candidates(observation, task);
        if (candidates.isEmpty()) {
            return Reply.json(FakeOpenAiServer.completionWithLogprobs(-0.05, "Thought: nothing to do.\nAction: look"));
        }
        int n = Math.max(1, body.path("n").asInt(1));
        double temperature = body.path("temperature").asDouble(0);
        List<String> picked = temperature == 0 && n == 1 ? List.of(candidates.get(0).action())
                : sample(candidates, n, temperature, body.path("seed").asLong(0));
        String[] contents = new String[n];
        for (int i = 0; i < n; i++) {
            contents[i] = "Thought: this should make progress.\nAction: " + picked.get(i % picked.size());
        }
        return Reply.json(FakeOpenAiServer.completionWithLogprobs(-0.05, contents));
    }

    /** An action with its score, higher first. */
    private record Scored(String action, double score) {
    }

    private static String judge(String prompt) {
        String list = prompt.substring(prompt.lastIndexOf("\nCandidate actions:"));
        Matcher m = CANDIDATE.matcher(list);
        int best = 1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int index = 0;
        while (m.find()) {
            index++;
            double score = score(m.group(2).strip(), index, Map.of());
            if (score > bestScore) {
                bestScore = score;
                best = Integer.parseInt(m.group(1));
            }
        }
        return "Thought: candidate " + best + " looks most promising.\nBest: " + best;
    }

    private static String task(JsonNode body) {
        for (JsonNode message : body.path("messages")) {
            String content = message.path("content").asText();
            if (message.path("role").asText().equals("user") && content.startsWith("Task: ")) {
                int end = content.indexOf('\n');
                return end < 0 ? content.substring(6) : content.substring(6, end);
            }
        }
        return "";
    }

    /** The last user turn that shows an observation (a repair request does not). */
    private static String lastObservation(JsonNode body) {
        String last = "";
        for (JsonNode message : body.path("messages")) {
            String content = message.path("content").asText();
            if (message.path("role").asText().equals("user") && content.contains("Observation:")) {
                last = content;
            }
        }
        return last;
    }

    private static List<Scored> candidates(String prompt, String task) {
        int current = prompt.lastIndexOf("Observation:\n");
        String observation = current < 0 ? prompt : prompt.substring(current);
        Map<String, Double> advised = encouraged(current < 0 ? "" : prompt.substring(0, current));
        Map<String, Double> scores = new LinkedHashMap<>();
        int position = 0;
        for (String line : section(observation, "\n\nValid actions:")) {
            Matcher bracketed = BRACKETED.matcher(line);
            String action = bracketed.find() ? bracketed.group()
                    : line.contains(" (") ? line.substring(0, line.indexOf(" (")) : line;
            scores.putIfAbsent(action, score(action, ++position, advised));
        }
        String words = task.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]+", " ").replaceAll("\\s+", " ").strip();
        String[] split = words.isEmpty() ? new String[0] : words.split(" ");
        for (String template : section(observation, "\n\nAction templates (replace {} with your own text):")) {
            if (split.length > 0) {
                scores.putIfAbsent(template.replace("{}", words), 4.0);
                scores.putIfAbsent(template.replace("{}", String.join(" ",
                        List.of(split).subList(0, Math.min(4, split.length)))), 3.0);
            }
        }
        List<Scored> out = new ArrayList<>();
        scores.forEach((action, score) -> out.add(new Scored(action, score)));
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
    }

    private static double score(String action, int position, Map<String, Double> advised) {
        if (advised.containsKey(action)) {
            return 10 + advised.get(action);
        }
        String lower = action.toLowerCase(Locale.ROOT);
        if (lower.contains("buy now")) {
            return 5;
        }
        for (String navigation : NAVIGATION) {
            if (lower.contains(navigation)) {
                return -0.01 * position;
            }
        }
        return 2 - 0.01 * position;
    }

    /** Actions an advice exemplar encourages, with their values. */
    private static Map<String, Double> encouraged(String advice) {
        Map<String, Double> out = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : advice.split("\n")) {
            if (line.equals("Encouraged:")) {
                inside = true;
            } else if (line.equals("Discouraged:") || line.isBlank()) {
                inside = false;
            } else if (inside) {
                Matcher m = ADVISED.matcher(line);
                if (m.matches()) {
                    out.merge(m.group(1), Double.parseDouble(m.group(2)), Math::max);
                }
            }
        }
        return out;
    }

    /** The {@code - item} lines after a heading, up to the first line that is not one. */
    private static List<String> section(String text, String heading) {
        int at = text.indexOf(heading);
        List<String> out = new ArrayList<>();
        if (at < 0) {
            return out;
        }
        for (String line : text.substring(at + heading.length()).split("\n")) {
            if (line.isEmpty() && out.isEmpty()) {
                continue;
            }
            if (!line.startsWith("- ")) {
                break;
            }
            out.add(line.substring(2));
        }
        return out;
    }

    /** {@code n} distinct actions by Gumbel top-k on {@code score / temperature}, seeded. */
    private static List<String> sample(List<Scored> candidates, int n, double temperature, long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "scripted-agent"));
        double t = Math.max(temperature, 0.05);
        List<Scored> keyed = new ArrayList<>();
        for (Scored candidate : candidates) {
            double gumbel = -Math.log(-Math.log(random.nextDouble() + 1e-300));
            keyed.add(new Scored(candidate.action(), candidate.score() / t + gumbel));
        }
        keyed.sort(Comparator.comparingDouble(Scored::score).reversed());
        return keyed.subList(0, Math.min(n, keyed.size())).stream().map(Scored::action).toList();
    }
}
