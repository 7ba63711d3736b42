package dev.kaizen.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.core.testing.Cli;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized input is refused at once, before it is parsed: exit code 2 and one line that names
 * the size and the limit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InputLimitsTest {

    private static final String RECIPE = """
            name: limits
            environment: {type: test, train: 5, seen: 3, unseen: 3}
            policy: {type: tabular}
            evaluation: {episodes: 3}
            """;

    @TempDir
    Path dir;

    private Cli.Result run(Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private void assertRefused(Cli.Result result, String... fragments) {
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(fragments).doesNotContain("\tat ", "Exception");
        assertThat(result.err().strip().lines().count()).as(result.toString()).isEqualTo(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aRecipeFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), RECIPE + "description: x");
        try (RandomAccessFile big = new RandomAccessFile(file.toFile(), "rw")) {
            big.setLength(60_000_000);
        }
        assertRefused(run(file), "kaizen: big.yaml: the recipe is 60.0 MB; a recipe is at most 1 MiB");
    }

    @Test
    void aValueOverTheLimitIsRefusedWithItsFieldPath() throws Exception {
        Path file = Files.writeString(dir.resolve("limits.yaml"), RECIPE + "description: " + "x".repeat(100_000) + "\n");
        assertRefused(run(file), "kaizen: limits.yaml: description: the value is 100000 characters; a value is at most "
                + "65536 characters (64 KiB)");
    }

    @Test
    void aBillionLaughsIsRefusedAtOnce() throws Exception {
        StringBuilder laughs = new StringBuilder(RECIPE).append("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*lol" + (level - 1);
            laughs.append("lol").append(level).append(": &lol").append(level).append(" [")
                    .append((previous + ", ").repeat(9)).append(previous).append("]\n");
        }
        Path file = Files.writeString(dir.resolve("laughs.yaml"), laughs);
        assertRefused(run(file), "kaizen: laughs.yaml: line 10, column ", ": alias *lol4 makes the aliases repeat "
                + "more than 1 MiB of values; aliases may repeat at most 1 MiB in all");
    }

    @Test
    void aSetValueOverTheLimitIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("limits.yaml"), RECIPE);
        assertRefused(run(file, "--set", "description=" + "x".repeat(70_000)),
                "kaizen: --set description=...: the value is 70000 characters; a value is at most 65536 characters "
                        + "(64 KiB)");
        assertThat(run(file, "--set", "description=" + "x".repeat(65_536)).code()).isZero();
    }
}
