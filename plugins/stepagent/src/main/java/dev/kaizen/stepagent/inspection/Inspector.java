package dev.kaizen.stepagent.inspection;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * StepAgent's inspection: cut every expert trajectory after each action, let the policy propose
 * its own action(s) for every prefix, and pair each disagreeing proposal with the expert's action.
 *
 * <p>Prefixes are independent, so the policy decides for them in large batches, without touching
 * the environment. A proposal that {@linkplain Agreement agrees} with the expert is dropped. The
 * pairs have margin 1 (expert over agent). Stateless apart from its settings; thread-safe.
 */
public final class Inspector {

    private final int batchSize;
    private final Agreement agreement;

    /**
     * @param batchSize prefixes per {@code decide} call, {@code >= 1}
     * @param agreement when a proposal counts as the expert's action
     */
    public Inspector(int batchSize, Agreement agreement) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        this.batchSize = batchSize;
        this.agreement = requireNonNull(agreement, "agreement is null");
    }

    /** Inspects without progress reporting. */
    public InspectionResult inspect(Policy policy, List<Trajectory> demonstrations, Sampling sampling) {
        return inspect(policy, demonstrations, sampling, ProgressReporter.SILENT);
    }

    /**
     * Runs the policy on every prefix of {@code demonstrations} with {@code sampling} (its count is
     * the number of proposals per prefix) and returns the pairs where it disagrees with the expert.
     * The result depends on the seed in {@code sampling}, not on the batch size, for policies that
     * follow {@link Sampling}'s contract.
     */
    public InspectionResult inspect(Policy policy, List<Trajectory> demonstrations, Sampling sampling,
                                    ProgressReporter progress) {
        requireNonNull(policy, "policy is null");
        requireNonNull(sampling, "sampling is null");
        List<Prefix> prefixes = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int d = 0; d < demonstrations.size(); d++) {
            for (Prefix prefix : Prefix.cut(List.of(demonstrations.get(d)))) {
                prefixes.add(prefix);
                owners.add(d);
            }
        }
        List<PreferencePair> pairs = new ArrayList<>();
        List<Disagreement> disagreements = new ArrayList<>();
        int proposals = 0;
        int agreements = 0;
        int empty = 0;
        long nanos = 0;
        for (int from = 0; from < prefixes.size(); from += batchSize) {
            List<Prefix> batch = prefixes.subList(from, Math.min(prefixes.size(), from + batchSize));
            List<AgentContext> contexts = batch.stream().map(Prefix::context).toList();
            long start = System.nanoTime();
            List<Decision> decisions = policy.decide(contexts, sampling);
            nanos += System.nanoTime() - start;
            if (decisions.size() != contexts.size()) {
                throw new IllegalStateException("the policy returned " + decisions.size() + " decisions for "
                        + contexts.size() + " contexts");
            }
            for (int i = 0; i < batch.size(); i++) {
                Prefix prefix = batch.get(i);
                int owner = owners.get(from + i);
                Step expert = prefix.expertStep();
                Decision decision = decisions.get(i);
                if (decision.isEmpty()) {
                    empty++;
                    continue;
                }
                for (Candidate candidate : decision.candidates()) {
                    proposals++;
                    if (agreement.agrees(expert.action(), candidate.action())) {
                        agreements++;
                    } else {
                        Disagreement disagreement = new Disagreement(owner, prefix.step(), candidate.action());
                        disagreements.add(disagreement);
                        pairs.add(disagreement.pair(demonstrations));
                    }
                }
            }
            progress.advance(batch.size());
        }
        return new InspectionResult(prefixes.size(), proposals, agreements, empty, pairs, disagreements, nanos);
    }
}
