package dev.kaizen.djl.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CPU kernels PyTorch's ATen dispatches to ({@code avx512}, {@code avx2} or {@code default}),
 * worked out the way ATen does when it first dispatches: the {@code ATEN_CPU_CAPABILITY}
 * environment variable if it holds one of those names, else on x86 {@code avx512} when the
 * processor has AVX-512 F, BW, VL and DQ and FMA, {@code avx2} when it has AVX2 and FMA; other
 * architectures get {@code default}. Kernels of different capabilities can give results that
 * differ in the last digits. Stateless.
 */
public final class CpuCapability {

    /** The environment variable ATen reads. */
    public static final String VARIABLE = "ATEN_CPU_CAPABILITY";

    private static final Set<String> NAMES = Set.of("avx512", "avx2", "default");
    private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "fma");
    private static final Set<String> AVX2 = Set.of("avx2", "fma");
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuCapability() {
    }

    /** This process's capability; {@code unknown} on x86 where the processor's flags cannot be read. */
    public static String current() {
        String arch = System.getProperty("os.arch", "");
        Set<String> flags = null;
        if (x86(arch) && Files.isReadable(CPUINFO)) {
            try {
                flags = flags(Files.readString(CPUINFO, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // unknown below
            }
        }
        return of(System.getenv(VARIABLE), arch, flags);
    }

    /**
     * The capability ATen picks.
     *
     * @param variable the value of {@code ATEN_CPU_CAPABILITY}, or null when it is not set
     * @param arch the JVM's {@code os.arch}
     * @param flags the processor's flags as {@code /proc/cpuinfo} names them, or null when unknown
     */
    public static String of(String variable, String arch, Set<String> flags) {
        if (variable != null && NAMES.contains(variable)) {
            return variable;
        }
        if (!x86(arch)) {
            return "default";
        }
        if (flags == null) {
            return "unknown";
        }
        if (flags.containsAll(AVX512)) {
            return "avx512";
        }
        return flags.containsAll(AVX2) ? "avx2" : "default";
    }

    /** The flags of the first {@code flags} line of {@code /proc/cpuinfo} text; empty if there is none. */
    static Set<String> flags(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("flags")) {
                return Arrays.stream(line.substring(colon + 1).strip().split("\\s+")).collect(Collectors.toSet());
            }
        }
        return Set.of();
    }

    private static boolean x86(String arch) {
        String lower = arch.toLowerCase(Locale.ROOT);
        return lower.equals("amd64") || lower.equals("x86_64") || lower.equals("x86") || lower.equals("i386");
    }
}
