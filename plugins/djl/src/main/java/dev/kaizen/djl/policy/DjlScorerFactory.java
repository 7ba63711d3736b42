package dev.kaizen.djl.policy;

import java.util.Set;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyFactory;
import dev.kaizen.djl.engine.EngineProvenance;
import java.util.Map;
import org.pf4j.Extension;

/** Registers {@link DjlScorerPolicy} as policy {@code djl-scorer}. */
@Extension
public final class DjlScorerFactory implements PolicyFactory<DjlScorerConfig> {

    /** The trait of policies whose network the DJL optimisers and reward models train. */
    public static final String NETWORK = "djl-scorer-network";

    @Override
    public String name() {
        return "djl-scorer";
    }

    @Override
    public Class<DjlScorerConfig> configType() {
        return DjlScorerConfig.class;
    }

    @Override
    public Policy create(DjlScorerConfig config, ComponentContext context) {
        return DjlScorerPolicy.create(config, name(), context.seed(name()));
    }

    /** The DJL and PyTorch versions and the CPU kernels PyTorch dispatches to ({@link EngineProvenance}). */
    @Override
    public Map<String, String> provenance() {
        return EngineProvenance.current();
    }

    @Override
    public Set<String> traits() {
        return Set.of(Requirement.TRAINABLE, NETWORK);
    }

    @Override
    public String description() {
        return "trainable neural action scorer on DJL/PyTorch (hashed text embeddings + matching features)";
    }
}
