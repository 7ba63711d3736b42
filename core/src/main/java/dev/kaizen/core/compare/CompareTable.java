package dev.kaizen.core.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a text table, a row per group and evaluation key: seeds, mean success with its
 * t-interval over seeds, the pooled Wilson interval, mean reward and, for groups other than the
 * baseline, the paired gain with its t-interval and the t-test's and Wilcoxon's p-values. Stateless.
 */
public final class CompareTable {

    /** The column names. */
    static final List<String> HEADER = List.of("group", "stage", "split", "search", "seeds", "success",
            "95% t-interval", "pooled (Wilson)", "reward", "gain", "95% t-interval", "p (t)", "p (Wilcoxon)");
    /** The approximate p-values' footnote. */
    static final String APPROXIMATE = "~: normal approximation (tied or zero differences); other Wilcoxon p-values "
            + "are exact";
    private static final String NONE = "-";

    private CompareTable() {
    }

    /** Prints the table of {@code comparison} on {@code out}. */
    public static void print(Comparison comparison, PrintStream out) {
        out.println(heading(comparison));
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER.toArray(String[]::new));
        for (GroupRow row : comparison.rows()) {
            lines.add(cells(row).toArray(String[]::new));
        }
        int[] widths = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                boolean left = i < 4 || i == 6 || i == 7 || i == 10;
                String format = "%" + (left ? "-" : "") + widths[i] + "s";
                text.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, line[i]));
            }
            out.println(text.toString().stripTrailing());
        }
        if (approximate(comparison.rows())) {
            out.println(APPROXIMATE);
        }
        comparison.rows().stream().filter(r -> r.gain() != null && !r.gain().baseline().equals(comparison.baseline()))
                .map(r -> r.key().search()).distinct().forEach(search -> out.println("gains under search " + search
                        + " are over the baseline's greedy evaluations (it was not run with " + search + ")"));
    }

    /** E.g. {@code baseline: bc-shop (--baseline); stages: last; 10 runs in 2 groups}. */
    static String heading(Comparison comparison) {
        return "baseline: " + comparison.baseline() + " (" + comparison.baselineReason() + "); stages: "
                + comparison.stages() + "; " + comparison.runs().size() + " runs in " + comparison.groups().size()
                + " groups";
    }

    /** Cells of a row, as the table and the report show them. */
    static List<String> cells(GroupRow row) {
        PairedGain gain = row.gain();
        return List.of(row.group(), row.key().stage(), row.key().split(), row.key().search(),
                Integer.toString(row.seeds()), rate(row.success().mean()), interval(row.success()),
                row.pooledWilson95() == null ? NONE : interval(row.pooledWilson95().get(0), row.pooledWilson95().get(1)),
                rate(row.meanReward()),
                gain == null ? "" : String.format(Locale.ROOT, "%+.3f", gain.gain().mean()),
                gain == null ? "" : interval(gain.gain()),
                gain == null ? "" : p(gain.tTestP(), true),
                gain == null ? "" : p(gain.wilcoxonP(), gain.wilcoxonExact()));
    }

    /** Whether a Wilcoxon p-value of {@code rows} is the normal approximation. */
    static boolean approximate(List<GroupRow> rows) {
        return rows.stream().map(GroupRow::gain)
                .anyMatch(g -> g != null && !Double.isNaN(g.wilcoxonP()) && !g.wilcoxonExact());
    }

    private static String rate(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : NONE;
    }

    private static String interval(MeanEstimate estimate) {
        return estimate.hasInterval() ? interval(estimate.low(), estimate.high()) : NONE;
    }

    private static String interval(double low, double high) {
        return String.format(Locale.ROOT, "[%.3f, %.3f]", low, high);
    }

    /** A p-value; {@code ~} before it when it is the normal approximation. */
    private static String p(double value, boolean exact) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        String text = value < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", value);
        return exact ? text : "~" + text;
    }
}
