package dev.kaizen.agentq.critic;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.critic.Critic;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks candidate actions by a policy's scores. A {@link TrainablePolicy} scores every candidate by
 * {@code log π(a | h)} in one batch; any other policy is asked for its greedy proposals (as many as
 * there are candidates): candidates score the log-probability it reports for them, or rank in the
 * order it proposed them where it reports none; unproposed ones rank last. Equal scores keep the
 * candidates' order.
 *
 * <p>Without a policy of its own it must be {@linkplain #bind bound} to the searching policy first.
 * Closes its own policy, never a bound one. Used from one thread at a time.
 */
public final class PolicyCritic implements SearchPolicyCritic {

    private final Policy policy;
    private final boolean ownsPolicy;
    private final String scoring;
    private final String name;

    PolicyCritic(Policy policy, boolean ownsPolicy, String scoring, String name) {
        this.policy = policy;
        this.ownsPolicy = ownsPolicy;
        this.scoring = requireNonNull(scoring, "scoring is null");
        this.name = requireNonNull(name, "name is null");
    }

    /** A critic that ranks with {@code policy}, which the caller keeps and closes. */
    public static PolicyCritic of(Policy policy, String scoring) {
        return new PolicyCritic(requireNonNull(policy, "policy is null"), false, scoring, "policy-critic");
    }

    @Override
    public Critic bind(Policy searchPolicy) {
        return policy != null ? this : new PolicyCritic(requireNonNull(searchPolicy, "searchPolicy is null"), false,
                scoring, name);
    }

    @Override
    public List<double[]> score(List<AgentContext> contexts, List<List<Action>> candidates) {
        if (policy == null) {
            throw new IllegalStateException("critic '" + name + "' has no policy: set 'policy' in its config, or use it"
                    + " with a search that ranks with its own policy (mcts)");
        }
        if (contexts.size() != candidates.size()) {
            throw new IllegalArgumentException("contexts and candidates differ in length: " + contexts.size() + " vs "
                    + candidates.size());
        }
        List<double[]> raw = policy instanceof TrainablePolicy trainable
                ? logProbabilities(trainable, contexts, candidates) : proposalOrder(contexts, candidates);
        List<double[]> out = new ArrayList<>(raw.size());
        for (double[] scores : raw) {
            out.add(PolicyCriticConfig.PROBABILITY.equals(scoring) ? CriticScores.normalisedProbabilities(scores)
                    : CriticScores.fromRanks(CriticScores.ranks(scores)));
        }
        return out;
    }

    private static List<double[]> logProbabilities(TrainablePolicy policy, List<AgentContext> contexts,
                                                   List<List<Action>> candidates) {
        List<AgentContext> flatContexts = new ArrayList<>();
        List<Action> flatActions = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            for (Action action : candidates.get(i)) {
                flatContexts.add(contexts.get(i));
                flatActions.add(action);
            }
        }
        double[] all = flatActions.isEmpty() ? new double[0] : policy.logProbabilities(flatContexts, flatActions);
        List<double[]> out = new ArrayList<>(contexts.size());
        int at = 0;
        for (List<Action> list : candidates) {
            double[] scores = new double[list.size()];
            System.arraycopy(all, at, scores, 0, scores.length);
            at += scores.length;
            out.add(scores);
        }
        return out;
    }

    /**
     * Scores from the policy's greedy proposals: their log-probabilities where the policy reports them,
     * else {@code -position}; candidates it did not propose score lowest.
     */
    private List<double[]> proposalOrder(List<AgentContext> contexts, List<List<Action>> candidates) {
        int most = candidates.stream().mapToInt(List::size).max().orElse(0);
        List<double[]> out = new ArrayList<>(contexts.size());
        if (most == 0) {
            candidates.forEach(c -> out.add(new double[0]));
            return out;
        }
        List<Decision> decisions = policy.decide(contexts, new Sampling(most, 0.0, 0L));
        for (int i = 0; i < contexts.size(); i++) {
            List<Candidate> proposals = decisions.get(i).candidates();
            List<Action> proposed = proposals.stream().map(Candidate::action).toList();
            boolean logProbabilities = proposals.stream().allMatch(c -> Double.isFinite(c.logProbability()));
            List<Action> list = candidates.get(i);
            double[] scores = new double[list.size()];
            for (int j = 0; j < scores.length; j++) {
                int position = proposed.indexOf(list.get(j));
                scores[j] = position < 0 ? Double.NEGATIVE_INFINITY
                        : logProbabilities ? proposals.get(position).logProbability() : -position;
            }
            out.add(scores);
        }
        return out;
    }

    @Override
    public void close() {
        if (ownsPolicy) {
            policy.close();
        }
    }
}
