package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Advantages against groups computed by hand. */
class GroupAdvantagesTest {

    private static final GroupAdvantages.Settings GRPO = new GroupAdvantages.Settings(true, false, 1.0, 0.5);
    private static final GroupAdvantages.Settings DR_GRPO = new GroupAdvantages.Settings(false, false, 1.0, 0.5);
    private static final GroupAdvantages.Settings GIGPO = new GroupAdvantages.Settings(true, true, 1.0, 0.5);

    @Test
    void equalScoresAndAGroupOfOneGiveZeroAdvantage() {
        GroupAdvantages.Result equal = GroupAdvantages.of(new double[] {0.1, 0.1, 0.1},
                List.of(new double[] {0.1}, new double[] {0, 0.1}, new double[] {0.1}),
                List.of(List.of("a"), List.of("a", "b"), List.of("a")), GRPO);
        assertThat(equal.degenerate()).isTrue();
        assertThat(equal.advantages()).allSatisfy(a -> assertThat(a).containsOnly(0.0));

        GroupAdvantages.Result one = GroupAdvantages.of(new double[] {1.0}, List.of(new double[] {0, 1}),
                List.of(List.of("a", "b")), GIGPO);
        assertThat(one.degenerate()).isTrue();
        assertThat(one.advantages().get(0)).containsExactly(0.0, 0.0);
        assertThat(one.anchorSizes()).isEmpty();
    }

    @Test
    void episodeAdvantageIsTheScoreAgainstTheGroupsMeanOverItsSampleStd() {
        double std = Math.sqrt(4 * 0.25 / 3);
        GroupAdvantages.Result result = GroupAdvantages.of(new double[] {1, 0, 0, 1},
                List.of(new double[] {0, 1}, new double[] {0}, new double[] {0, 0, 0}, new double[] {1}),
                List.of(List.of("a", "b"), List.of("a"), List.of("a", "c", "d"), List.of("a")), GRPO);
        assertThat(result.degenerate()).isFalse();
        assertThat(result.advantages().get(0)).containsExactly(0.5 / (std + 1e-4), 0.5 / (std + 1e-4));
        assertThat(result.advantages().get(2)).containsOnly(-0.5 / (std + 1e-4));
        assertThat(result.anchorSizes()).as("no step groups asked").isEmpty();

        GroupAdvantages.Result unscaled = GroupAdvantages.of(new double[] {1, 0, 0, 1},
                List.of(new double[] {0, 1}, new double[] {0}, new double[] {0, 0, 0}, new double[] {1}),
                List.of(List.of("a", "b"), List.of("a"), List.of("a", "c", "d"), List.of("a")), DR_GRPO);
        assertThat(unscaled.advantages().get(0)).containsExactly(0.5, 0.5);
        assertThat(unscaled.advantages().get(1)).containsExactly(-0.5);
    }

    @Test
    void aStateSharedByTwoEpisodesComparesTheirDiscountedReturnsThere() {
        // s0 → s1 → success (1 at the end) and s0 → s2 → failure; γ = 0.5: returns at s0 are 0.5 and 0
        GroupAdvantages.Result result = GroupAdvantages.of(new double[] {1, 0},
                List.of(new double[] {0, 1}, new double[] {0, 0}), List.of(List.of("s0", "s1"), List.of("s0", "s2")),
                GIGPO);
        double episode = 0.5 / (Math.sqrt(0.5) + 1e-4);
        double step = 0.25 / (Math.sqrt(2 * 0.0625) + 1e-4);
        assertThat(result.anchorSizes()).containsExactly(2);
        assertThat(result.advantages().get(0)[0]).isCloseTo(episode + step, within(1e-12));
        assertThat(result.advantages().get(0)[1]).as("s1 is visited once: the episode's only").isEqualTo(episode);
        assertThat(result.advantages().get(1)[0]).isCloseTo(-episode - step, within(1e-12));
        assertThat(result.advantages().get(1)[1]).isEqualTo(-episode);

        GroupAdvantages.Result weighted = GroupAdvantages.of(new double[] {1, 0},
                List.of(new double[] {0, 1}, new double[] {0, 0}), List.of(List.of("s0", "s1"), List.of("s0", "s2")),
                new GroupAdvantages.Settings(true, true, 0.25, 0.5));
        assertThat(weighted.advantages().get(0)[0]).isCloseTo(episode + 0.25 * step, within(1e-12));
    }

    @Test
    void aStateRevisitedWithinOneEpisodeJoinsItsAnchorGroup() {
        // both episodes score 1: no episode advantage; the loop a → a costs a step (γ discounts the late reward)
        GroupAdvantages.Result result = GroupAdvantages.of(new double[] {1, 1},
                List.of(new double[] {0, 0, 1}, new double[] {0, 1}), List.of(List.of("a", "a", "b"), List.of("a", "b")),
                new GroupAdvantages.Settings(false, true, 1.0, 0.5));
        assertThat(result.degenerate()).isTrue();
        assertThat(result.anchorSizes()).containsExactly(3, 2);
        // returns at a: 0.25, 0.5 (first episode), 0.5 (second); mean 5/12
        assertThat(result.advantages().get(0)[0]).isCloseTo(0.25 - 5.0 / 12, within(1e-12));
        assertThat(result.advantages().get(0)[1]).isCloseTo(0.5 - 5.0 / 12, within(1e-12));
        assertThat(result.advantages().get(1)[0]).isCloseTo(0.5 - 5.0 / 12, within(1e-12));
        assertThat(result.advantages().get(0)[2]).as("b: returns 1 and 1").isEqualTo(0.0);
    }

    @Test
    void discountedReturnsRunBackFromTheLastStep() {
        assertThat(GroupAdvantages.discountedReturns(new double[] {1, 0, 2}, 0.5)).containsExactly(1.5, 1.0, 2.0);
        assertThat(GroupAdvantages.discountedReturns(new double[0], 0.5)).isEmpty();
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThatThrownBy(() -> GroupAdvantages.of(new double[] {1, 0}, List.of(new double[] {1}),
                List.of(List.of("a"), List.of("b")), GRPO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same 2 trajectories");
        assertThatThrownBy(() -> GroupAdvantages.of(new double[] {1}, List.of(new double[] {1, 0}),
                List.of(List.of("a")), GRPO)).hasMessageContaining("2 step rewards and 1 states");
    }
}
