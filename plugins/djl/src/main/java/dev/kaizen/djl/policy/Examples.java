package dev.kaizen.djl.policy;

import dev.kaizen.api.env.Action;
import dev.kaizen.djl.features.EncodedContext;
import dev.kaizen.djl.features.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Contexts encoded once for training, each with how its given action (if any) is written in its
 * rows. Optimisers encode their data once and draw minibatches with {@link #subset}. Immutable.
 */
public final class Examples {

    private final List<EncodedContext> encoded;
    private final List<EncodedContext.Choice> choices;

    Examples(List<EncodedContext> encoded, List<EncodedContext.Choice> choices) {
        this.encoded = List.copyOf(encoded);
        this.choices = List.copyOf(choices);
    }

    /** The number of examples. */
    public int size() {
        return encoded.size();
    }

    /** How many rows (concrete actions and templates) example {@code i} has. */
    public int rows(int i) {
        return encoded.get(i).size();
    }

    /** How many filler tokens example {@code i} has (0 without templates). */
    public int tokens(int i) {
        return encoded.get(i).tokens();
    }

    /** Whether example {@code i} was given an action that its rows can write. */
    public boolean hasChoice(int i) {
        return choices.get(i).row() >= 0;
    }

    /** The examples at {@code indices}, in that order. */
    public Examples subset(int[] indices) {
        List<EncodedContext> part = new ArrayList<>(indices.length);
        List<EncodedContext.Choice> chosen = new ArrayList<>(indices.length);
        for (int index : indices) {
            part.add(encoded.get(index));
            chosen.add(choices.get(index));
        }
        return new Examples(part, chosen);
    }

    /** The actions of example {@code i}'s concrete rows (templates are listed as their template text). */
    public List<Action> rowActions(int i) {
        List<Action> out = new ArrayList<>();
        for (Row row : encoded.get(i).rows()) {
            out.add(row.isTemplate() ? new Action(row.template()) : row.action());
        }
        return out;
    }

    List<EncodedContext> encoded() {
        return encoded;
    }

    List<EncodedContext.Choice> choices() {
        return choices;
    }
}
