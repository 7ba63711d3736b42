package dev.kaizen.djl.policy;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.djl.features.Row;
import dev.kaizen.djl.text.QueryTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks a context's candidates from its scores, following the api's {@link Sampling} contract.
 * Greedy returns the highest log-probabilities (concrete actions and each template's most likely
 * fillers), ties to the earlier. Above temperature 0, actions are drawn from the distribution
 * tempered at {@code T} (rows by Gumbel-max on their tempered mass, fillers token by token),
 * distinct ones kept until {@code count} are found (sampling without replacement), then topped up
 * with the greedy ones; the randomness of each context is derived from the sampling seed, its task
 * id and its step, so it does not depend on the batch. Reported log-probabilities are the policy's
 * own (temperature 1). Stateless.
 */
final class CandidateSampler {

    private CandidateSampler() {
    }

    /** A proposal with its exact log-probability. */
    private record Proposal(Action action, double logProbability) {
    }

    /** The {@code count} most likely distinct actions of a context, most likely first. */
    static List<Candidate> mostLikely(ScoredContext s, int count) {
        List<Candidate> out = new ArrayList<>();
        for (Proposal p : greedy(s, count)) {
            out.add(new Candidate(p.action(), Math.min(0.0, p.logProbability())));
        }
        return out;
    }

    private static List<Proposal> greedy(ScoredContext s, int count) {
        List<Proposal> all = new ArrayList<>();
        List<Row> rows = s.encoded().rows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (!row.isTemplate()) {
                all.add(new Proposal(row.action(), s.rows()[r]));
            } else if (s.tokens().length > 0) {
                for (boolean[] chosen : QueryModel.best(s.tokens(), count)) {
                    all.add(new Proposal(row.fill(QueryTokens.text(s.encoded().instruction(), chosen)),
                            s.rows()[r] + QueryModel.logLikelihood(s.tokens(), chosen)));
                }
            }
        }
        List<Proposal> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble((Proposal p) -> -p.logProbability()));
        List<Proposal> out = new ArrayList<>();
        Set<Action> seen = new HashSet<>();
        for (Proposal p : sorted) {
            if (out.size() >= count) {
                break;
            }
            if (seen.add(p.action())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The decision for {@code context}, scored as {@code s}. */
    static Decision pick(AgentContext context, ScoredContext s, Sampling sampling) {
        List<Row> rows = s.encoded().rows();
        int usable = 0;
        for (Row row : rows) {
            usable += row.isTemplate() && s.tokens().length == 0 ? 0 : 1;
        }
        if (usable == 0) {
            return new Decision(List.of());
        }
        if (sampling.isGreedy()) {
            return new Decision(mostLikely(s, sampling.count()));
        }
        double temperature = sampling.temperature();
        double[] tempered = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.isTemplate()) {
                tempered[r] = s.tokens().length == 0 ? Double.NEGATIVE_INFINITY
                        : s.rows()[r] / temperature + QueryModel.temperedLogMass(s.tokens(), temperature);
            } else {
                tempered[r] = s.rows()[r] / temperature;
            }
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(
                Seeds.derive(sampling.seed(), context.task().id()), context.step()));
        Map<Action, Double> picked = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 100 * sampling.count() && picked.size() < sampling.count(); attempt++) {
            int row = -1;
            double top = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows.size(); r++) {
                double u = random.nextDouble();
                double key = tempered[r] - Math.log(-Math.log(u + 1e-300) + 1e-300);
                if (key > top) {
                    top = key;
                    row = r;
                }
            }
            Row chosen = rows.get(row);
            if (chosen.isTemplate()) {
                boolean[] tokens = QueryModel.sample(s.tokens(), temperature, random);
                picked.putIfAbsent(chosen.fill(QueryTokens.text(s.encoded().instruction(), tokens)),
                        s.rows()[row] + QueryModel.logLikelihood(s.tokens(), tokens));
            } else {
                picked.putIfAbsent(chosen.action(), (double) s.rows()[row]);
            }
        }
        for (Proposal p : greedy(s, sampling.count() + picked.size())) {
            if (picked.size() >= sampling.count()) {
                break;
            }
            picked.putIfAbsent(p.action(), p.logProbability());
        }
        List<Candidate> candidates = new ArrayList<>();
        picked.forEach((action, lp) -> candidates.add(new Candidate(action, Math.min(0.0, lp))));
        return new Decision(candidates);
    }
}
