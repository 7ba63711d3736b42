package dev.kaizen.core.backend.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.search.ActionStatistics;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records come back equal, every double to the bit, maps in order, shared objects shared. */
class RecordCodecTest {

    private static final Task TASK = new Task("t-1", Split.UNSEEN, "buy a red mug ünder $5", ordered("category",
            "kitchen", "budget", "5"));
    private static final Observation START = new Observation("search page", List.of(Action.of("click", "home")),
            List.of("search[{}]"), false, 0.0, ordered("page", "search", "a", "1"), ordered("click[home]", "the start"));
    private static final Observation END = new Observation("done: 0.1 + 0.2", List.of(), List.of(), true,
            0.1 + 0.2, Map.of(), Map.of());

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void trajectoriesRoundTripExactly() {
        Step first = new Step(START, Action.of("search[red mug]"), -0.0);
        Step second = new Step(END, Action.of("click[buy]"), 1.0 / 3.0);
        Trajectory played = Trajectory.of(TASK, List.of(first, second), 1.0 / 3.0, TrajectorySource.AGENT);
        Trajectory errored = Trajectory.errored(TASK, List.of(first), TrajectorySource.SEARCH, ErrorCause.ENVIRONMENT,
                "step failed: boom");
        Trajectory failed = Trajectory.failed(new Task("t-2", Split.TRAIN, ""), List.of(), TrajectorySource.EXPERT,
                "no end");
        RecordWriter writer = new RecordWriter();
        writer.trajectories(List.of(played, errored, failed, played));

        List<Trajectory> read = new RecordReader(writer.toByteArray()).trajectories();

        assertThat(read).containsExactly(played, errored, failed, played);
        assertThat(Double.doubleToRawLongBits(read.get(0).steps().get(0).reward()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(read.get(0).task().info().keySet()).containsExactly("category", "budget");
        assertThat(read.get(0).steps().get(0).observation().info().keySet()).containsExactly("page", "a");
        assertThat(read.get(3)).isSameAs(read.get(0));
        assertThat(read.get(1).steps().get(0)).isSameAs(read.get(0).steps().get(0));
    }

    @Test
    void searchResultsRoundTripWithTheirTreesSharingSteps() {
        Step first = new Step(START, Action.of("search[red mug]"), 0.0);
        Step buy = new Step(END, Action.of("click[buy]"), 1.0);
        Trajectory committed = Trajectory.of(TASK, List.of(first, buy), 1.0, TrajectorySource.SEARCH);
        Trajectory rollout = Trajectory.of(TASK, List.of(first), 0.0, TrajectorySource.SEARCH);
        Advice advice = new Advice("buy a mug", "search page", List.of(new ActionValue(Action.of("click[home]"), -0.5,
                3)), 0.75);
        AgentContext root = new AgentContext(TASK, List.of(), START, List.of(advice));
        AgentContext child = new AgentContext(TASK, List.of(first), END, List.of());
        NodeStatistics rootNode = new NodeStatistics(root, 8, List.of(new ActionStatistics(first, 5, 0.6, 0.25),
                new ActionStatistics(buy, 3, Double.NaN, Double.NEGATIVE_INFINITY)));
        NodeStatistics childNode = new NodeStatistics(child, 5, List.of(new ActionStatistics(buy, 5, 1.0, 1.0)));
        SearchResult result = new SearchResult(TASK, committed, List.of(rollout, committed), List.of(rootNode,
                childNode));
        SearchResult empty = new SearchResult(new Task("t-3", Split.SEEN, "x"), rollout, List.of(), List.of());
        RecordWriter writer = new RecordWriter();
        writer.searchResults(List.of(result, empty));

        List<SearchResult> read = new RecordReader(writer.toByteArray()).searchResults();

        assertThat(read).hasSize(2);
        assertThat(read.get(0).task()).isEqualTo(TASK);
        assertThat(read.get(0).trajectory()).isEqualTo(committed);
        assertThat(read.get(0).explored()).isEqualTo(List.of(rollout, committed));
        assertThat(read.get(0).nodes().get(0).context()).isEqualTo(root);
        assertThat(read.get(0).nodes().get(1)).isEqualTo(childNode);
        ActionStatistics odd = read.get(0).nodes().get(0).actions().get(1);
        assertThat(odd.value()).isNaN();
        assertThat(odd.criticScore()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(read.get(1)).isEqualTo(empty);
        assertThat(read.get(0).explored().get(1)).isSameAs(read.get(0).trajectory());
        assertThat(read.get(0).nodes().get(1).context().history().get(0)).isSameAs(read.get(0).trajectory().steps().get(0));
    }

    @Test
    void truncatedDataIsRefusedWithWhereItEnded() {
        RecordWriter writer = new RecordWriter();
        writer.string("a longer text");
        byte[] bytes = writer.toByteArray();

        RecordReader reader = new RecordReader(java.util.Arrays.copyOf(bytes, bytes.length - 3));

        org.assertj.core.api.Assertions.assertThatThrownBy(reader::string).isInstanceOf(IllegalStateException.class)
                .hasMessage("truncated record data: 13 bytes needed at 2 of 12");
    }

    @Test
    void numbersStringsAndBlobsRoundTrip() {
        RecordWriter writer = new RecordWriter();
        writer.count(0);
        writer.count(127);
        writer.count(128);
        writer.count(Integer.MAX_VALUE);
        writer.number(Long.MIN_VALUE);
        writer.string(null);
        writer.string("");
        writer.string("é");
        writer.string("é");
        writer.blob(new byte[] {1, 2, 3});

        RecordReader reader = new RecordReader(writer.toByteArray());

        assertThat(List.of(reader.count(), reader.count(), reader.count(), reader.count()))
                .containsExactly(0, 127, 128, Integer.MAX_VALUE);
        assertThat(reader.longNumber()).isEqualTo(Long.MIN_VALUE);
        assertThat(reader.string()).isNull();
        assertThat(reader.string()).isEmpty();
        assertThat(reader.string()).isEqualTo("é");
        assertThat(reader.string()).isEqualTo("é");
        assertThat(reader.blob()).containsExactly(1, 2, 3);
    }
}
