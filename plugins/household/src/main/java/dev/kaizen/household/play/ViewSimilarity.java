package dev.kaizen.household.play;

import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.ObservationSimilarity;
import java.util.Map;

/**
 * How alike two household observations are, from what they say of the agent's situation rather
 * than their wording: 0.4 for facing the same kind of receptacle, 0.1 more for the very same one,
 * 0.3 for holding the same kind of object (or both nothing), 0.2 for the same last event. Symmetric,
 * 1 for observations of the same situation. Observations without the household's info (from
 * elsewhere) fall back to {@link ObservationSimilarity#textOverlap()}. Thread-safe.
 */
public final class ViewSimilarity implements ObservationSimilarity {

    private static final ObservationSimilarity FALLBACK = ObservationSimilarity.textOverlap();

    @Override
    public double between(Observation a, Observation b) {
        Map<String, String> x = a.info();
        Map<String, String> y = b.info();
        if (!x.containsKey("page") || !y.containsKey("page")) {
            return FALLBACK.between(a, b);
        }
        int tenths = 0;
        tenths += same(x, y, "page") ? 4 : 0;
        tenths += same(x, y, "page") && same(x, y, "location") ? 1 : 0;
        tenths += same(x, y, "holding") ? 3 : 0;
        tenths += same(x, y, "event") ? 2 : 0;
        return tenths / 10.0;
    }

    private static boolean same(Map<String, String> x, Map<String, String> y, String key) {
        return x.getOrDefault(key, "").equals(y.getOrDefault(key, ""));
    }
}
