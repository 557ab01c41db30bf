package org.threshold.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimatesTest {

    @Test
    void theWilsonIntervalMatchesTheFormulaWorkedByHand() {
        // k = 81, n = 100, z = 1.959964: centre (0.81 + 0.019207) / 1.038415 = 0.798544;
        // half 1.959964 sqrt(0.001539 + 0.00009604) / 1.038415 = 0.076317
        double[] ci = Estimates.wilson(81, 100);
        assertThat(ci[0]).isCloseTo(0.7222, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.8749, within(1e-4));
        assertThat(Estimates.Z95).isCloseTo(1.959964, within(1e-6));
    }

    @Test
    void theWilsonIntervalOfNoneOrAllStaysInsideZeroToOneAndIsNotEmpty() {
        double[] none = Estimates.wilson(0, 50);
        double[] all = Estimates.wilson(50, 50);
        assertThat(none[0]).isZero();
        assertThat(none[1]).isCloseTo(0.0713, within(1e-4)); // z^2 / (n + z^2)
        assertThat(all[0]).isCloseTo(1 - 0.0713, within(1e-4));
        assertThat(all[1]).isEqualTo(1.0);
    }

    @Test
    void percentilesAreTakenByNearestRank() {
        double[] sorted = new double[20];
        for (int i = 0; i < 20; i++) {
            sorted[i] = i + 1;
        }
        // rank ceil(0.05 * 20) = 1, ceil(0.5 * 20) = 10, ceil(0.95 * 20) = 19
        double[] s = Estimates.summary(sorted);
        assertThat(s[2]).isEqualTo(1);
        assertThat(s[3]).isEqualTo(10);
        assertThat(s[4]).isEqualTo(19);
        assertThat(s[0]).isEqualTo(10.5);
        assertThat(s[1]).isCloseTo(Math.sqrt(35), within(1e-12)); // sample variance of 1..20 is 35
    }
}
