package dev.kaizen.core.backend;

import dev.kaizen.core.BadInputException;
import dev.kaizen.core.recipe.RolloutSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The backends on the class path, by name. */
public final class RolloutBackends {

    private RolloutBackends() {
    }

    /**
     * The factory of {@code settings.backend()}, or null for {@code local}.
     *
     * @throws BadInputException naming the known backends if none has that name
     */
    public static RolloutBackendFactory find(RolloutSettings settings) {
        if (!settings.distributed()) {
            return null;
        }
        List<String> known = new ArrayList<>(List.of(RolloutSettings.LOCAL));
        for (RolloutBackendFactory factory : ServiceLoader.load(RolloutBackendFactory.class,
                RolloutBackends.class.getClassLoader())) {
            if (factory.name().equals(settings.backend())) {
                return factory;
            }
            known.add(factory.name());
        }
        throw new BadInputException("rollout.backend: unknown backend '" + settings.backend() + "'; known: " + known
                + (known.size() == 1 ? " (the spark backend comes with Kaizen's sweep module, kaizen-sweep, which is"
                        + " not on the class path)" : ""));
    }
}
