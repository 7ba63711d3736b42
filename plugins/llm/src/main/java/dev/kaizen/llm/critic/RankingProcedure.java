package dev.kaizen.llm.critic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How the critic gets a ranking out of the model. */
public enum RankingProcedure {
    /** AgentQ's procedure: ask for the best of the remaining candidates, remove it, ask again. */
    ITERATIVE,
    /** One request that asks for the whole ranking. */
    SINGLE_CALL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static RankingProcedure of(String id) {
        for (RankingProcedure procedure : values()) {
            if (procedure.id().equals(id)) {
                return procedure;
            }
        }
        throw new IllegalArgumentException("unknown procedure '" + id + "'; allowed: "
                + Arrays.stream(values()).map(RankingProcedure::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
