package dev.kaizen.djl.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposes fillers for free-text templates from the instruction alone: the policy never receives
 * the answer, it picks among these.
 *
 * <p>The instruction is cut into <em>runs</em>, maximal sequences of content words not separated
 * by a function word or punctuation. Proposals, in this order, up to a cap: every ordered union of
 * whole runs (all subsets of the first runs), then every n-gram inside a run, then each union with
 * one run shortened to a sub-span. Each is copied verbatim from the instruction, lowercase.
 * Stateless and thread-safe.
 */
public final class SpanQueryGenerator {

    private final int maxSpanWords;
    private final int maxQueries;
    private final int maxRuns;

    /**
     * @param maxSpanWords the longest n-gram proposed inside a run
     * @param maxQueries the cap on proposals per instruction
     * @param maxRuns how many runs (from the start) are combined into unions
     */
    public SpanQueryGenerator(int maxSpanWords, int maxQueries, int maxRuns) {
        if (maxSpanWords < 1 || maxQueries < 1 || maxRuns < 1) {
            throw new IllegalArgumentException("maxSpanWords, maxQueries and maxRuns must be >= 1");
        }
        this.maxSpanWords = maxSpanWords;
        this.maxQueries = maxQueries;
        this.maxRuns = maxRuns;
    }

    /** The runs of an instruction as {@code [start, end)} token ranges. */
    public static List<int[]> runs(TextProfile instruction) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int t = 0; t < instruction.size(); t++) {
            boolean content = !instruction.isStopword(t);
            if (start >= 0 && (!content || instruction.boundaryBefore(t))) {
                runs.add(new int[] {start, t});
                start = -1;
            }
            if (content && start < 0) {
                start = t;
            }
        }
        if (start >= 0) {
            runs.add(new int[] {start, instruction.size()});
        }
        return runs;
    }

    /** The proposals for an instruction, distinct by text, in priority order. */
    public List<SpanQuery> generate(TextProfile instruction) {
        List<int[]> runs = runs(instruction);
        Map<String, SpanQuery> out = new LinkedHashMap<>();
        int combined = Math.min(runs.size(), maxRuns);
        // unions of whole runs, larger unions first, then by position
        List<Integer> masks = new ArrayList<>();
        for (int mask = 1; mask < (1 << combined); mask++) {
            masks.add(mask);
        }
        masks.sort((a, b) -> Integer.bitCount(b) != Integer.bitCount(a)
                ? Integer.bitCount(b) - Integer.bitCount(a) : Integer.compare(Integer.reverse(a), Integer.reverse(b)));
        for (int mask : masks) {
            List<int[]> chosen = new ArrayList<>();
            for (int r = 0; r < combined; r++) {
                if ((mask & (1 << r)) != 0) {
                    chosen.add(runs.get(r));
                }
            }
            add(out, instruction, chosen);
        }
        // n-grams inside runs
        for (int[] run : runs) {
            for (int len = Math.min(maxSpanWords, run[1] - run[0]); len >= 1; len--) {
                for (int s = run[0]; s + len <= run[1]; s++) {
                    add(out, instruction, List.of(new int[] {s, s + len}));
                }
            }
        }
        // unions of whole runs with one run shortened to a prefix or suffix
        for (int mask : masks) {
            if (Integer.bitCount(mask) < 2) {
                continue;
            }
            for (int r = 0; r < combined; r++) {
                if ((mask & (1 << r)) == 0) {
                    continue;
                }
                int[] run = runs.get(r);
                for (int cut = 1; cut < run[1] - run[0]; cut++) {
                    for (int[] part : new int[][] {{run[0] + cut, run[1]}, {run[0], run[1] - cut}}) {
                        List<int[]> chosen = new ArrayList<>();
                        for (int q = 0; q < combined; q++) {
                            if ((mask & (1 << q)) != 0) {
                                chosen.add(q == r ? part : runs.get(q));
                            }
                        }
                        add(out, instruction, chosen);
                    }
                }
            }
        }
        List<SpanQuery> list = new ArrayList<>(out.values());
        return list.size() > maxQueries ? List.copyOf(list.subList(0, maxQueries)) : List.copyOf(list);
    }

    private static void add(Map<String, SpanQuery> out, TextProfile instruction, List<int[]> spans) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[spans.size()];
        int[] ends = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            if (i > 0) {
                text.append(' ');
            }
            text.append(instruction.span(span[0], span[1]));
            starts[i] = span[0];
            ends[i] = span[1];
        }
        String key = text.toString().trim();
        if (!key.isEmpty()) {
            out.putIfAbsent(key, new SpanQuery(key, starts, ends));
        }
    }
}
