package dev.kaizen.llm.critic;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.llm.client.ChatClient;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.client.ChatRequest;
import dev.kaizen.llm.client.LlmServerException;
import dev.kaizen.llm.prompt.ReactPrompt;
import dev.kaizen.llm.request.ContextRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A critic that asks a chat model to rank candidate actions (AgentQ's AI feedback).
 *
 * <p>{@link RankingProcedure#ITERATIVE}: the model picks the best of the remaining candidates
 * ({@code Best: <number>}), the pick is removed and the model is asked again, until one candidate
 * is left or {@code maxPicks} picks were made. {@link RankingProcedure#SINGLE_CALL}: the model
 * ranks all candidates at once ({@code Ranking: 3, 1, 2}). Ranks become scores
 * {@code 1 − rank/(K−1)}; candidates the model did not place share the remaining ranks
 * ({@link Ranks}). An unreadable answer is answered once with what was wrong; if the second answer
 * is no better, the unplaced candidates stay tied.
 *
 * <p>Contexts are judged concurrently. A context whose requests fail after all retries gets no scores
 * (a null row: the search records that episode as errored) and a warning, however the contexts were
 * batched; a server that rejects the credentials or the model ends the call with an
 * {@link LlmServerException}. Requests are
 * seeded from the part's seed, the task, the step and the pick. One thread calls {@link #score} at
 * a time; closing the critic closes its client and records what it did as an {@code llm-critic}
 * metrics event.
 */
public final class LlmCritic implements Critic {

    private static final Logger LOG = LoggerFactory.getLogger(LlmCritic.class);
    private static final Pattern BEST = Pattern.compile("^[\\W_]*best[\\W_]*:[ \\t*_]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern RANKING = Pattern.compile("^[\\W_]*ranking[\\W_]*:[ \\t*_]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int MAX_HISTORY_OBSERVATION_CHARS = 300;

    private static final String SYSTEM = """
            You judge the next action of an agent that acts in an environment to complete a task.
            You see the task, the agent's steps so far, the current observation and numbered candidate actions.
            Judge which candidates are most likely to lead to completing the task.""";

    private final LlmCriticConfig config;
    private final ChatClient client;
    private final ReactPrompt render;
    private final long seed;
    private final ContextRequests requests;
    private final MetricsSink metrics;
    private final AtomicLong judged = new AtomicLong();

    public LlmCritic(LlmCriticConfig config, ChatClient client, long seed) {
        this(config, client, seed, MetricsSink.DISCARD);
    }

    /**
     * @param metrics receives one {@code llm-critic} event when the critic is closed: the model, the
     *     contexts judged, and the requests, retries, failed requests and repairs it took
     */
    public LlmCritic(LlmCriticConfig config, ChatClient client, long seed, MetricsSink metrics) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.config = requireNonNull(config, "config is null");
        if (config.model() == null) {
            throw new IllegalArgumentException("the critic's model is not set; build it through LlmCriticFactory,"
                    + " which takes it from the llm policy where the config leaves it out");
        }
        this.client = requireNonNull(client, "client is null");
        this.render = new ReactPrompt(config.promptOptions());
        this.seed = seed;
        this.requests = new ContextRequests(client, config.maxConcurrency(), "llm-critic", "the critic's server");
    }

    @Override
    public List<double[]> score(List<AgentContext> contexts, List<List<Action>> candidates) {
        if (contexts.size() != candidates.size()) {
            throw new IllegalArgumentException("contexts and candidate lists differ in length: " + contexts.size()
                    + " vs " + candidates.size());
        }
        return requests.forEach(contexts, i -> {
            AgentContext context = contexts.get(i);
            List<Action> options = List.copyOf(candidates.get(i));
            return () -> Ranks.scores(options.size(), rank(context, options));
        }, LlmCritic::unjudged);
    }

    /** No scores (a null row): the search records the context's episode as errored. */
    private static double[] unjudged(AgentContext context, LlmServerException failure) {
        LOG.warn("no judgement for task {} at step {}: {}", context.task().id(), context.step(), failure.getMessage());
        return null;
    }

    /** Candidate indices, best first; possibly partial. */
    private List<Integer> rank(AgentContext context, List<Action> candidates) {
        if (candidates.size() < 2) {
            return candidates.isEmpty() ? List.of() : List.of(0);
        }
        judged.incrementAndGet();
        long contextSeed = Seeds.derive(Seeds.derive(seed, context.task().id()), context.step());
        return config.procedure() == RankingProcedure.ITERATIVE
                ? iterative(context, candidates, contextSeed)
                : singleCall(context, candidates, contextSeed);
    }

    private List<Integer> iterative(AgentContext context, List<Action> candidates, long contextSeed) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            remaining.add(i);
        }
        List<Integer> ranked = new ArrayList<>();
        int picks = config.maxPicks() == null ? candidates.size() - 1 : Math.min(config.maxPicks(), candidates.size() - 1);
        for (int pick = 0; pick < picks && remaining.size() > 1; pick++) {
            List<Action> shown = remaining.stream().map(candidates::get).toList();
            String question = "Which candidate is most likely to lead to completing the task? Think briefly, "
                    + "then end with one line:\nBest: <number of the candidate>";
            Integer chosen = ask(context, shown, question, Seeds.derive(contextSeed, pick), reply -> best(reply, shown));
            if (chosen == null) {
                break;
            }
            ranked.add(remaining.remove((int) chosen));
        }
        if (remaining.size() == 1) {
            ranked.add(remaining.get(0));
        }
        return ranked;
    }

    private List<Integer> singleCall(AgentContext context, List<Action> candidates, long contextSeed) {
        String question = "Rank all candidates from most to least likely to lead to completing the task. "
                + "Think briefly, then end with one line:\nRanking: <candidate numbers, best first, separated by commas>";
        List<Integer> ranking = ask(context, candidates, question, contextSeed, reply -> ranking(reply, candidates));
        return ranking == null ? List.of() : ranking;
    }

    /** Reads a reply: a value, or no value and what was wrong. */
    @FunctionalInterface
    private interface Reading<T> {
        Outcome<T> read(String reply);
    }

    private record Outcome<T>(T value, String problem) {
    }

    private <T> T ask(AgentContext context, List<Action> candidates, String question, long requestSeed,
                      Reading<T> reading) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(render.options().instructions() == null ? SYSTEM
                : SYSTEM + "\n\n" + render.options().instructions()));
        messages.add(ChatMessage.user(transcript(context, candidates) + "\n\n" + question));
        ChatRequest request = new ChatRequest(config.model(), messages,
                config.temperature(), null, 1, config.maxTokens(), List.of(), requestSeed, false, null);
        String reply = client.complete(request).get(0).content();
        Outcome<T> outcome = reading.read(reply);
        if (outcome.value() != null || !config.repair()) {
            return outcome.value();
        }
        String again = requests.repair(request, reply,
                "Your answer could not be read: " + outcome.problem() + ". " + question).content();
        Outcome<T> second = reading.read(again);
        if (second.value() == null) {
            LOG.debug("task {} step {}: judgement unreadable twice ({}); leaving candidates tied",
                    context.task().id(), context.step(), second.problem());
        }
        return second.value();
    }

    private String transcript(AgentContext context, List<Action> candidates) {
        StringBuilder out = new StringBuilder("Task: ").append(context.task().instruction()).append("\n\n");
        List<Step> history = context.history();
        int shown = Math.min(history.size(), config.historyWindow());
        if (shown > 0) {
            out.append("Steps so far:\n");
            if (shown < history.size()) {
                out.append("(the first ").append(history.size() - shown).append(" steps are not shown)\n");
            }
            for (int i = history.size() - shown; i < history.size(); i++) {
                String seen = history.get(i).observation().text().strip();
                if (seen.length() > MAX_HISTORY_OBSERVATION_CHARS) {
                    seen = seen.substring(0, MAX_HISTORY_OBSERVATION_CHARS) + " [...]";
                }
                out.append(i + 1).append(". Observation: ").append(seen.replace('\n', ' '))
                        .append("\n   Action: ").append(history.get(i).action().text()).append('\n');
            }
            out.append('\n');
        }
        out.append("Current ").append(render.renderObservation(context.observation()).replaceFirst("^Observation",
                "observation")).append("\n\nCandidate actions:");
        for (int i = 0; i < candidates.size(); i++) {
            out.append('\n').append(i + 1).append(". ").append(candidates.get(i).text());
        }
        return out.toString();
    }

    private static Outcome<Integer> best(String reply, List<Action> shown) {
        String line = lastMatch(BEST, reply);
        if (line == null) {
            return new Outcome<>(null, "it has no line starting with 'Best:'");
        }
        for (int i = 0; i < shown.size(); i++) {
            if (line.equals(shown.get(i).text())) {
                return new Outcome<>(i, null);
            }
        }
        Matcher number = NUMBER.matcher(line);
        if (!number.find()) {
            return new Outcome<>(null, "'Best: " + line + "' names no candidate number");
        }
        int chosen = Integer.parseInt(number.group()) - 1;
        if (chosen < 0 || chosen >= shown.size()) {
            return new Outcome<>(null, "there is no candidate " + number.group() + "; the numbers are 1 to "
                    + shown.size());
        }
        return new Outcome<>(chosen, null);
    }

    private static Outcome<List<Integer>> ranking(String reply, List<Action> candidates) {
        String line = lastMatch(RANKING, reply);
        if (line == null) {
            return new Outcome<>(null, "it has no line starting with 'Ranking:'");
        }
        List<Integer> order = new ArrayList<>();
        boolean[] seen = new boolean[candidates.size()];
        Matcher number = NUMBER.matcher(line);
        while (number.find()) {
            int index = Integer.parseInt(number.group()) - 1;
            if (index >= 0 && index < candidates.size() && !seen[index]) {
                seen[index] = true;
                order.add(index);
            }
        }
        if (order.isEmpty()) {
            return new Outcome<>(null, "'Ranking: " + line + "' names no candidate between 1 and "
                    + candidates.size());
        }
        return new Outcome<>(order, null);
    }

    private static String lastMatch(Pattern pattern, String reply) {
        Matcher matcher = pattern.matcher(reply);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1).strip();
        }
        return last == null || last.isEmpty() ? null : last;
    }

    @Override
    public void close() {
        metrics.record("llm-critic", requests.stop(config.model(), judged::get));
        requests.close();
    }

    @Override
    public String toString() {
        return "LlmCritic[" + config.model() + ", " + config.procedure() + ", " + client + "]";
    }
}
