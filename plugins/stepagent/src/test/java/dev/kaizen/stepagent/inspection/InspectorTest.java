package dev.kaizen.stepagent.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectorTest {

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    // train-0..4 have targets 1, 3, 5, 2, 4: expert trajectories of 2, 4, 6, 3 and 5 steps (20 prefixes)
    private final List<Trajectory> demonstrations = environment.tasks(Split.TRAIN).subList(0, 5).stream()
            .map(task -> environment.demonstration(task).orElseThrow()).toList();

    @Test
    void dropsAgreementsAndPairsTheExpertActionOverEachDisagreement() {
        // An untrained tabular policy greedily clicks +1 (the first action) everywhere: it agrees with
        // the expert on every prefix but the last of each trajectory, where the expert submits.
        TabularPolicy policy = new TabularPolicy(0.0);

        InspectionResult result = new Inspector(64, Agreement.EXACT).inspect(policy, demonstrations, Sampling.greedy());

        assertThat(result.prefixes()).isEqualTo(20);
        assertThat(result.proposals()).isEqualTo(20);
        assertThat(result.agreements()).isEqualTo(15);
        assertThat(result.empty()).isZero();
        assertThat(result.agreementRate()).isEqualTo(0.75);
        assertThat(result.pairs()).hasSize(5);
        PreferencePair second = result.pairs().get(1); // train-1, target 3
        assertThat(second.level()).isEqualTo(PairLevel.STEP);
        assertThat(second.margin()).isEqualTo(1.0);
        assertThat(second.context().task().id()).isEqualTo("train-1");
        assertThat(second.context().history()).hasSize(3);
        assertThat(second.context().observation().text()).endsWith("Value: 3");
        assertThat(second.chosen().get(0).action()).isEqualTo(Action.of("click[submit]"));
        assertThat(second.chosen().get(0).reward()).isEqualTo(1.0); // the expert's step, as demonstrated
        assertThat(second.rejected().get(0).action()).isEqualTo(Action.of("click[+1]"));
        assertThat(second.rejected().get(0).observation()).isEqualTo(second.context().observation());
        assertThat(result.pairs()).allSatisfy(pair ->
                assertThat(pair.chosen().get(0).action()).isEqualTo(Action.of("click[submit]")));
    }

    @Test
    void everyDisagreeingProposalOfAPrefixMakesAPair() {
        // Greedy top-2 is {+1, -1}: 15 prefixes where +1 agrees and -1 does not, 5 where both disagree.
        InspectionResult result = new Inspector(64, Agreement.EXACT)
                .inspect(new TabularPolicy(0.0), demonstrations, new Sampling(2, 0.0, 0L));

        assertThat(result.proposals()).isEqualTo(40);
        assertThat(result.agreements()).isEqualTo(15);
        assertThat(result.pairs()).hasSize(15 + 2 * 5);
        assertThat(result.pairs()).noneMatch(pair ->
                pair.chosen().get(0).action().equals(pair.rejected().get(0).action()));
    }

    @Test
    void decidesForAllPrefixesInBatchesWithoutChangingTheResult() {
        TabularPolicy whole = new TabularPolicy(0.0);
        TabularPolicy single = new TabularPolicy(0.0);
        TabularPolicy sevens = new TabularPolicy(0.0);
        Sampling sampled = new Sampling(1, 1.0, 42L);

        InspectionResult a = new Inspector(1000, Agreement.EXACT).inspect(whole, demonstrations, sampled);
        InspectionResult b = new Inspector(1, Agreement.EXACT).inspect(single, demonstrations, sampled);
        InspectionResult c = new Inspector(7, Agreement.EXACT).inspect(sevens, demonstrations, sampled);

        assertThat(whole.decideCalls()).isEqualTo(1);
        assertThat(single.decideCalls()).isEqualTo(20);
        assertThat(sevens.decideCalls()).isEqualTo(3);
        assertThat(b.pairs()).isEqualTo(a.pairs());
        assertThat(c.pairs()).isEqualTo(a.pairs());
        assertThat(a.agreements()).isEqualTo(20 - a.pairs().size());
        // sampling at temperature 1 over three actions disagrees far more often than greedy does
        assertThat(a.pairs().size()).isGreaterThan(5);
    }

    @Test
    void normalizedAgreementIgnoresCaseAndSpacingOfTheProposal() {
        Policy shouting = (contexts, sampling) -> contexts.stream()
                .map(c -> Decision.of(Action.of(c.step() == 0 ? "CLICK[ +1 ]" : "click[submit]"), -0.1)).toList();

        InspectionResult normalized = new Inspector(8, Agreement.NORMALIZED)
                .inspect(shouting, demonstrations, Sampling.greedy());
        InspectionResult exact = new Inspector(8, Agreement.EXACT).inspect(shouting, demonstrations, Sampling.greedy());

        // At step 0 the expert clicks +1 in all five (targets >= 1); at every later step the proposal
        // is submit, which agrees exactly with each expert's last step. Normalized: 5 + 5; exact: 5.
        assertThat(normalized.agreements()).isEqualTo(10);
        assertThat(exact.agreements()).isEqualTo(5);
    }

    @Test
    void countsPrefixesWithoutProposalAndRejectsAPolicyThatAnswersTheWrongCount() {
        Policy silent = (contexts, sampling) -> contexts.stream().map(c -> new Decision(List.of())).toList();
        InspectionResult result = new Inspector(8, Agreement.EXACT).inspect(silent, demonstrations, Sampling.greedy());
        assertThat(result.empty()).isEqualTo(20);
        assertThat(result.pairs()).isEmpty();
        assertThat(result.agreementRate()).isZero();

        Policy broken = (contexts, sampling) -> List.of();
        assertThatThrownBy(() -> new Inspector(8, Agreement.EXACT).inspect(broken, demonstrations, Sampling.greedy()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the policy returned 0 decisions for 8 contexts");
        assertThatThrownBy(() -> new Inspector(0, Agreement.EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    }
}
