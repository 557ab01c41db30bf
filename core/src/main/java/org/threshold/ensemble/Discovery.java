package org.threshold.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Scenario discovery in the spirit of PRIM (Friedman and Fisher 1999): for one conclusion, a box
 * of at most {@value #MAX_RANGES} parameter ranges inside which it holds in at least
 * {@value #DENSITY} of the draws, keeping as many of the draws where it holds as it can.
 *
 * <p>Peeling: from the box of all draws, repeatedly cut off the {@value #ALPHA} of the draws
 * still inside with the lowest or the highest values of one parameter (a whole value at once
 * where values repeat), choosing the cut that leaves the highest share where the conclusion holds,
 * with at most {@value #MAX_RANGES} parameters cut; stop at the first box that reaches the
 * density. Then each range that the box does not need to keep its density is dropped, so the box
 * is as simple as it can be. Deterministic: it runs on the first {@value #MAX_ROWS} draws in index
 * order, ties going to the larger box and then to the parameter first in the file.
 */
final class Discovery {

    /** The share where the conclusion must hold inside the box. */
    static final double DENSITY = 0.8;
    /** The most parameters a box restricts. */
    static final int MAX_RANGES = 3;
    /** The share of the draws inside the box peeled off at each step. */
    static final double ALPHA = 0.05;
    /** The draws discovery runs on, the first in index order. */
    static final int MAX_ROWS = 20_000;
    /** The smallest box, as a share of the draws. */
    static final double MIN_SUPPORT = 0.01;

    private Discovery() {
    }

    /**
     * The box for the conclusion whose outcome over the draws is {@code y}, with parameter values
     * {@code x[j][row]}; null where no box of at most three ranges reaches the density.
     */
    static EnsembleSummary.Box find(List<String> parameters, double[][] x, boolean[] y) {
        int n = Math.min(y.length, MAX_ROWS);
        int p = x.length;
        long holdsAll = 0;
        for (int r = 0; r < n; r++) {
            holdsAll += y[r] ? 1 : 0;
        }
        if (holdsAll == 0 || n == 0) {
            return null;
        }
        Integer[][] order = new Integer[p][];
        for (int j = 0; j < p; j++) {
            double[] xj = x[j];
            Integer[] o = new Integer[n];
            for (int r = 0; r < n; r++) {
                o[r] = r;
            }
            Arrays.sort(o, Comparator.comparingDouble((Integer r) -> xj[r]).thenComparingInt(r -> r));
            order[j] = o;
        }
        double[] low = new double[p];
        double[] high = new double[p];
        Arrays.fill(low, Double.NEGATIVE_INFINITY);
        Arrays.fill(high, Double.POSITIVE_INFINITY);
        boolean[] inside = new boolean[n];
        Arrays.fill(inside, true);
        int size = n;
        long holds = holdsAll;
        int minSize = Math.max(10, (int) Math.ceil(MIN_SUPPORT * n));
        while ((double) holds / size < DENSITY) {
            int restricted = restrictedCount(low, high);
            int bestJ = -1;
            boolean bestLow = false;
            double bestCut = 0;
            double bestDensity = -1;
            int bestSize = 0;
            for (int j = 0; j < p; j++) {
                boolean isRestricted = low[j] != Double.NEGATIVE_INFINITY || high[j] != Double.POSITIVE_INFINITY;
                if (!isRestricted && restricted >= MAX_RANGES) {
                    continue;
                }
                for (boolean fromLow : new boolean[] {true, false}) {
                    double[] peel = peel(order[j], x[j], y, inside, size, fromLow);
                    if (peel == null) {
                        continue;
                    }
                    int newSize = size - (int) peel[1];
                    long newHolds = holds - (long) peel[2];
                    if (newSize < minSize) {
                        continue;
                    }
                    double density = (double) newHolds / newSize;
                    if (density > bestDensity || (density == bestDensity && newSize > bestSize)) {
                        bestDensity = density;
                        bestSize = newSize;
                        bestJ = j;
                        bestLow = fromLow;
                        bestCut = peel[0];
                    }
                }
            }
            if (bestJ < 0) {
                return null;
            }
            if (bestLow) {
                low[bestJ] = bestCut;
            } else {
                high[bestJ] = bestCut;
            }
            size = 0;
            holds = 0;
            for (int r = 0; r < n; r++) {
                inside[r] = in(x, r, low, high);
                if (inside[r]) {
                    size++;
                    holds += y[r] ? 1 : 0;
                }
            }
        }
        // drop the ranges the box does not need, the last added first
        for (int j = p - 1; j >= 0; j--) {
            for (boolean lowSide : new boolean[] {true, false}) {
                double saved = lowSide ? low[j] : high[j];
                if (Double.isInfinite(saved)) {
                    continue;
                }
                if (lowSide) {
                    low[j] = Double.NEGATIVE_INFINITY;
                } else {
                    high[j] = Double.POSITIVE_INFINITY;
                }
                long[] count = count(x, y, n, low, high);
                if (count[0] == 0 || (double) count[1] / count[0] < DENSITY) {
                    if (lowSide) {
                        low[j] = saved;
                    } else {
                        high[j] = saved;
                    }
                }
            }
        }
        long[] count = count(x, y, n, low, high);
        List<EnsembleSummary.Range> ranges = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (!Double.isInfinite(low[j]) || !Double.isInfinite(high[j])) {
                ranges.add(new EnsembleSummary.Range(parameters.get(j), Double.isInfinite(low[j]) ? null : low[j],
                        Double.isInfinite(high[j]) ? null : high[j]));
            }
        }
        return new EnsembleSummary.Box(ranges, (double) count[1] / count[0], (double) count[1] / holdsAll,
                (double) count[0] / n, n);
    }

    private static int restrictedCount(double[] low, double[] high) {
        int c = 0;
        for (int j = 0; j < low.length; j++) {
            if (low[j] != Double.NEGATIVE_INFINITY || high[j] != Double.POSITIVE_INFINITY) {
                c++;
            }
        }
        return c;
    }

    /**
     * Peels the share {@link #ALPHA} of the draws inside from one end of parameter j: returns
     * {cut, draws removed, of them where the conclusion holds}; null where nothing can be peeled
     * (every value inside is the same).
     */
    private static double[] peel(Integer[] order, double[] xj, boolean[] y, boolean[] inside, int size, boolean fromLow) {
        int k = Math.max(1, (int) Math.floor(ALPHA * size));
        int seen = 0;
        double cut = Double.NaN;
        int n = order.length;
        for (int i = 0; i < n && seen < k; i++) {
            int r = order[fromLow ? i : n - 1 - i];
            if (inside[r]) {
                seen++;
                cut = xj[r];
            }
        }
        // remove every draw inside with a value at or beyond the cut, so the box has a clean bound
        int removed = 0;
        int removedHolds = 0;
        for (int i = 0; i < n; i++) {
            int r = order[fromLow ? i : n - 1 - i];
            if (!inside[r]) {
                continue;
            }
            if (fromLow ? xj[r] > cut : xj[r] < cut) {
                break;
            }
            removed++;
            removedHolds += y[r] ? 1 : 0;
        }
        if (removed >= size) {
            return null;
        }
        return new double[] {cut, removed, removedHolds};
    }

    private static boolean in(double[][] x, int r, double[] low, double[] high) {
        for (int j = 0; j < x.length; j++) {
            double v = x[j][r];
            if (!(v > low[j] && v < high[j])) {
                return false;
            }
        }
        return true;
    }

    private static long[] count(double[][] x, boolean[] y, int n, double[] low, double[] high) {
        long size = 0;
        long holds = 0;
        for (int r = 0; r < n; r++) {
            if (in(x, r, low, high)) {
                size++;
                holds += y[r] ? 1 : 0;
            }
        }
        return new long[] {size, holds};
    }
}
