package dev.kaizen.rememberer.advice;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.memory.ExperienceMemory;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import java.util.ArrayList;
import java.util.List;

/**
 * Decorates a policy with an experience memory: for each context it retrieves the {@code records}
 * most similar records (one batched retrieval per {@link #decide} call), keeps those at least
 * {@code minSimilarity} similar that have something to say (see {@link AdviceValues}), presents
 * their values as configured, appends them to the context's advice and lets the wrapped policy
 * decide. The wrapped policy's weights are never touched, and this class never updates the memory
 * (the method does, after episodes end), so evaluating through it keeps the memory frozen.
 *
 * <p>The method applies it rather than a recipe naming it as a policy part, because retrieval
 * needs the environment's observation similarity, which only the method's context offers, and
 * because the memory's life (learning in training epochs, frozen in evaluation, checkpointed with
 * each stage) belongs to the method.
 *
 * <p>Not thread-safe, like the policies it wraps. It owns neither the wrapped policy nor the memory;
 * {@link #close} closes nothing.
 */
public final class AdvisedPolicy implements Policy {

    private final Policy policy;
    private final ExperienceMemory memory;
    private final ObservationSimilarity similarity;
    private final int records;
    private final double minSimilarity;
    private final AdviceValues values;
    private final boolean valuesZeroed;
    private final AdviceStatistics statistics = new AdviceStatistics();

    /**
     * @param policy the policy that decides (its weights stay as they are)
     * @param memory where advice comes from
     * @param similarity the environment's observation similarity {@code f_o}
     * @param records how many records to attach per context ({@code m}), {@code >= 0}
     * @param minSimilarity records less similar than this are not attached, in [0, 1]
     */
    public AdvisedPolicy(Policy policy, ExperienceMemory memory, ObservationSimilarity similarity, int records,
                         double minSimilarity) {
        this(policy, memory, similarity, records, minSimilarity, AdviceValues.Q);
    }

    /**
     * @param policy the policy that decides (its weights stay as they are)
     * @param memory where advice comes from
     * @param similarity the environment's observation similarity {@code f_o}
     * @param records how many records to attach per context ({@code m}), {@code >= 0}
     * @param minSimilarity records less similar than this are not attached, in [0, 1]
     * @param values how the advised actions' values are presented
     */
    public AdvisedPolicy(Policy policy, ExperienceMemory memory, ObservationSimilarity similarity, int records,
                         double minSimilarity, AdviceValues values) {
        this(policy, memory, similarity, records, minSimilarity, values, false);
    }

    private AdvisedPolicy(Policy policy, ExperienceMemory memory, ObservationSimilarity similarity, int records,
                          double minSimilarity, AdviceValues values, boolean valuesZeroed) {
        this.policy = requireNonNull(policy, "policy is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.similarity = requireNonNull(similarity, "similarity is null");
        if (records < 0) {
            throw new IllegalArgumentException("records must be >= 0, got " + records);
        }
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("minSimilarity must be in [0, 1], got " + minSimilarity);
        }
        this.records = records;
        this.minSimilarity = minSimilarity;
        this.values = requireNonNull(values, "values is null");
        this.valuesZeroed = valuesZeroed;
    }

    /**
     * A control for measuring what the remembered values do: the same records are attached to the
     * same contexts, with every value replaced by 0. Whatever this changes against the plain
     * policy comes from the mere presence of advice, not from what the memory learned.
     */
    public AdvisedPolicy withValuesZeroed() {
        return new AdvisedPolicy(policy, memory, similarity, records, minSimilarity, values, true);
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        List<List<Advice>> retrieved = memory.retrieve(contexts, records, similarity);
        List<AgentContext> advised = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            AgentContext context = contexts.get(i);
            List<Advice> advice = new ArrayList<>(context.advice());
            for (Advice a : retrieved.get(i)) {
                if (a.similarity() >= minSimilarity) {
                    Advice presented = values.present(a);
                    if (values.informative(presented)) {
                        advice.add(valuesZeroed ? AdviceValues.revalued(presented, value -> 0.0) : presented);
                    }
                }
            }
            advised.add(advice.size() == context.advice().size() ? context : context.withAdvice(advice));
        }
        List<Decision> decisions = policy.decide(advised, sampling);
        for (int i = 0; i < advised.size() && i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            statistics.count(advised.get(i), decision.isEmpty() ? null : decision.action());
        }
        return decisions;
    }

    /** The wrapped policy. */
    public Policy policy() {
        return policy;
    }

    /** What advice did since the last {@link AdviceStatistics#drain()}. */
    public AdviceStatistics statistics() {
        return statistics;
    }
}
