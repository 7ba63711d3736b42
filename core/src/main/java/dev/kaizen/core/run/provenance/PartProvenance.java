package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.OrderedMaps;
import java.util.Map;

/**
 * A part of the recipe and what its factory says the part's results depend on.
 *
 * @param type the part's type name, e.g. {@code djl-scorer}
 * @param plugin the plugin its factory came from, {@code core} or {@code classpath}
 * @param provenance the factory's {@code provenance()}, by key in name order; {@code error} with the
 *     message where the factory failed to say
 */
public record PartProvenance(String type, String plugin, Map<String, String> provenance) {

    public PartProvenance {
        requireNonNull(type, "type is null");
        requireNonNull(plugin, "plugin is null");
        provenance = OrderedMaps.copy(provenance, "provenance");
    }
}
