package dev.kaizen.llm.critic;

import java.util.List;

/**
 * Turns a (possibly partial) ranking into scores: the ranked candidates take positions 0, 1, ... in
 * order; the candidates left unranked share the mean of the remaining positions. A position
 * {@code r} of {@code K} scores {@code 1 − r/(K−1)} (best 1, worst 0); a single candidate scores 1.
 */
public final class Ranks {

    private Ranks() {
    }

    /**
     * Scores for {@code count} candidates.
     *
     * @param ranked candidate indices, best first, distinct, each in {@code [0, count)}
     */
    public static double[] scores(int count, List<Integer> ranked) {
        double[] scores = new double[count];
        if (count == 0) {
            return scores;
        }
        if (count == 1) {
            scores[0] = 1.0;
            return scores;
        }
        boolean[] placed = new boolean[count];
        for (int position = 0; position < ranked.size(); position++) {
            int index = ranked.get(position);
            if (index < 0 || index >= count || placed[index]) {
                throw new IllegalArgumentException("ranking " + ranked + " is not a list of distinct indices below "
                        + count);
            }
            placed[index] = true;
            scores[index] = 1.0 - position / (double) (count - 1);
        }
        int first = ranked.size();
        double sharedRank = (first + count - 1) / 2.0;
        for (int index = 0; index < count; index++) {
            if (!placed[index]) {
                scores[index] = 1.0 - sharedRank / (count - 1);
            }
        }
        return scores;
    }
}
