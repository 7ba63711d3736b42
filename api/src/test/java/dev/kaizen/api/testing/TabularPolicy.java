package dev.kaizen.api.testing;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.policy.TrainablePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A trainable tabular softmax policy for tests: one logit per (observation text, action), the
 * candidates being the observation's concrete actions. Deterministic; greedy ties go to the first
 * action in observation order. Not thread-safe.
 */
public final class TabularPolicy implements TrainablePolicy {

    private final double initialLogit;
    private final Map<String, Map<String, Double>> logits;
    private int decideCalls;

    public TabularPolicy(double initialLogit) {
        this(initialLogit, new TreeMap<>());
    }

    private TabularPolicy(double initialLogit, Map<String, Map<String, Double>> logits) {
        this.initialLogit = initialLogit;
        this.logits = logits;
    }

    /** How many times {@link #decide} was called (to check batching). */
    public int decideCalls() {
        return decideCalls;
    }

    /** Adds {@code delta} to the logit of {@code action} in {@code context}. */
    public void adjust(AgentContext context, Action action, double delta) {
        logits.computeIfAbsent(context.observation().text(), k -> new TreeMap<>())
                .merge(action.text(), initialLogit + delta, Double::sum);
    }

    /** The logit of an action in a context. */
    public double logit(AgentContext context, Action action) {
        Map<String, Double> row = logits.get(context.observation().text());
        return row == null ? initialLogit : row.getOrDefault(action.text(), initialLogit);
    }

    private List<Action> candidates(AgentContext context, Action extra) {
        LinkedHashSet<Action> set = new LinkedHashSet<>(context.observation().actions());
        if (extra != null) {
            set.add(extra);
        }
        return new ArrayList<>(set);
    }

    private double[] logProbs(AgentContext context, List<Action> actions) {
        double[] out = new double[actions.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out.length; i++) {
            out[i] = logit(context, actions.get(i));
            max = Math.max(max, out[i]);
        }
        double sum = 0;
        for (double v : out) {
            sum += Math.exp(v - max);
        }
        double logZ = max + Math.log(sum);
        for (int i = 0; i < out.length; i++) {
            out[i] -= logZ;
        }
        return out;
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        decideCalls++;
        List<Decision> decisions = new ArrayList<>(contexts.size());
        for (AgentContext context : contexts) {
            List<Action> actions = candidates(context, null);
            if (actions.isEmpty()) {
                decisions.add(new Decision(List.of()));
                continue;
            }
            double[] lp = logProbs(context, actions);
            double[] keys = new double[actions.size()];
            SplittableRandom random = new SplittableRandom(Seeds.derive(
                    Seeds.derive(sampling.seed(), context.task().id()), context.step()));
            for (int i = 0; i < keys.length; i++) {
                double gumbel = sampling.isGreedy() ? 0.0 : -Math.log(-Math.log(random.nextDouble() + 1e-300));
                keys[i] = sampling.isGreedy() ? lp[i] : lp[i] / sampling.temperature() + gumbel;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -keys[i]).thenComparingInt(i -> i));
            List<Candidate> picked = new ArrayList<>();
            for (int i = 0; i < Math.min(sampling.count(), order.size()); i++) {
                int k = order.get(i);
                picked.add(new Candidate(actions.get(k), lp[k]));
            }
            decisions.add(new Decision(picked));
        }
        return decisions;
    }

    @Override
    public double[] logProbabilities(List<AgentContext> contexts, List<Action> actions) {
        if (contexts.size() != actions.size()) {
            throw new IllegalArgumentException("contexts and actions differ in length: "
                    + contexts.size() + " vs " + actions.size());
        }
        double[] out = new double[contexts.size()];
        for (int i = 0; i < out.length; i++) {
            List<Action> candidates = candidates(contexts.get(i), actions.get(i));
            out[i] = logProbs(contexts.get(i), candidates)[candidates.indexOf(actions.get(i))];
        }
        return out;
    }

    @Override
    public TrainablePolicy frozenCopy() {
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        logits.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        return new TabularPolicy(initialLogit, copy);
    }

    @Override
    public void save(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        logits.forEach((state, row) -> row.forEach((action, value) ->
                lines.add(escape(state) + "\t" + escape(action) + "\t" + Double.doubleToLongBits(value))));
        Files.write(directory.resolve("logits.tsv"), lines, StandardCharsets.UTF_8);
    }

    @Override
    public void load(Path directory) throws IOException {
        Map<String, Map<String, Double>> loaded = new HashMap<>();
        for (String line : Files.readAllLines(directory.resolve("logits.tsv"), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", -1);
            if (parts.length != 3) {
                throw new IOException("malformed line in logits.tsv: " + line);
            }
            loaded.computeIfAbsent(unescape(parts[0]), k -> new TreeMap<>())
                    .put(unescape(parts[1]), Double.longBitsToDouble(Long.parseLong(parts[2])));
        }
        logits.clear();
        logits.putAll(loaded);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
