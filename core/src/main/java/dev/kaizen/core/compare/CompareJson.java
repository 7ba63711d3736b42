package dev.kaizen.core.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.core.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code compare.json}: the comparison's figures with every seed's success rate. The same
 * inputs give the same bytes: fields in a fixed order, groups and keys in the order of the inputs,
 * seeds in numeric order, no times; figures that do not exist (an interval of one seed) are null.
 * Stateless.
 */
public final class CompareJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareJson() {
    }

    /** Writes {@code comparison} to {@code file}, replacing it. */
    public static void write(Comparison comparison, Path file) throws IOException {
        RunDirectory.writeAtomically(file, JSON.writeValueAsString(toJson(comparison)) + "\n");
    }

    static ObjectNode toJson(Comparison comparison) {
        ObjectNode root = JSON.createObjectNode();
        root.put("baseline", comparison.baseline());
        root.put("baselineReason", comparison.baselineReason());
        root.put("stages", comparison.stages().toString());
        ArrayNode groups = root.putArray("groups");
        comparison.groups().forEach(groups::add);
        ArrayNode rows = root.putArray("rows");
        for (GroupRow row : comparison.rows()) {
            ObjectNode node = rows.addObject();
            node.put("group", row.group());
            node.put("stage", row.key().stage());
            node.put("split", row.key().split());
            node.put("search", row.key().search());
            node.put("seeds", row.seeds());
            number(node, "meanSuccess", row.success().mean());
            interval(node, "successCi95", row.success().low(), row.success().high());
            node.put("pooledSuccesses", row.pooledSuccesses());
            node.put("pooledEpisodes", row.pooledEpisodes());
            List<Double> wilson = row.pooledWilson95();
            interval(node, "pooledWilson95", wilson == null ? Double.NaN : wilson.get(0),
                    wilson == null ? Double.NaN : wilson.get(1));
            number(node, "meanReward", row.meanReward());
            ObjectNode perSeed = node.putObject("perSeed");
            for (Map.Entry<Long, Double> seed : row.perSeed().entrySet()) {
                number(perSeed, Long.toString(seed.getKey()), seed.getValue());
            }
            PairedGain gain = row.gain();
            if (gain == null) {
                node.putNull("gain");
                continue;
            }
            ObjectNode paired = node.putObject("gain");
            paired.put("baseline", gain.baseline());
            paired.put("pairs", gain.pairs());
            number(paired, "mean", gain.gain().mean());
            interval(paired, "ci95", gain.gain().low(), gain.gain().high());
            number(paired, "tTestP", gain.tTestP());
            number(paired, "wilcoxonP", gain.wilcoxonP());
            paired.put("wilcoxonExact", gain.wilcoxonExact());
        }
        ArrayNode runs = root.putArray("runs");
        for (RunRecord run : comparison.runs()) {
            runs.addObject().put("path", run.path().toString()).put("group", run.group()).put("seed", run.seed());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedRun run : comparison.skipped()) {
            skipped.addObject().put("path", run.path().toString()).put("status", run.status());
        }
        ArrayNode warnings = root.putArray("warnings");
        comparison.warnings().forEach(warnings::add);
        return root;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static void interval(ObjectNode node, String field, double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            node.putNull(field);
        } else {
            node.putArray(field).add(low).add(high);
        }
    }
}
