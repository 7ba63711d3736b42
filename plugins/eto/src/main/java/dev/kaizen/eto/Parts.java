package dev.kaizen.eto;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import java.util.Map;

/**
 * Nested parts of a method config: the recipe's, or the default part. The host fills the defaults
 * declared on the config records ({@code @JsonProperty(defaultValue)}); a host that does not gets
 * the same default here, built by name.
 */
final class Parts {

    static final String BC = "bc";
    static final String SAMPLE = "sample";
    static final String NONE = "none";
    static final String DPO = "dpo";
    static final String GRPO = "grpo";

    private Parts() {
    }

    /** The parts every exploration-rounds method has: the warm-up optimiser, the explorer and its critic. */
    record Common(OptimizerConfig warmUp, SearchAlgorithmConfig explorer, CriticConfig critic) {

        /** The recipe's parts, each part left out replaced by its default ({@code bc}, {@code sample}, {@code none}). */
        static Common of(ComponentContext context, OptimizerConfig optimizer, SearchAlgorithmConfig explorer,
                         CriticConfig critic) {
            return new Common(orDefault(context, optimizer, OptimizerConfig.class, BC, "method.optimizer"),
                    orDefault(context, explorer, SearchAlgorithmConfig.class, SAMPLE, "method.explorer"),
                    orDefault(context, critic, CriticConfig.class, NONE, "method.critic"));
        }
    }

    /**
     * {@code given}, or the config of part {@code type} with its defaults if {@code given} is null.
     *
     * @param field the recipe field, for the message if the default part is not installed
     */
    static <C extends ComponentConfig<?>> C orDefault(ComponentContext context, C given, Class<C> kind, String type,
                                                      String field) {
        if (given != null) {
            return given;
        }
        try {
            return context.config(kind, Map.of("type", type));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not set and its default {type: " + type
                    + "} cannot be built (" + e.getMessage() + "); name an installed part in " + field, e);
        }
    }
}
