package dev.kaizen.djl.text;

/**
 * Free-text fillers written with an instruction's own tokens: a filler is a subset of the
 * instruction's tokens, kept in order and joined by single spaces (so spans copied verbatim and
 * joined by spaces are fillers). Stateless.
 */
public final class QueryTokens {

    private QueryTokens() {
    }

    /** The filler made of the tokens marked in {@code chosen}. */
    public static String text(TextProfile instruction, boolean[] chosen) {
        StringBuilder out = new StringBuilder();
        for (int t = 0; t < chosen.length; t++) {
            if (chosen[t]) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(instruction.token(t));
            }
        }
        return out.toString();
    }

    /**
     * The instruction tokens that write {@code filler}: an in-order match of its tokens, preferring
     * contiguous runs and then earlier positions; null if the filler is not written exactly that way
     * (a word not in the instruction, another order, other spacing or case).
     *
     * @param limit only the first {@code limit} instruction tokens may be used
     */
    public static boolean[] align(TextProfile instruction, String filler, int limit) {
        TextProfile query = TextProfile.analyse(filler);
        int m = query.size();
        int n = Math.min(limit, instruction.size());
        if (m == 0 || m > n) {
            return null;
        }
        // best[j][i]: most adjacencies aligning query tokens 0..j with token j at position i; -1 if impossible
        int[][] best = new int[m][n];
        int[][] from = new int[m][n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                best[j][i] = -1;
                if (!instruction.token(i).equals(query.token(j))) {
                    continue;
                }
                if (j == 0) {
                    best[j][i] = 0;
                    from[j][i] = -1;
                    continue;
                }
                for (int k = 0; k < i; k++) {
                    if (best[j - 1][k] < 0) {
                        continue;
                    }
                    int score = best[j - 1][k] + (k == i - 1 ? 1 : 0);
                    if (score > best[j][i]) {
                        best[j][i] = score;
                        from[j][i] = k;
                    }
                }
            }
        }
        int end = -1;
        for (int i = 0; i < n; i++) {
            if (best[m - 1][i] >= 0 && (end < 0 || best[m - 1][i] > best[m - 1][end])) {
                end = i;
            }
        }
        if (end < 0) {
            return null;
        }
        boolean[] chosen = new boolean[n];
        for (int j = m - 1, i = end; j >= 0; i = from[j][i], j--) {
            chosen[i] = true;
        }
        return text(instruction, chosen).equals(filler) ? chosen : null;
    }
}
