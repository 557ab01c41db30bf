package org.threshold.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Sobol sensitivity indices from Saltelli's scheme: for N base draws, the output at the rows of
 * two independent matrices A and B and at the rows of each matrix {@code AB_j} (A with column j
 * taken from B).
 *
 * <ul>
 *   <li>First order (Saltelli et al. 2010, table 2 (b)): {@code S_j = mean(f(B) (f(AB_j) - f(A))) / V}.
 *   <li>Total order (Jansen 1999; Saltelli et al. 2010, table 2 (f)):
 *       {@code ST_j = mean((f(A) - f(AB_j))^2) / 2 / V}.
 * </ul>
 *
 * <p>{@code V} is the variance of the 2N outputs of A and B, and {@code f(B)} in the first-order
 * estimator is taken about their mean (as SALib centres the outputs): that leaves its expectation
 * unchanged, since {@code f(AB_j) - f(A)} has mean 0, and keeps its variance from growing with the
 * square of the output's mean. Each index comes with a 95 %
 * percentile bootstrap interval: the base draws are resampled with replacement
 * {@value #RESAMPLES} times, by generators seeded from the seed and the replicate's number, so the
 * intervals are the same on every run. Sums run in index order: the result is the same bit for
 * bit however the outputs were computed.
 */
public final class Sobol {

    /** Bootstrap replicates. */
    public static final int RESAMPLES = 500;

    /**
     * One parameter's indices with their 95 % bootstrap intervals.
     *
     * @param first the first-order index
     * @param total the total-order index
     * @param firstLow the low end of the first-order index's interval
     * @param firstHigh its high end
     * @param totalLow the low end of the total-order index's interval
     * @param totalHigh its high end
     */
    public record Estimate(double first, double total, double firstLow, double firstHigh, double totalLow,
            double totalHigh) {
    }

    private Sobol() {
    }

    /**
     * The indices of each parameter, in the order of {@code fAB}.
     *
     * @param fA the output at the N rows of A
     * @param fB the output at the N rows of B
     * @param fAB for each parameter j, the output at the N rows of {@code AB_j}
     * @param seed seeds the bootstrap
     * @return null where the output does not vary over A and B (V = 0)
     */
    public static List<Estimate> estimate(double[] fA, double[] fB, double[][] fAB, long seed) {
        int n = fA.length;
        if (n < 2 || fB.length != n) {
            throw new IllegalArgumentException("expected at least 2 base draws in A and in B, got " + n + " and " + fB.length);
        }
        int p = fAB.length;
        int[] all = new int[n];
        for (int k = 0; k < n; k++) {
            all[k] = k;
        }
        double[][] point = indices(fA, fB, fAB, all);
        if (point == null) {
            return null;
        }
        double[][][] boot = new double[p][2][RESAMPLES];
        int[] sample = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            UniformRandomProvider rng = Draws.bootstrapGenerator(seed, r);
            for (int k = 0; k < n; k++) {
                sample[k] = rng.nextInt(n);
            }
            double[][] est = indices(fA, fB, fAB, sample);
            for (int j = 0; j < p; j++) {
                boot[j][0][r] = est == null ? 0.0 : est[j][0];
                boot[j][1][r] = est == null ? 0.0 : est[j][1];
            }
        }
        List<Estimate> out = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double[] first = boot[j][0];
            double[] total = boot[j][1];
            Arrays.sort(first);
            Arrays.sort(total);
            out.add(new Estimate(point[j][0], point[j][1], Estimates.nearestRank(first, 0.025),
                    Estimates.nearestRank(first, 0.975), Estimates.nearestRank(total, 0.025),
                    Estimates.nearestRank(total, 0.975)));
        }
        return out;
    }

    /** {first, total} for each parameter over the base draws {@code rows} (repeats allowed); null where V = 0. */
    private static double[][] indices(double[] fA, double[] fB, double[][] fAB, int[] rows) {
        int n = rows.length;
        double sum = 0;
        for (int k : rows) {
            sum += fA[k] + fB[k];
        }
        double mean = sum / (2.0 * n);
        double ss = 0;
        for (int k : rows) {
            double a = fA[k] - mean;
            double b = fB[k] - mean;
            ss += a * a + b * b;
        }
        double v = ss / (2.0 * n);
        if (!(v > 0)) {
            return null;
        }
        double[][] out = new double[fAB.length][2];
        for (int j = 0; j < fAB.length; j++) {
            double[] ab = fAB[j];
            double s1 = 0;
            double st = 0;
            for (int k : rows) {
                s1 += (fB[k] - mean) * (ab[k] - fA[k]);
                double d = fA[k] - ab[k];
                st += d * d;
            }
            out[j][0] = s1 / n / v;
            out[j][1] = st / (2.0 * n) / v;
        }
        return out;
    }
}
