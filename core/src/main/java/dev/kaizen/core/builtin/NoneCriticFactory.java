package dev.kaizen.core.builtin;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticFactory;
import java.util.Arrays;
import org.pf4j.Extension;

/** Registers critic {@code none}, which scores every candidate 0.5 (guidance off). */
@Extension
public final class NoneCriticFactory implements CriticFactory<NoneCriticConfig> {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Class<NoneCriticConfig> configType() {
        return NoneCriticConfig.class;
    }

    @Override
    public Critic create(NoneCriticConfig config, ComponentContext context) {
        return (contexts, candidates) -> candidates.stream().map(list -> {
            double[] scores = new double[list.size()];
            Arrays.fill(scores, 0.5);
            return scores;
        }).toList();
    }

    @Override
    public String description() {
        return "scores every candidate 0.5: no guidance";
    }
}
