package dev.kaizen.sweep;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * One run of a sweep: a recipe, a grid cell and a seed. Serializable: Spark ships it to the executor
 * that runs it.
 *
 * @param id the run directory's name under {@code DIR/runs/}: {@code GROUP-seedN}
 * @param group the recipe's name and, if the sweep has a grid, the cell's settings, e.g.
 *     {@code eto-shop-method.beta=0.5}; the runs of one group differ only by seed
 * @param recipe the recipe file, as an absolute path every executor can read
 * @param seed the seed
 * @param overrides the {@code --set} overrides of the sweep and of the grid cell, in order; the seed
 *     is set last
 */
public record Cell(String id, String group, String recipe, long seed, List<String> overrides) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Cell {
        requireNonNull(id, "id is null");
        requireNonNull(group, "group is null");
        requireNonNull(recipe, "recipe is null");
        overrides = List.copyOf(overrides);
    }

    /** The overrides with the seed, as the run is given them. */
    public List<String> sets() {
        List<String> sets = new java.util.ArrayList<>(overrides);
        sets.add("seed=" + seed);
        return List.copyOf(sets);
    }
}
