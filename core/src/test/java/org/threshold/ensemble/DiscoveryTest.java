package org.threshold.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static double[][] uniforms(int p, int n, long seed) {
        double[][] x = new double[p][n];
        for (int r = 0; r < n; r++) {
            UniformRandomProvider rng = Draws.generator(seed, r);
            for (int j = 0; j < p; j++) {
                x[j][r] = Draws.open01(rng);
            }
        }
        return x;
    }

    @Test
    void findsTheBoxWhereAConclusionHoldsAndLeavesTheIrrelevantParameterAlone() {
        // holds exactly where a > 0.7 and b < 0.4 (12 % of draws); c does nothing. Peeling stops at the
        // first box of density 0.8: a > 0.7 and b < t holds 0.4 / t of its draws, so t is near 0.5
        double[][] x = uniforms(3, 10_000, 1);
        boolean[] y = new boolean[10_000];
        for (int r = 0; r < y.length; r++) {
            y[r] = x[0][r] > 0.7 && x[1][r] < 0.4;
        }
        EnsembleSummary.Box box = Discovery.find(List.of("a", "b", "c"), x, y);

        assertThat(box.ranges()).extracting(EnsembleSummary.Range::parameter).containsExactly("a", "b");
        assertThat(box.ranges().get(0).above()).isCloseTo(0.7, within(0.05));
        assertThat(box.ranges().get(0).below()).isNull();
        assertThat(box.ranges().get(1).below()).isBetween(0.4, 0.52);
        assertThat(box.density()).isGreaterThanOrEqualTo(Discovery.DENSITY);
        assertThat(box.coverage()).isGreaterThan(0.8);
        assertThat(box.draws()).isEqualTo(10_000);
    }

    @Test
    void aConclusionThatNoParameterCarriesHasNoBox() {
        // holds in 10 % of draws at random, whatever the parameters
        double[][] x = uniforms(3, 10_000, 2);
        boolean[] y = new boolean[10_000];
        for (int r = 0; r < y.length; r++) {
            y[r] = Draws.open01(Draws.generator(99, r)) < 0.1;
        }
        assertThat(Discovery.find(List.of("a", "b", "c"), x, y)).isNull();
    }

    @Test
    void aConclusionThatHoldsInMostDrawsNeedsNoRange() {
        double[][] x = uniforms(2, 1_000, 3);
        boolean[] y = new boolean[1_000];
        for (int r = 0; r < y.length; r++) {
            y[r] = x[0][r] > 0.1;
        }
        EnsembleSummary.Box box = Discovery.find(List.of("a", "b"), x, y);
        assertThat(box.ranges()).isEmpty();
        assertThat(box.coverage()).isEqualTo(1.0);
        assertThat(box.support()).isEqualTo(1.0);
    }

    @Test
    void aBoxRestrictsAtMostThreeParameters() {
        // holds where all five are above 0.3: no box of three ranges is pure, but one can reach 80 %
        double[][] x = uniforms(5, 20_000, 4);
        boolean[] y = new boolean[20_000];
        for (int r = 0; r < y.length; r++) {
            boolean all = true;
            for (int j = 0; j < 5; j++) {
                all &= x[j][r] > 0.3;
            }
            y[r] = all;
        }
        EnsembleSummary.Box box = Discovery.find(List.of("a", "b", "c", "d", "e"), x, y);
        assertThat(box).as("0.7^2 = 0.49 is the best density with three ranges").isNull();
    }
}
