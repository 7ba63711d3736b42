package dev.kaizen.household;

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
 * Registers {@link HouseholdEnvironment} as environment {@code household}. Each household it
 * builds is logged and reported to the context's metrics as event {@code household-build} (layouts,
 * tasks, tasks drawn again, and the seconds the build took).
 */
@Extension
public final class HouseholdFactory implements EnvironmentFactory<HouseholdConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(HouseholdFactory.class);

    @Override
    public String name() {
        return "household";
    }

    @Override
    public Class<HouseholdConfig> configType() {
        return HouseholdConfig.class;
    }

    @Override
    public Environment create(HouseholdConfig config, ComponentContext context) {
        HouseholdEnvironment household = new HouseholdEnvironment(config);
        int tasks = 0;
        for (Split split : Split.values()) {
            tasks += household.tasks(split).size();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("layouts", household.layouts().size());
        fields.put("tasks", tasks);
        fields.put("rejectedTasks", household.rejectedTasks());
        fields.put("buildSeconds", household.buildSeconds());
        context.metrics().record("household-build", fields);
        LOG.info(String.format(Locale.ROOT, "household built: %d layouts, %d tasks (%d drawn again) in %.2f s",
                household.layouts().size(), tasks, household.rejectedTasks(), household.buildSeconds()));
        return household;
    }

    @Override
    public String description() {
        return "the embedded ALFWorld-like household: generated rooms, six task families, expert demonstrations";
    }
}
