package dev.kaizen.shop;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentFactory;
import org.pf4j.Extension;

/** Registers {@link ShopEnvironment} as environment {@code shop}. */
@Extension
public final class ShopFactory implements EnvironmentFactory<ShopConfig> {

    @Override
    public String name() {
        return "shop";
    }

    @Override
    public Class<ShopConfig> configType() {
        return ShopConfig.class;
    }

    @Override
    public Environment create(ShopConfig config, ComponentContext context) {
        return new ShopEnvironment(config);
    }

    @Override
    public String description() {
        return "the embedded WebShop-like store: generated catalog, Lucene BM25 search, expert demonstrations";
    }
}
