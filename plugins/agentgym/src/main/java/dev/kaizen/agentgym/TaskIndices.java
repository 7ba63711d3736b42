package dev.kaizen.agentgym;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses task index lists such as {@code "0-99, 150, 200-209"} (ranges inclusive). */
final class TaskIndices {

    private static final int MAX_TASKS = 1_000_000;

    private TaskIndices() {
    }

    /**
     * The indices, in the order written, each once.
     *
     * @throws IllegalArgumentException naming the field and the bad part
     */
    static List<Integer> parse(String spec, String field) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (String raw : spec.split(",")) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            try {
                int dash = part.indexOf('-', 1);
                int low = Integer.parseInt((dash < 0 ? part : part.substring(0, dash)).strip());
                int high = dash < 0 ? low : Integer.parseInt(part.substring(dash + 1).strip());
                if (low < 0 || high < low) {
                    throw new NumberFormatException();
                }
                if ((long) high - low + out.size() >= MAX_TASKS) {
                    throw new IllegalArgumentException(field + " lists more than " + MAX_TASKS + " tasks");
                }
                for (int i = low; i <= high; i++) {
                    out.add(i);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + part + "' is not a task index or range; write "
                        + "non-negative indices and inclusive ranges separated by commas, e.g. \"0-99, 150\"");
            }
        }
        return new ArrayList<>(out);
    }
}
