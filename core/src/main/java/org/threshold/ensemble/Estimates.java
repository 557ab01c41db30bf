package org.threshold.ensemble;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** The estimators of an ensemble's summary: Wilson score intervals, nearest-rank percentiles, mean and sd. */
public final class Estimates {

    /** The standard normal quantile for a two-sided 95 % interval (1.959963...). */
    public static final double Z95 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    private Estimates() {
    }

    /**
     * The 95 % Wilson score interval of a share of {@code k} in {@code n}:
     * {@code (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)}.
     *
     * @return {low, high}
     */
    public static double[] wilson(long k, long n) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("expected 0 <= k <= n and n > 0, got k = " + k + ", n = " + n);
        }
        double z2 = Z95 * Z95;
        double p = (double) k / n;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0.0, centre - half), Math.min(1.0, centre + half)};
    }

    /** The nearest-rank percentile {@code q} in (0, 1] of values already sorted: the value at rank ceil(q n). */
    public static double nearestRank(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /**
     * Mean, sample standard deviation (n - 1; 0 for one value) and the nearest-rank 5th, 50th and
     * 95th percentiles of {@code values}, summed in the order given.
     *
     * @return {mean, sd, p05, p50, p95}
     */
    public static double[] summary(double[] values) {
        int n = values.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            double d = v - mean;
            ss += d * d;
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {mean, sd, nearestRank(sorted, 0.05), nearestRank(sorted, 0.50), nearestRank(sorted, 0.95)};
    }
}
