package dev.kaizen.core.run.provenance;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentFactory;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.registry.RegisteredComponent;
import dev.kaizen.core.secret.SecretNames;
import dev.kaizen.core.secret.SecretValues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the parts of a recipe (its environment, policy and method, and every part config nested in
 * their records, lists and maps) and asks each part's factory for its {@code provenance()}. Parts
 * are keyed by their recipe path, e.g. {@code policy} or {@code method.optimizer}; list elements
 * by index (e.g. {@code method.critics[0]}). Stateless.
 */
final class RecipeParts {

    private static final String ERROR = "error";

    private RecipeParts() {
    }

    /** Every part of {@code recipe} in recipe order, with what its factory reports. */
    static Map<String, PartProvenance> provenance(Recipe recipe, ComponentRegistry registry) {
        Map<String, PartProvenance> parts = new LinkedHashMap<>();
        walk("", recipe, registry, parts);
        return parts;
    }

    private static void walk(String path, Object value, ComponentRegistry registry, Map<String, PartProvenance> parts) {
        if (value instanceof ComponentConfig<?> config) {
            registry.forConfig(config).ifPresent(component -> parts.put(path, part(component)));
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                walk(path.isEmpty() ? component.getName() : path + "." + component.getName(),
                        read(component, record), registry, parts);
            }
        } else if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object element : list) {
                walk(path + "[" + index++ + "]", element, registry, parts);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(path + "." + key, element, registry, parts));
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }

    private static PartProvenance part(RegisteredComponent component) {
        ComponentFactory<?, ?> factory = component.factory();
        Map<String, String> reported = new TreeMap<>();
        try {
            Map<String, String> provenance = factory.provenance();
            if (provenance != null) {
                provenance.forEach((key, value) -> reported.put(String.valueOf(key),
                        SecretNames.isSecretName(String.valueOf(key)) ? SecretNames.MASK
                                : SecretValues.mask(String.valueOf(value))));
            }
        } catch (RuntimeException | LinkageError e) {
            reported.clear();
            reported.put(ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return new PartProvenance(component.name(), component.origin(), reported);
    }
}
