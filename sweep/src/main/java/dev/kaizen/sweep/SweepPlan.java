package dev.kaizen.sweep;

import dev.kaizen.core.BadInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells of a sweep: the cartesian product of recipes × grid cells × seeds, in that order (all
 * seeds of a cell together).
 */
final class SweepPlan {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._=,+-]");

    private SweepPlan() {
    }

    /**
     * A named recipe: its file and the name its runs are grouped under.
     *
     * @param name the recipe's name
     * @param file its absolute path
     */
    record NamedRecipe(String name, String file) {
    }

    /**
     * One grid axis: {@code PATH=V1,V2,...}.
     *
     * @param path the recipe field
     * @param values its values, as {@code --set} takes them
     */
    record Axis(String path, List<String> values) {

        /** Reads {@code PATH=V1,V2,...}; values are split on commas outside brackets and braces. */
        static Axis parse(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0 || equals == text.length() - 1) {
                throw new BadInputException("--grid " + text + ": expected PATH=V1,V2,..., e.g. --grid method.beta=0.1,0.5");
            }
            List<String> values = new ArrayList<>();
            int depth = 0;
            StringBuilder value = new StringBuilder();
            for (char c : text.substring(equals + 1).toCharArray()) {
                depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    values.add(value.toString().trim());
                    value.setLength(0);
                } else {
                    value.append(c);
                }
            }
            values.add(value.toString().trim());
            if (values.stream().anyMatch(String::isEmpty) || new HashSet<>(values).size() != values.size()) {
                throw new BadInputException("--grid " + text + ": values must be non-empty and distinct");
            }
            return new Axis(text.substring(0, equals).trim(), List.copyOf(values));
        }
    }

    /** The cells, in order; ids are unique. */
    static List<Cell> cells(List<NamedRecipe> recipes, List<Axis> grid, List<String> sets, List<Long> seeds) {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Axis axis : grid) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> combination : combinations) {
                for (String value : axis.values()) {
                    List<String> extended = new ArrayList<>(combination);
                    extended.add(axis.path() + "=" + value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (NamedRecipe recipe : recipes) {
            for (List<String> combination : combinations) {
                String group = combination.isEmpty() ? recipe.name()
                        : recipe.name() + "-" + UNSAFE.matcher(String.join(",", combination)).replaceAll("_");
                List<String> overrides = new ArrayList<>(sets);
                overrides.addAll(combination);
                for (long seed : seeds) {
                    Cell cell = new Cell(group + "-seed" + seed, group, recipe.file(), seed, overrides);
                    if (!ids.add(cell.id())) {
                        throw new BadInputException("two cells would share the run directory runs/" + cell.id()
                                + "; name each recipe once and keep grid values distinct");
                    }
                    cells.add(cell);
                }
            }
        }
        return cells;
    }
}
