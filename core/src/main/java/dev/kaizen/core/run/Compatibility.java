package dev.kaizen.core.run;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentFactory;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.Requirement;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.registry.ComponentKind;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.registry.RegisteredComponent;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before anything is built, that every part of a recipe gets what it needs from the recipe's
 * policy and environment ({@link ComponentFactory#requirements}), so that a recipe whose parts cannot
 * work together is refused at start, naming both parts, instead of failing after minutes of work.
 */
final class Compatibility {

    private final Recipe recipe;
    private final ComponentRegistry registry;

    private Compatibility(Recipe recipe, ComponentRegistry registry) {
        this.recipe = recipe;
        this.registry = registry;
    }

    /**
     * @throws IncompatiblePartsException naming the part, what it needs and why, and the part that
     *     lacks it, with the registered parts that offer it
     */
    static void check(Recipe recipe, ComponentRegistry registry) {
        Compatibility compatibility = new Compatibility(recipe, registry);
        compatibility.walk("environment", recipe.environment());
        compatibility.walk("policy", recipe.policy());
        compatibility.walk("method", recipe.method());
        compatibility.walk("evaluation.search", recipe.evaluation().search());
        compatibility.walk("evaluation.critic", recipe.evaluation().critic());
    }

    /** Checks {@code value} at {@code path} if it is a part, then every part nested in it. */
    private void walk(String path, Object value) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(path + "[" + i++ + "]", item);
            }
            return;
        }
        if (!(value instanceof ComponentConfig<?> config)) {
            return;
        }
        registry.forConfig(config).ifPresent(component -> checkPart(path, component, config));
        if (config.getClass().isRecord()) {
            for (RecordComponent field : config.getClass().getRecordComponents()) {
                try {
                    walk(path + "." + field.getName(), field.getAccessor().invoke(config));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + path + "." + field.getName(), e);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void checkPart(String path, RegisteredComponent component, ComponentConfig<?> config) {
        List<Requirement> requirements = ((ComponentFactory) component.factory()).requirements(config);
        for (Requirement requirement : requirements) {
            ComponentConfig<?> other = "policy".equals(requirement.part()) ? recipe.policy() : recipe.environment();
            Optional<RegisteredComponent> provider = registry.forConfig(other);
            if (provider.isPresent() && provider.get().factory().traits().contains(requirement.trait())) {
                continue;
            }
            ComponentKind kind = "policy".equals(requirement.part()) ? ComponentKind.POLICY : ComponentKind.ENVIRONMENT;
            List<String> offering = registry.components(kind).stream()
                    .filter(c -> c.factory().traits().contains(requirement.trait())).map(RegisteredComponent::name)
                    .toList();
            throw new IncompatiblePartsException(path + " (" + component.kind().id() + " '" + component.name()
                    + "') needs a " + requirement.part() + " that is " + requirement.trait() + " (" + requirement.why()
                    + "), but " + requirement.part() + " is '" + provider.map(RegisteredComponent::name).orElse("?")
                    + "'; " + requirement.part() + " types that are " + requirement.trait() + ": " + offering);
        }
    }
}
