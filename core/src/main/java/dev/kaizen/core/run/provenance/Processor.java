package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The processor a process ran on. Numeric libraries choose their kernels by instruction set, so two
 * processors can give results that differ in the last digits.
 *
 * @param model the model name (Linux {@code /proc/cpuinfo}, macOS {@code sysctl}), or {@code unknown}
 * @param processors the processors available to the JVM
 * @param flags the instruction-set extensions relevant to numeric kernels that the processor has, in
 *     the order of {@link #NUMERIC_FLAGS}; empty where the system does not list them
 */
public record Processor(String model, int processors, List<String> flags) {

    /** The flags looked for: x86 vector, fused multiply-add and matrix extensions, Arm SIMD and SVE. */
    public static final List<String> NUMERIC_FLAGS = List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c",
            "avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16",
            "avx_vnni", "amx_tile", "amx_int8", "amx_bf16", "asimd", "asimdhp", "asimddp", "fphp", "i8mm", "bf16",
            "sve", "sve2");

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public Processor {
        requireNonNull(model, "model is null");
        flags = List.copyOf(flags);
    }

    /** This machine's processor. */
    public static Processor current() {
        int processors = Runtime.getRuntime().availableProcessors();
        if (Files.isReadable(CPUINFO)) {
            try {
                return fromCpuinfo(Files.readString(CPUINFO, StandardCharsets.UTF_8), processors);
            } catch (IOException e) {
                return new Processor(KaizenBuild.UNKNOWN, processors, List.of());
            }
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String model = os.startsWith("mac") ? sysctl("machdep.cpu.brand_string") : KaizenBuild.UNKNOWN;
        return new Processor(model, processors, List.of());
    }

    /**
     * The processor that the text of {@code /proc/cpuinfo} describes: the first {@code model name}
     * and the first {@code flags} (x86) or {@code Features} (Arm) line.
     */
    static Processor fromCpuinfo(String cpuinfo, int processors) {
        String model = null;
        Set<String> present = Set.of();
        boolean flagsSeen = false;
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (model == null && key.equals("model name") && !value.isEmpty()) {
                model = value;
            } else if (!flagsSeen && (key.equals("flags") || key.equals("Features"))) {
                present = Arrays.stream(value.split("\\s+")).collect(Collectors.toSet());
                flagsSeen = true;
            }
        }
        List<String> flags = NUMERIC_FLAGS.stream().filter(present::contains).toList();
        return new Processor(model == null ? KaizenBuild.UNKNOWN : model, processors, flags);
    }

    private static String sysctl(String name) {
        try {
            Process process = new ProcessBuilder("sysctl", "-n", name).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return KaizenBuild.UNKNOWN;
            }
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            return process.exitValue() == 0 && !out.isEmpty() ? out : KaizenBuild.UNKNOWN;
        } catch (IOException e) {
            return KaizenBuild.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KaizenBuild.UNKNOWN;
        }
    }
}
