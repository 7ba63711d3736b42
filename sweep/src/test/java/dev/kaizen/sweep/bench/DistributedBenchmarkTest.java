package dev.kaizen.sweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kaizen bench distributed} on a small agentq-shop: both backends give the same results, the figures are there. */
class DistributedBenchmarkTest {

    private static final String RECIPE = Path.of("..", "dist", "recipes", "agentq-shop.yaml").toAbsolutePath()
            .normalize().toString();

    private record Result(int code, String out, String err) {
    }

    private static Result bench(String... options) {
        List<String> args = new ArrayList<>(List.of("bench", "--no-builtin-plugins", "--plugins",
                System.getProperty("kaizen.test.plugins"), "distributed", RECIPE));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Kaizen(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.systemUTC()).sharingPlugins().execute(args.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bothBackendsGiveTheSameResultsAndTheFiguresSayWhatTheyCost() throws Exception {
        Result result = bench("--episodes=60", "--tasks=12", "--rounds=2", "--master=local[2]", "--demonstrations=50");

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode figures = new ObjectMapper().readTree(result.out());
        assertThat(figures.path("benchmark").asText()).isEqualTo("distributed");
        assertThat(figures.path("slots").asInt()).isEqualTo(2);
        assertThat(figures.path("warmup").path("demonstrations").asInt()).isEqualTo(50);
        JsonNode evaluation = figures.path("evaluation");
        assertThat(evaluation.path("episodes").asInt()).isEqualTo(60);
        assertThat(evaluation.path("sameResults").asBoolean()).isTrue();
        assertThat(evaluation.path("localSeconds")).hasSize(2);
        assertThat(evaluation.path("sparkSeconds")).hasSize(2);
        assertThat(evaluation.path("outcomeBytesPerTask").asDouble()).isPositive();
        assertThat(evaluation.path("stateBytes").asLong()).isPositive();
        JsonNode search = figures.path("search");
        assertThat(search.path("tasks").asInt()).isEqualTo(12);
        assertThat(search.path("sameResults").asBoolean()).isTrue();
        assertThat(search.path("piecesPerRequest").asInt()).isEqualTo(2);
    }

    @Test
    void badOptionsSayWhatIsAllowed() {
        Result rounds = bench("--rounds=0");
        assertThat(rounds.code()).isEqualTo(2);
        assertThat(rounds.err()).contains("bench distributed: --rounds must be between 1 and 20, got 0");
        Result tasks = bench("--tasks=-1");
        assertThat(tasks.code()).isEqualTo(2);
        assertThat(tasks.err()).contains("--tasks must be >= 0 (0 skips the search), got -1");
    }
}
