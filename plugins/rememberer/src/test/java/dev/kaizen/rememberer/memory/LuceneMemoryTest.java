package dev.kaizen.rememberer.memory;

import static dev.kaizen.rememberer.memory.Experiences.context;
import static dev.kaizen.rememberer.memory.Experiences.episode;
import static dev.kaizen.rememberer.memory.Experiences.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneMemoryTest {

    private static final String G = "buy red running shoes";
    private static final ObservationSimilarity SAME_TEXT = (a, b) -> a.text().equals(b.text()) ? 1.0 : 0.3;

    @TempDir
    Path dir;

    private static LuceneMemoryConfig config(String alpha, double gamma, int nStep) {
        return new LuceneMemoryConfig(null, null, null, alpha, gamma, nStep, null, null, null);
    }

    private static double q(LuceneMemory memory, String instruction, String observation, String action) {
        return memory.values(instruction, observation).stream().filter(v -> v.action().text().equals(action))
                .mapToDouble(ActionValue::value).findFirst().orElseThrow();
    }

    private static int visits(LuceneMemory memory, String instruction, String observation, String action) {
        return memory.values(instruction, observation).stream().filter(v -> v.action().text().equals(action))
                .mapToInt(ActionValue::visits).findFirst().orElseThrow();
    }

    @Test
    void monteCarloWithOneOverNAveragesReturns() {
        try (LuceneMemory memory = new LuceneMemory(config("1/N", 1.0, 0), MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 1.0)));
            assertThat(q(memory, G, "o0", "click[a]")).isEqualTo(1.0);
            assertThat(q(memory, G, "o1", "click[b]")).isEqualTo(1.0);
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[c]"), 0.0, 0.5)));
            // Q(o0, a) = mean(1, 0.5) = 0.75 after two visits; Q(o1, c) = 0.5 after its first.
            assertThat(q(memory, G, "o0", "click[a]")).isCloseTo(0.75, within(1e-12));
            assertThat(visits(memory, G, "o0", "click[a]")).isEqualTo(2);
            assertThat(q(memory, G, "o1", "click[c]")).isEqualTo(0.5);
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 0.0)));
            // Q(o0, a) = mean(1, 0.5, 0) = 0.5; Q(o1, b) = mean(1, 0) = 0.5
            assertThat(q(memory, G, "o0", "click[a]")).isCloseTo(0.5, within(1e-12));
            assertThat(q(memory, G, "o1", "click[b]")).isCloseTo(0.5, within(1e-12));
            assertThat(memory.lastReward(G, "o1", Action.of("click[b]"))).isEqualTo(0.0);
            assertThat(memory.lastReward(G, "o0", Action.of("click[zzz]"))).isNaN();
            assertThat(memory.size()).isEqualTo(2);
        }
    }

    @Test
    void monteCarloDiscountsWithGamma() {
        try (LuceneMemory memory = new LuceneMemory(config("1/N", 0.9, 0), MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]", "o2", "click[c]"),
                    0.0, 0.0, 1.0)));
            assertThat(q(memory, G, "o0", "click[a]")).isCloseTo(0.81, within(1e-12));
            assertThat(q(memory, G, "o1", "click[b]")).isCloseTo(0.9, within(1e-12));
            assertThat(q(memory, G, "o2", "click[c]")).isEqualTo(1.0);
        }
    }

    @Test
    void oneStepWithConstantAlphaBootstrapsFromTheNextRecord() {
        try (LuceneMemory memory = new LuceneMemory(config("0.5", 0.5, 1), MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 1.0)));
            // last step first: Q(o1,b) = 1 (no bootstrap past the end); Q(o0,a) = 0 + 0.5·max Q(o1) = 0.5
            assertThat(q(memory, G, "o1", "click[b]")).isEqualTo(1.0);
            assertThat(q(memory, G, "o0", "click[a]")).isEqualTo(0.5);
            memory.update(List.of(episode(G, List.of("o0", "click[d]", "o2", "click[e]"), 0.0, 0.4)));
            assertThat(q(memory, G, "o2", "click[e]")).isEqualTo(0.4);
            assertThat(q(memory, G, "o0", "click[d]")).isCloseTo(0.2, within(1e-12));
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 0.0)));
            // Q(o1,b) = 0.5·1 + 0.5·0 = 0.5; target(o0,a) = 0 + 0.5·0.5 = 0.25; Q(o0,a) = 0.5·0.5 + 0.5·0.25
            assertThat(q(memory, G, "o1", "click[b]")).isCloseTo(0.5, within(1e-12));
            assertThat(q(memory, G, "o0", "click[a]")).isCloseTo(0.375, within(1e-12));
            assertThat(visits(memory, G, "o0", "click[a]")).isEqualTo(2);
        }
    }

    @Test
    void twoStepWithOneOverNBootstrapsTwoStepsAhead() {
        try (LuceneMemory memory = new LuceneMemory(config("1/N", 0.5, 2), MetricsSink.DISCARD)) {
            // Seed o2 with a value: a one-step episode from o2.
            memory.update(List.of(episode(G, List.of("o2", "click[x]"), 0.8)));
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]", "o2", "click[c]"),
                    0.0, 0.2, 0.0)));
            // o2: Q(c) = 0 (MC tail). max Q(o2) = max(0.8, 0) = 0.8.
            // o1: target = r1 + 0.5·r2 = 0.2 (o3 is past the end). o0: target = 0 + 0.5·0.2 + 0.25·0.8 = 0.3
            assertThat(q(memory, G, "o2", "click[c]")).isEqualTo(0.0);
            assertThat(q(memory, G, "o1", "click[b]")).isCloseTo(0.2, within(1e-12));
            assertThat(q(memory, G, "o0", "click[a]")).isCloseTo(0.3, within(1e-12));
        }
    }

    @Test
    void episodesThatFailedAbnormallyAreNotLearned() {
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            Trajectory ok = episode(G, List.of("o0", "click[a]"), 1.0);
            Trajectory broken = Trajectory.failed(ok.task(), ok.steps(), TrajectorySource.AGENT, "boom");
            memory.update(List.of(broken));
            assertThat(memory.size()).isZero();
        }
    }

    @Test
    void evictionKeepsCapacityAndDropsTheLeastUseful() {
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, 3, null, null, null, null, null, null, null);
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 1.0)));
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 1.0)));
            memory.update(List.of(episode(G, List.of("o2", "click[a]"), 1.0)));
            assertThat(memory.size()).isEqualTo(3);
            // o3 and o4 are new: two records must go. o2 (1 visit) goes first, then o1/o0 tie at 2
            // visits and the same clock, so the older one (o1 was created first: last step first) goes.
            memory.update(List.of(episode(G, List.of("o3", "click[a]", "o4", "click[b]"), 0.0, 1.0)));
            assertThat(memory.size()).isEqualTo(3);
            assertThat(memory.values(G, "o2")).isEmpty();
            assertThat(memory.values(G, "o1")).isEmpty();
            assertThat(memory.values(G, "o0")).isNotEmpty();
            assertThat(memory.values(G, "o3")).isNotEmpty();
            assertThat(memory.values(G, "o4")).isNotEmpty();
        }
    }

    @Test
    void anUpdateLargerThanCapacityStillEndsAtCapacity() {
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, 2, null, null, null, null, null, null, null);
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[a]", "o2", "click[a]",
                    "o3", "click[a]"), 0.0, 0.0, 0.0, 1.0)));
            assertThat(memory.size()).isEqualTo(2);
        }
    }

    @Test
    void actionsPerRecordIsBounded() {
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, null, 2, null, null, null, null, null, null);
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]"), 1.0)));
            memory.update(List.of(episode(G, List.of("o0", "click[a]"), 1.0)));
            memory.update(List.of(episode(G, List.of("o0", "click[b]"), 0.0)));
            memory.update(List.of(episode(G, List.of("o0", "click[c]"), 0.5)));
            // b (1 visit, older) is evicted; a (2 visits) and the new c stay.
            assertThat(memory.values(G, "o0")).extracting(v -> v.action().text())
                    .containsExactly("click[a]", "click[c]");
        }
    }

    @Test
    void retrievalRanksBySimilarityAndGivesEncouragedAndDiscouragedActions() {
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, null, null, null, null, null, 0.5, "overlap", null);
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(
                    episode("set the counter to 3", List.of("start", "click[+1]", "one", "click[submit]"), 0.0, 0.0),
                    episode("set the counter to 3", List.of("start", "click[+3]"), 1.0),
                    episode("set the counter to 5", List.of("start", "click[+5]"), 1.0)));
            List<List<Advice>> advice = memory.retrieve(List.of(context("set the counter to 3", page("start", "p"))),
                    3, SAME_TEXT);
            List<Advice> top = advice.get(0);
            assertThat(top).hasSize(3);
            // same instruction & text: 0.5·1 + 0.5·1 = 1
            assertThat(top.get(0).observation()).isEqualTo("start");
            assertThat(top.get(0).instruction()).isEqualTo("set the counter to 3");
            assertThat(top.get(0).similarity()).isEqualTo(1.0);
            assertThat(top.get(0).encouraged()).extracting(v -> v.action().text()).containsExactly("click[+3]");
            assertThat(top.get(0).discouraged()).extracting(v -> v.action().text()).containsExactly("click[+1]");
            // terms {set, counter, 3} vs {set, counter, 5}: Jaccard 2/4; same text: 0.5·0.5 + 0.5·1 = 0.75
            assertThat(top.get(1).instruction()).isEqualTo("set the counter to 5");
            assertThat(top.get(1).similarity()).isCloseTo(0.75, within(1e-12));
            // same instruction, other text: 0.5·1 + 0.5·0.3 = 0.65
            assertThat(top.get(2).observation()).isEqualTo("one");
            assertThat(top.get(2).similarity()).isCloseTo(0.65, within(1e-12));
        }
    }

    @Test
    void weightedOverlapWeighsRareTermsMore() {
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, null, null, null, null, null, 1.0, null, null);
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(episode("red shoes", List.of("o", "click[a]"), 1.0),
                    episode("red hat", List.of("o", "click[a]"), 1.0),
                    episode("red scarf", List.of("o", "click[a]"), 1.0)));
            // N = 3; idf(red) = ln(1 + 0.5/3.5), idf(shoe) = idf(hat) = ln(1 + 2.5/1.5) (Porter: shoes -> shoe)
            double red = Math.log(1 + 0.5 / 3.5);
            double rare = Math.log(1 + 2.5 / 1.5);
            assertThat(memory.inverseDocumentFrequency("red")).isCloseTo(red, within(1e-12));
            List<Advice> advice = memory.retrieve(List.of(context("red shoes", page("o", "p"))), 3, SAME_TEXT).get(0);
            assertThat(advice.get(0).instruction()).isEqualTo("red shoes");
            assertThat(advice.get(0).similarity()).isCloseTo(1.0, within(1e-12));
            // {red, shoe} vs {red, hat}: red / (red + shoe + hat)
            assertThat(advice.get(1).similarity()).isCloseTo(red / (red + 2 * rare), within(1e-12));
        }
    }

    @Test
    void preselectionFindsTheBestRecordsAmongMany() {
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, 1000, null, null, null, null, null, null, 4);
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            List<Trajectory> episodes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                episodes.add(episode("item number " + i + " in colour " + (i % 7),
                        List.of("page " + i, "click[a]"), i % 2));
            }
            memory.update(episodes);
            assertThat(memory.size()).isEqualTo(200);
            List<Advice> advice = memory.retrieve(List.of(context("item number 123 in colour 4", page("page 123", "p"))),
                    2, SAME_TEXT).get(0);
            assertThat(advice.get(0).instruction()).isEqualTo("item number 123 in colour 4");
            assertThat(advice.get(0).similarity()).isEqualTo(1.0);
            assertThat(advice.get(1).instruction()).endsWith("colour 4");
        }
    }

    @Test
    void retrievalOfAnEmptyMemoryOrZeroLimitIsEmpty() {
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            AgentContext c = context(G, page("o", "p"));
            assertThat(memory.retrieve(List.of(c, c), 2, SAME_TEXT)).containsExactly(List.of(), List.of());
            memory.update(List.of(episode(G, List.of("o", "click[a]"), 1.0)));
            assertThat(memory.retrieve(List.of(c), 0, SAME_TEXT)).containsExactly(List.of());
            assertThatThrownBy(() -> memory.retrieve(List.of(c), -1, SAME_TEXT)).hasMessageContaining("limit");
        }
    }

    @Test
    void anObservationSimilarityOutOfRangeIsReported() {
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o", "click[a]"), 1.0)));
            assertThatThrownBy(() -> memory.retrieve(List.of(context(G, page("o", "p"))), 1, (a, b) -> 1.5))
                    .hasMessageContaining("observation similarity returned 1.5; it must be in [0, 1]");
        }
    }

    @Test
    void aSecondMemoryOnTheSamePathSeesTheRecords() {
        Path path = dir.resolve("memory");
        LuceneMemoryConfig config = new LuceneMemoryConfig(path.toString(), null, null, null, null, null, null, null, null);
        List<Advice> before;
        AgentContext c = context(G, page("o0", "p"));
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 1.0)));
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[c]"), 0.0, 0.5)));
            before = memory.retrieve(List.of(c), 2, SAME_TEXT).get(0);
        }
        try (LuceneMemory reopened = new LuceneMemory(config, MetricsSink.DISCARD)) {
            assertThat(reopened.size()).isEqualTo(2);
            assertThat(q(reopened, G, "o0", "click[a]")).isCloseTo(0.75, within(1e-12));
            assertThat(visits(reopened, G, "o0", "click[a]")).isEqualTo(2);
            assertThat(reopened.lastReward(G, "o1", Action.of("click[c]"))).isEqualTo(0.5);
            assertThat(reopened.retrieve(List.of(c), 2, SAME_TEXT).get(0)).isEqualTo(before);
            // it goes on learning where the first left off
            reopened.update(List.of(episode(G, List.of("o0", "click[a]"), 0.0)));
            assertThat(q(reopened, G, "o0", "click[a]")).isCloseTo(0.5, within(1e-12));
        }
    }

    @Test
    void aPathInUseIsReportedNotCorrupted() {
        Path path = dir.resolve("busy");
        LuceneMemoryConfig config = new LuceneMemoryConfig(path.toString(), null, null, null, null, null, null, null, null);
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]"), 1.0)));
            assertThatThrownBy(() -> new LuceneMemory(config, MetricsSink.DISCARD))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is in use by another open memory");
            assertThat(memory.size()).isEqualTo(1);
        }
        try (LuceneMemory reopened = new LuceneMemory(config, MetricsSink.DISCARD)) {
            assertThat(reopened.size()).isEqualTo(1);
        }
    }

    @Test
    void aPathThatIsNotAMemoryIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThatThrownBy(() -> new LuceneMemory(new LuceneMemoryConfig(file.toString(), null, null, null, null, null,
                null, null, null), MetricsSink.DISCARD))
                .hasMessageContaining("is a file; it must be a directory");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.md"), "hello");
        assertThatThrownBy(() -> new LuceneMemory(new LuceneMemoryConfig(other.toString(), null, null, null, null,
                null, null, null, null), MetricsSink.DISCARD))
                .hasMessageContaining("holds files that are not a memory (notes.md)");
        assertThat(other.resolve("notes.md")).hasContent("hello");
    }

    @Test
    void checkpointsRestoreExactlyAndRewriteThePath() throws Exception {
        Path path = dir.resolve("live");
        Path checkpoint = Files.createDirectories(dir.resolve("checkpoint"));
        LuceneMemoryConfig config = new LuceneMemoryConfig(path.toString(), 3, null, null, null, null, null, null, 2);
        AgentContext c = context(G, page("o1", "p"));
        List<Advice> saved;
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]", "o1", "click[b]"), 0.0, 1.0)));
            memory.update(List.of(episode("other task", List.of("o1", "click[a]", "o2", "click[b]"), 0.0, 0.3)));
            saved = memory.retrieve(List.of(c), 3, SAME_TEXT).get(0);
            memory.save(checkpoint);
            memory.update(List.of(episode(G, List.of("o5", "click[z]"), 0.1)));
            assertThat(memory.retrieve(List.of(c), 3, SAME_TEXT).get(0)).isNotEqualTo(saved);
            memory.load(checkpoint);
            assertThat(memory.size()).isEqualTo(3);
            assertThat(memory.values(G, "o5")).isEmpty();
            assertThat(memory.retrieve(List.of(c), 3, SAME_TEXT).get(0)).isEqualTo(saved);
        }
        try (LuceneMemory reopened = new LuceneMemory(config, MetricsSink.DISCARD)) {
            assertThat(reopened.values(G, "o5")).isEmpty();
            assertThat(reopened.retrieve(List.of(c), 3, SAME_TEXT).get(0)).isEqualTo(saved);
        }
    }

    @Test
    void loadingSomethingElseFailsAndKeepsTheMemory() throws Exception {
        try (LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD)) {
            memory.update(List.of(episode(G, List.of("o0", "click[a]"), 1.0)));
            Path empty = Files.createDirectories(dir.resolve("empty"));
            assertThatThrownBy(() -> memory.load(empty)).hasMessageContaining("no memory checkpoint in");
            assertThat(memory.size()).isEqualTo(1);
        }
    }

    @Test
    void retrievalAfterEvictionsMatchesAReloadedCopy() throws Exception {
        // Evictions and updates leave deleted documents in the live index (until merges, which
        // run in the background); BM25 statistics come from the live records, so a memory rebuilt
        // from a checkpoint ranks exactly the same.
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, 60, null, null, null, null, null, null, 8);
        Path checkpoint = Files.createDirectories(dir.resolve("cp"));
        List<AgentContext> queries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queries.add(context("buy item " + (i * 7 % 50) + " colour " + (i % 5) + " size " + (i % 3),
                    page("page " + i % 4, i % 2 == 0 ? "item" : "results")));
        }
        ObservationSimilarity byType = (a, b) -> a.info().equals(b.info()) ? 1.0 : 0.0;
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            for (int round = 0; round < 5; round++) {
                List<Trajectory> episodes = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int k = round * 13 + i;
                    episodes.add(episode("buy item " + k % 50 + " colour " + k % 5 + " size " + k % 3,
                            List.of("page " + k % 4, "click[a]", "page " + (k + 1) % 4, "click[b]"), 0.0, (k % 3) / 2.0));
                }
                memory.update(episodes);
            }
            assertThat(memory.size()).isEqualTo(60);
            // limit = candidates: the whole preselected set is compared, not just its best
            List<List<Advice>> original = memory.retrieve(queries, 8, byType);
            memory.save(checkpoint);
            try (LuceneMemory copy = new LuceneMemory(config, MetricsSink.DISCARD)) {
                copy.load(checkpoint);
                assertThat(copy.retrieve(queries, 8, byType)).isEqualTo(original);
            }
        }
    }

    @Test
    void bm25StatisticsCountLiveRecordsOnly() throws Exception {
        // Lucene counts deleted documents in its statistics until their segment is merged, and
        // merges run in the background. Here 20 'alpha' records and one 'beta' record share a
        // segment, then 19 'alpha' ones are evicted. Whether or not Lucene has merged them away,
        // 'alpha' and 'beta' must score the same (one live record each) and 'alpha' (lower id) win
        // the single candidate slot, as in a copy reloaded from a checkpoint.
        LuceneMemoryConfig config = new LuceneMemoryConfig(null, 21, null, null, null, null, null, "overlap", 1);
        Path checkpoint = Files.createDirectories(dir.resolve("cp"));
        AgentContext query = context("alpha beta", page("o", "p"));
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            List<Trajectory> first = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                first.add(episode("alpha", List.of("o" + i, "click[a]"), 1.0));
            }
            first.add(episode("beta", List.of("o0", "click[a]"), 1.0));
            memory.update(first);
            List<Trajectory> second = new ArrayList<>();
            for (int i = 1; i <= 19; i++) {
                second.add(episode("gamma", List.of("o" + i, "click[a]"), 1.0));
            }
            memory.update(second);
            assertThat(memory.size()).isEqualTo(21);
            assertThat(memory.values("alpha", "o1")).isEmpty();
            List<Advice> advice = memory.retrieve(List.of(query), 1, SAME_TEXT).get(0);
            assertThat(advice).extracting(Advice::instruction).containsExactly("alpha");
            memory.save(checkpoint);
            try (LuceneMemory copy = new LuceneMemory(config, MetricsSink.DISCARD)) {
                copy.load(checkpoint);
                assertThat(copy.retrieve(List.of(query), 1, SAME_TEXT).get(0)).isEqualTo(advice);
            }
        }
    }

    @Test
    void aClosedMemorySaysSo() {
        LuceneMemory memory = new LuceneMemory(new LuceneMemoryConfig(), MetricsSink.DISCARD);
        memory.close();
        memory.close();
        assertThatThrownBy(() -> memory.update(List.of())).hasMessageContaining("is closed");
    }
}
