package dev.kaizen.shop;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentFactory;
import dev.kaizen.api.env.Split;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link ShopEnvironment} as environment {@code shop}. Each store it builds is logged
 * and reported to the context's metrics as event {@code shop-build} (products, tasks, goals thrown
 * away, and the seconds each build phase took).
 */
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

    private static final Logger LOG = LoggerFactory.getLogger(ShopFactory.class);

    @Override
    public Environment create(ShopConfig config, ComponentContext context) {
        ShopEnvironment store = new ShopEnvironment(config);
        ShopEnvironment.BuildTimes times = store.buildTimes();
        int tasks = 0;
        for (Split split : Split.values()) {
            tasks += store.tasks(split).size();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("products", store.catalog().products().size());
        fields.put("tasks", tasks);
        fields.put("rejectedGoals", store.rejectedGoals());
        fields.put("catalogSeconds", times.catalog());
        fields.put("indexSeconds", times.index());
        fields.put("goalsSeconds", times.goals());
        context.metrics().record("shop-build", fields);
        LOG.info(String.format(Locale.ROOT, "store built: %d products, %d tasks in %.2f s (catalog %.2f s, index %.2f s,"
                + " goals %.2f s)", store.catalog().products().size(), tasks, times.total(), times.catalog(),
                times.index(), times.goals()));
        return store;
    }

    @Override
    public String description() {
        return "the embedded WebShop-like store: generated catalog, Lucene BM25 search, expert demonstrations";
    }
}
