package dev.kaizen.djl.engine;

import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every part of this plugin computes with, for {@code ComponentFactory.provenance()}: the DJL
 * version, the engine's name and version (the PyTorch release) and the CPU kernels PyTorch
 * dispatches to ({@link CpuCapability}). Loads the engine on first use; an engine that cannot load
 * is reported as {@code unavailable}. Thread-safe.
 */
public final class EngineProvenance {

    private static volatile Map<String, String> current;

    private EngineProvenance() {
    }

    /** This process's values; computed once. */
    public static Map<String, String> current() {
        Map<String, String> known = current;
        if (known == null) {
            known = compute();
            current = known;
        }
        return known;
    }

    private static Map<String, String> compute() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("djl", DjlRuntime.call(Engine::getDjlVersion));
        try {
            Engine engine = DjlRuntime.engine();
            values.put("engine", engine.getEngineName());
            values.put(engine.getEngineName().toLowerCase(Locale.ROOT),
                    DjlRuntime.call(engine::getVersion));
        } catch (IllegalStateException e) {
            values.put("engine", "unavailable: " + e.getMessage());
        }
        values.put("cpu-capability", CpuCapability.current());
        return Map.copyOf(values);
    }
}
