package dev.kaizen.stepagent.inspection;

import dev.kaizen.api.trajectory.PreferencePair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one inspection found.
 *
 * @param prefixes how many expert prefixes the policy acted on
 * @param proposals how many actions it proposed in all (several per prefix when sampling more than one)
 * @param agreements how many proposals agreed with the expert (and were dropped)
 * @param empty how many prefixes got no proposal at all
 * @param pairs step-level pairs {@code (s_t, a*_t ≻ â_t)}, one per disagreeing proposal, in prefix order
 * @param disagreements where each pair comes from, in the same order
 * @param decideNanos wall time spent in the policy's {@code decide} calls
 */
public record InspectionResult(int prefixes, int proposals, int agreements, int empty,
                               List<PreferencePair> pairs, List<Disagreement> disagreements, long decideNanos) {

    public InspectionResult {
        pairs = List.copyOf(pairs);
        disagreements = List.copyOf(disagreements);
        if (pairs.size() != disagreements.size()) {
            throw new IllegalArgumentException("one disagreement per pair: " + pairs.size() + " pairs, "
                    + disagreements.size() + " disagreements");
        }
    }

    /** The share of proposals that agreed with the expert. */
    public double agreementRate() {
        return proposals == 0 ? 0.0 : (double) agreements / proposals;
    }

    /** Prefixes decided per second of {@code decide} time. */
    public double prefixesPerSecond() {
        return decideNanos <= 0 ? 0.0 : prefixes / (decideNanos / 1e9);
    }

    /** The figures as a metrics event. */
    public Map<String, Object> metrics() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prefixes", prefixes);
        fields.put("proposals", proposals);
        fields.put("agreements", agreements);
        fields.put("empty", empty);
        fields.put("pairs", pairs.size());
        fields.put("agreementRate", agreementRate());
        fields.put("decideSeconds", decideNanos / 1e9);
        fields.put("prefixesPerSecond", prefixesPerSecond());
        return fields;
    }
}
