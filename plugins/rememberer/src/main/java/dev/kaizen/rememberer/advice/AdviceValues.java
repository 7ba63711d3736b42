package dev.kaizen.rememberer.advice;

import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * How the values of a retrieved record's actions are presented to the policy.
 *
 * <p>With rewards in [0, 1] nearly every action ever tried has a positive Q, so raw values
 * ({@link #Q}, the paper's presentation) encourage whatever was tried before, however it compares
 * with the alternatives. {@link #ADVANTAGE} presents {@code Q(a) − V}, where {@code V} is the
 * visit-weighted mean of the record's values (what acting there has earned on average): better
 * than average actions are encouraged, worse ones discouraged. A record whose actions all earned
 * the same (e.g. a single action) has nothing to compare and is not attached.
 */
public enum AdviceValues {
    /** The remembered Q-values as they are. */
    Q,
    /** {@code Q(a) − V(record)}, V the visit-weighted mean of the record's values. */
    ADVANTAGE;

    /** The kebab-case name used in configs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a config name.
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    public static AdviceValues of(String id) {
        for (AdviceValues value : values()) {
            if (value.id().equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("method.adviceValues: unknown '" + id + "'; allowed: "
                + Arrays.stream(values()).map(AdviceValues::id).toList());
    }

    /** Whether presented advice tells the policy anything: with advantages, some action must differ from V. */
    boolean informative(Advice presented) {
        if (this == Q) {
            return !presented.actions().isEmpty();
        }
        for (ActionValue value : presented.actions()) {
            if (Math.abs(value.value()) > 1e-12) {
                return true;
            }
        }
        return false;
    }

    /** The advice as the policy should see it. */
    Advice present(Advice advice) {
        if (this == Q || advice.actions().isEmpty()) {
            return advice;
        }
        double sum = 0;
        long visits = 0;
        for (ActionValue value : advice.actions()) {
            sum += value.value() * value.visits();
            visits += value.visits();
        }
        double mean = visits == 0 ? 0.0 : sum / visits;
        return revalued(advice, value -> value - mean);
    }

    /** The advice with each action's value replaced by {@code value} of it; all else as it was. */
    static Advice revalued(Advice advice, DoubleUnaryOperator value) {
        List<ActionValue> values = new ArrayList<>(advice.actions().size());
        for (ActionValue action : advice.actions()) {
            values.add(new ActionValue(action.action(), value.applyAsDouble(action.value()), action.visits()));
        }
        return new Advice(advice.instruction(), advice.observation(), values, advice.similarity());
    }
}
