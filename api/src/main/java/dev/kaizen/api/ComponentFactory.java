package dev.kaizen.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Builds one named kind of part from its config. Every SPI's factory extends this.
 *
 * <p>Implementations are annotated with {@code @org.pf4j.Extension}, have a public no-argument
 * constructor and are stateless; the host may call {@link #create} many times, from any thread.
 *
 * @param <C> the config type this factory reads
 * @param <T> the runtime type it builds
 */
public interface ComponentFactory<C extends ComponentConfig<T>, T> extends ExtensionPoint {

    /** The name recipes use in {@code type:}; lowercase kebab-case, unique within its kind. */
    String name();

    /** The config record this factory reads; registered by the host under {@link #name()}. */
    Class<C> configType();

    /**
     * Builds a part. The caller owns the result and closes it if it is {@link AutoCloseable}.
     *
     * @throws IllegalArgumentException if the config cannot be used (the message says why)
     */
    T create(C config, ComponentContext context);

    /**
     * What parts built from {@code config} need from the recipe's policy or environment; the host
     * checks them before the run's first stage and refuses a recipe that does not fit (exit 2). By
     * default nothing.
     */
    default List<Requirement> requirements(C config) {
        return List.of();
    }

    /**
     * The traits parts built by this factory offer to other parts' {@link Requirement}s, e.g.
     * {@link Requirement#CHAT_MODEL}. By default none.
     */
    default Set<String> traits() {
        return Set.of();
    }

    /** One line for {@code kaizen components}. */
    default String description() {
        return "";
    }

    /**
     * What this factory's parts depend on that can change results and is not in their config:
     * library and native versions, the instruction set the numeric engine dispatches to. The host
     * writes it into each run's {@code run.json} under the part's recipe path, so that two runs
     * whose numbers differ in the last digits can be told apart.
     *
     * <p>Keys are short lowercase names ({@code djl}, {@code pytorch}, {@code cpu-capability});
     * values are what the running process uses, not what was asked for. Never include secrets (API
     * keys, tokens, passwords) or anything the config already holds. The host may call this from
     * any thread, before any part is created; it should be quick and must not throw for an
     * environment it can still run in (report {@code unknown} instead). The default reports nothing.
     */
    default Map<String, String> provenance() {
        return Map.of();
    }
}
