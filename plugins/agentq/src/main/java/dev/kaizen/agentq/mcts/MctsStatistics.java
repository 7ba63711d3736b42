package dev.kaizen.agentq.mcts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@link MctsSearch#search} call did, for benchmarks and metrics.
 *
 * @param tasks tasks searched
 * @param simulations simulations run
 * @param nodes tree nodes created
 * @param policyCalls calls to the policy
 * @param policyContexts contexts the policy decided for
 * @param criticContexts contexts the critic judged
 * @param replays action prefixes replayed where snapshots were missing
 * @param seconds wall time
 */
public record MctsStatistics(int tasks, long simulations, long nodes, long policyCalls, long policyContexts,
                             long criticContexts, long replays, double seconds) {

    static final MctsStatistics NONE = new MctsStatistics(0, 0, 0, 0, 0, 0, 0, 0);

    Map<String, Object> fields(String label) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("label", label);
        fields.put("tasks", tasks);
        fields.put("simulations", simulations);
        fields.put("nodes", nodes);
        fields.put("policyCalls", policyCalls);
        fields.put("policyContexts", policyContexts);
        fields.put("replays", replays);
        return fields;
    }
}
