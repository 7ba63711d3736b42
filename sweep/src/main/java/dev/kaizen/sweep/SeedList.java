package dev.kaizen.sweep;

import dev.kaizen.core.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The seeds of a sweep: {@code 7-16}, {@code 7,9,11}, or both mixed ({@code 7-9,20}). */
final class SeedList {

    /** The most seeds one sweep takes. */
    static final int MAX_SEEDS = 10_000;

    private SeedList() {
    }

    /**
     * @throws BadInputException naming the part that is not a seed or a range, with what is allowed
     */
    static List<Long> parse(String text) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.trim();
            try {
                int dash = item.indexOf('-', 1);
                if (dash > 0) {
                    long from = Long.parseLong(item.substring(0, dash).trim());
                    long to = Long.parseLong(item.substring(dash + 1).trim());
                    if (to < from || to - from >= MAX_SEEDS) {
                        throw new BadInputException("--seeds " + text + ": the range '" + item + "' must go up, "
                                + "by at most " + MAX_SEEDS + " seeds");
                    }
                    for (long seed = from; seed <= to; seed++) {
                        seeds.add(seed);
                    }
                } else {
                    seeds.add(Long.parseLong(item));
                }
            } catch (NumberFormatException e) {
                throw new BadInputException("--seeds " + text + ": '" + item + "' is not a seed or a range; use e.g. "
                        + "--seeds 7-16 or --seeds 7,9,11");
            }
            if (seeds.size() > MAX_SEEDS) {
                throw new BadInputException("--seeds " + text + ": more than " + MAX_SEEDS + " seeds");
            }
        }
        return new ArrayList<>(seeds);
    }
}
