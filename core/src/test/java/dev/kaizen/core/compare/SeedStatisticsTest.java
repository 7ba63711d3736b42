package dev.kaizen.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The edges of the statistics over seeds: one seed, no difference, ties. */
class SeedStatisticsTest {

    @Test
    void theQuantileIsStudentsT() {
        assertThat(SeedStatistics.t975(4)).isCloseTo(2.7764451051977987, within(1e-12));
        assertThat(SeedStatistics.t975(1)).isCloseTo(12.706204736174698, within(1e-9));
    }

    @Test
    void oneSeedHasAMeanAndNoInterval() {
        MeanEstimate one = SeedStatistics.mean(new double[] {0.4});
        assertThat(one.mean()).isEqualTo(0.4);
        assertThat(one.hasInterval()).isFalse();
        PairedGain gain = SeedStatistics.paired("bc", new double[] {0.5}, new double[] {0.4});
        assertThat(gain.pairs()).isEqualTo(1);
        assertThat(gain.gain().mean()).isCloseTo(0.1, within(1e-12));
        assertThat(gain.tTestP()).isNaN();
        assertThat(gain.wilcoxonP()).isNaN();
    }

    @Test
    void noDifferenceAtAllHasNoTest() {
        PairedGain gain = SeedStatistics.paired("bc", new double[] {0.5, 0.25, 0.75}, new double[] {0.5, 0.25, 0.75});
        assertThat(gain.gain().mean()).isZero();
        assertThat(gain.gain().low()).isZero();
        assertThat(gain.tTestP()).isNaN();
        assertThat(gain.wilcoxonP()).isNaN();
    }

    @Test
    void equalDifferencesOfRatesTieDespiteRounding() {
        // 0.53 - 0.46 and 0.47 - 0.40 differ in the last bits as doubles; as rates they are equal
        assertThat(0.53 - 0.46).isNotEqualTo(0.47 - 0.40);
        PairedGain gain = SeedStatistics.paired("bc", new double[] {0.53, 0.47, 0.60}, new double[] {0.46, 0.40, 0.50});
        assertThat(gain.wilcoxonExact()).isFalse();
        PairedGain distinct = SeedStatistics.paired("bc", new double[] {0.53, 0.48, 0.60}, new double[] {0.46, 0.40, 0.50});
        assertThat(distinct.wilcoxonExact()).isTrue();
        // three positive differences: p = 2 / 2^3
        assertThat(distinct.wilcoxonP()).isCloseTo(0.25, within(1e-12));
    }
}
