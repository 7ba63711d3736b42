package dev.kaizen.core.compare;

import dev.kaizen.core.BadInputException;
import dev.kaizen.core.evaluation.Wilson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compares groups of runs over seeds. The baseline is the group named by {@code --baseline}, else
 * the one group whose name starts with {@code bc-}, else the first group. Stateless.
 */
public final class Comparer {

    /** The plain policy's search: the baseline's evaluations under it stand in for searches it was not run with. */
    private static final String GREEDY = "greedy";


    private static final int MAX_KEYS_NAMED = 8;

    private Comparer() {
    }

    /**
     * Compares the runs of {@code inputs}.
     *
     * @param baseline the baseline group, or null for the default
     * @throws BadInputException if {@code baseline} is not a group, or no run has the selected stage
     */
    public static Comparison compare(CompareInputs inputs, String baseline, StageSelection stages) {
        Map<String, List<RunRecord>> byGroup = new LinkedHashMap<>();
        for (RunRecord run : inputs.runs()) {
            byGroup.computeIfAbsent(run.group(), g -> new ArrayList<>()).add(run);
        }
        List<String> groups = List.copyOf(byGroup.keySet());
        String reason;
        if (baseline != null) {
            if (!byGroup.containsKey(baseline)) {
                throw new BadInputException("--baseline " + baseline + ": no such group; groups: " + groups);
            }
            reason = "--baseline";
        } else {
            List<String> bc = groups.stream().filter(g -> g.startsWith("bc-")).toList();
            baseline = bc.size() == 1 ? bc.get(0) : groups.get(0);
            reason = bc.size() == 1 ? "the one group named bc-*" : "the first group";
        }

        // group -> key -> seed -> evaluation
        Map<String, Map<EvaluationKey, SortedMap<Long, SeedEvaluation>>> picked = new LinkedHashMap<>();
        Set<EvaluationKey> keys = new LinkedHashSet<>();
        for (RunRecord run : inputs.runs()) {
            for (SeedEvaluation evaluation : stages.pick(run)) {
                keys.add(evaluation.key());
                picked.computeIfAbsent(run.group(), g -> new LinkedHashMap<>())
                        .computeIfAbsent(evaluation.key(), k -> new TreeMap<>()).put(run.seed(), evaluation);
            }
        }
        if (keys.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            inputs.runs().forEach(r -> r.evaluations().forEach(e -> known.add(e.key().stage())));
            throw new BadInputException(stages.stage() != null
                    ? "--stage " + stages.stage() + ": no run has an evaluation at that stage; stages: " + known
                    : "nothing to compare: the runs have no evaluations");
        }

        List<GroupRow> rows = new ArrayList<>();
        for (EvaluationKey key : keys) {
            SortedMap<Long, SeedEvaluation> base = picked.getOrDefault(baseline, Map.of()).get(key);
            String against = baseline;
            if (base == null && !GREEDY.equals(key.search())) {
                // e.g. a method with MCTS at inference against the baseline's plain policy
                base = picked.getOrDefault(baseline, Map.of()).get(new EvaluationKey(key.stage(), key.split(), GREEDY));
                against = baseline + " (" + GREEDY + ")";
            }
            for (String group : groups) {
                SortedMap<Long, SeedEvaluation> seeds = picked.getOrDefault(group, Map.of()).get(key);
                if (seeds != null) {
                    rows.add(row(group, key, seeds, group.equals(baseline) ? null : gain(against, seeds, base)));
                }
            }
        }

        List<String> warnings = new ArrayList<>();
        for (SkippedRun skipped : inputs.skipped()) {
            warnings.add("skipped " + skipped.path() + ": status " + skipped.status() + ", not completed");
        }
        warnings.addAll(inputs.warnings());
        if (stages.equals(StageSelection.KEPT)) {
            warnings.addAll(KeptStageCheck.warnings(inputs.runs()));
        }
        for (Map.Entry<String, List<RunRecord>> group : byGroup.entrySet()) {
            List<Map<String, String>> records = group.getValue().stream().map(RunRecord::provenance)
                    .filter(p -> !p.isEmpty()).toList();
            List<String> differing = Provenance.differingKeys(records);
            if (records.size() > 1 && !differing.isEmpty()) {
                warnings.add("group '" + group.getKey() + "' pools runs whose provenance (run.json) differs in "
                        + named(differing));
            }
        }
        return new Comparison(groups, baseline, reason, stages, List.copyOf(keys), rows, inputs.runs(),
                inputs.skipped(), warnings);
    }

    private static GroupRow row(String group, EvaluationKey key, SortedMap<Long, SeedEvaluation> seeds,
                                PairedGain gain) {
        double[] success = new double[seeds.size()];
        double[] reward = new double[seeds.size()];
        SortedMap<Long, Double> perSeed = new TreeMap<>();
        long successes = 0;
        long episodes = 0;
        int i = 0;
        for (Map.Entry<Long, SeedEvaluation> seed : seeds.entrySet()) {
            SeedEvaluation evaluation = seed.getValue();
            success[i] = evaluation.successRate();
            reward[i++] = evaluation.meanReward();
            perSeed.put(seed.getKey(), evaluation.successRate());
            successes += evaluation.successes();
            episodes += evaluation.completed();
        }
        List<Double> wilson = episodes > 0 ? Wilson.interval95(Math.min(successes, episodes), episodes) : null;
        return new GroupRow(group, key, SeedStatistics.mean(success), successes, episodes, wilson,
                SeedStatistics.mean(reward).mean(), perSeed, gain);
    }

    /** The paired gain on the seeds both have, or null if they share none. */
    private static PairedGain gain(String baseline, SortedMap<Long, SeedEvaluation> seeds,
                                   SortedMap<Long, SeedEvaluation> base) {
        if (base == null) {
            return null;
        }
        List<Long> common = seeds.keySet().stream().filter(base::containsKey).toList();
        if (common.isEmpty()) {
            return null;
        }
        double[] method = common.stream().mapToDouble(s -> seeds.get(s).successRate()).toArray();
        double[] reference = common.stream().mapToDouble(s -> base.get(s).successRate()).toArray();
        return SeedStatistics.paired(baseline, method, reference);
    }

    private static String named(List<String> keys) {
        if (keys.size() <= MAX_KEYS_NAMED) {
            return String.join(", ", keys);
        }
        return String.join(", ", keys.subList(0, MAX_KEYS_NAMED)) + " and " + (keys.size() - MAX_KEYS_NAMED)
                + " more";
    }
}
