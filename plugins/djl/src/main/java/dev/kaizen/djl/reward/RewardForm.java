package dev.kaizen.djl.reward;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a discriminator's {@code D(s, a)} becomes a step reward. */
public enum RewardForm {
    /** {@code log D}: at most 0, strongly negative for steps that look like the agent's. */
    LOG_D("log-d"),
    /** {@code −log(1 − D)}: at least 0, large for steps that look like the expert's. */
    NEG_LOG_ONE_MINUS_D("neg-log-one-minus-d"),
    /** {@code D} itself, in (0, 1). */
    D("d"),
    /**
     * {@code log D − log(1 − D)}, the logit itself (AIRL's reward): positive for steps that look like
     * the expert's, negative for the agent's, 0 where the discriminator cannot tell. Unlike the
     * one-signed forms it is no cost or bonus for merely taking another step, which on long episodes
     * outweighs what the steps are.
     */
    LOGIT("logit");

    private final String id;

    RewardForm(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Parses a form name.
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    @JsonCreator
    public static RewardForm of(String id) {
        for (RewardForm form : values()) {
            if (form.id.equals(id)) {
                return form;
            }
        }
        throw new IllegalArgumentException("unknown reward form '" + id + "'; allowed: "
                + Arrays.stream(values()).map(RewardForm::id).toList());
    }

    /** The reward for a discriminator logit {@code s} ({@code D = σ(s)}), computed stably. */
    public double apply(double logit) {
        return switch (this) {
            case LOG_D -> -softplus(-logit);
            case NEG_LOG_ONE_MINUS_D -> softplus(logit);
            case D -> 1.0 / (1.0 + Math.exp(-logit));
            case LOGIT -> logit;
        };
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public String toString() {
        return id;
    }
}
