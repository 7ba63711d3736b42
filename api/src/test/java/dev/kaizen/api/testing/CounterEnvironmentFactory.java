package dev.kaizen.api.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentFactory;
import org.pf4j.Extension;

/** Registers {@link CounterEnvironment} as environment {@code test}. */
@Extension
public final class CounterEnvironmentFactory implements EnvironmentFactory<CounterEnvironmentConfig> {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public Class<CounterEnvironmentConfig> configType() {
        return CounterEnvironmentConfig.class;
    }

    @Override
    public Environment create(CounterEnvironmentConfig config, ComponentContext context) {
        return new CounterEnvironment(config);
    }

    @Override
    public String description() {
        return "tiny deterministic counter environment for tests";
    }
}
