package org.threshold.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.threshold.fact.Posture;
import org.threshold.fact.RiskLevel;

/** Turns the parts of an ensemble, sorted and checked, into its summary; every sum in row order. */
final class Summariser {

    /** Candidate cuts for a split: the parameter's percentiles 1 to 99 (nearest rank). */
    private static final int CUTS = 99;

    private final Ensemble ensemble;
    private final List<DrawResults> parts;
    private final int p;
    private final int c;
    private final int m;

    Summariser(Ensemble ensemble, List<DrawResults> sortedParts) {
        this.ensemble = ensemble;
        this.parts = sortedParts;
        this.p = ensemble.parameterCount();
        this.c = ensemble.conclusions().size();
        this.m = ensemble.metrics().size();
    }

    EnsembleSummary summary() {
        long total = ensemble.assessments();
        int n = (int) (ensemble.options().sensitivity() ? 2 * ensemble.options().samples() : total);
        long[] postureCounts = new long[Posture.values().length];
        long[] riskCounts = new long[RiskLevel.values().length];
        long[] holds = new long[c];
        boolean[][] y = new boolean[c][n];
        double[][] x = new double[p][n];
        double[][] metricValues = new double[m][n];
        int s = 0;
        for (DrawResults part : parts) {
            for (int i = 0; i < part.count(); i++) {
                if (!ensemble.countsForShares(part.from() + i)) {
                    continue;
                }
                if (part.posture(i) >= 0) {
                    postureCounts[part.posture(i)]++;
                }
                if (part.riskLevel(i) >= 0) {
                    riskCounts[part.riskLevel(i)]++;
                }
                for (int k = 0; k < c; k++) {
                    if (part.holds(i, k)) {
                        holds[k]++;
                        y[k][s] = true;
                    }
                }
                for (int j = 0; j < p; j++) {
                    x[j][s] = part.parameter(i, j);
                }
                for (int k = 0; k < m; k++) {
                    metricValues[k][s] = part.metric(i, k);
                }
                s++;
            }
        }
        Map<String, Double> posture = new LinkedHashMap<>();
        for (Posture v : Posture.values()) {
            posture.put(v.name(), (double) postureCounts[v.ordinal()] / n);
        }
        Map<String, Double> risk = new LinkedHashMap<>();
        for (RiskLevel v : RiskLevel.values()) {
            risk.put(v.name(), (double) riskCounts[v.ordinal()] / n);
        }
        Map<String, EnsembleSummary.Share> shares = new LinkedHashMap<>();
        for (int k = 0; k < c; k++) {
            double[] ci = Estimates.wilson(holds[k], n);
            shares.put(ensemble.conclusions().get(k), new EnsembleSummary.Share(holds[k], n, (double) holds[k] / n, ci[0], ci[1]));
        }
        Map<String, EnsembleSummary.MetricSummary> metricSummaries = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            double[] finite = Arrays.stream(metricValues[k]).filter(v -> !Double.isNaN(v)).toArray();
            if (finite.length == 0) {
                continue;
            }
            double[] sum = Estimates.summary(finite);
            metricSummaries.put(ensemble.metrics().get(k), new EnsembleSummary.MetricSummary(sum[0], sum[1], sum[2], sum[3], sum[4]));
        }
        List<Integer> uncertain = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            if (holds[k] > 0 && holds[k] < n) {
                uncertain.add(k);
            }
        }
        Map<String, List<EnsembleSummary.Split>> splits = splits(uncertain, x, y, n);
        Map<String, EnsembleSummary.Box> boxes = new LinkedHashMap<>();
        for (int k : uncertain) {
            boxes.put(ensemble.conclusions().get(k), Discovery.find(ensemble.parameters(), x, y[k]));
        }
        Map<String, List<EnsembleSummary.SobolIndex>> sensitivity = ensemble.options().sensitivity()
                ? sensitivity(uncertain) : Map.of();
        return new EnsembleSummary(ensemble.scenario().name(), ensemble.scenario().asOf(), ensemble.options().samples(),
                ensemble.options().seed(), total, ensemble.scenario().uncertainty(), n, posture, risk, shares,
                metricSummaries, sensitivity, splits, boxes, ensemble.options().sensitivity());
    }

    private Map<String, List<EnsembleSummary.Split>> splits(List<Integer> uncertain, double[][] x, boolean[][] y, int n) {
        Map<String, List<EnsembleSummary.Split>> out = new LinkedHashMap<>();
        if (uncertain.isEmpty()) {
            return out;
        }
        int[][] bins = new int[p][];
        double[][] cuts = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] sorted = x[j].clone();
            Arrays.sort(sorted);
            cuts[j] = Arrays.stream(java.util.stream.IntStream.rangeClosed(1, CUTS)
                    .mapToDouble(q -> Estimates.nearestRank(sorted, q / 100.0)).toArray()).distinct().toArray();
            bins[j] = new int[n];
            for (int r = 0; r < n; r++) {
                int b = Arrays.binarySearch(cuts[j], x[j][r]);
                bins[j][r] = b >= 0 ? b : -b - 1;
            }
        }
        for (int k : uncertain) {
            List<EnsembleSummary.Split> list = new ArrayList<>();
            List<Double> strength = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                int nb = cuts[j].length + 1;
                long[] count = new long[nb];
                long[] hold = new long[nb];
                for (int r = 0; r < n; r++) {
                    count[bins[j][r]]++;
                    if (y[k][r]) {
                        hold[bins[j][r]]++;
                    }
                }
                long totalHold = 0;
                for (long h : hold) {
                    totalHold += h;
                }
                long below = 0;
                long belowHold = 0;
                double best = -1;
                EnsembleSummary.Split bestSplit = null;
                for (int b = 0; b + 1 < nb; b++) {
                    below += count[b];
                    belowHold += hold[b];
                    long above = n - below;
                    if (below == 0 || above == 0) {
                        continue;
                    }
                    double pb = (double) belowHold / below;
                    double pa = (double) (totalHold - belowHold) / above;
                    double between = (double) below * above * (pa - pb) * (pa - pb);
                    if (between > best) {
                        best = between;
                        bestSplit = new EnsembleSummary.Split(ensemble.parameters().get(j), cuts[j][b], pa, above, pb, below);
                    }
                }
                if (bestSplit != null) {
                    list.add(bestSplit);
                    strength.add(best);
                }
            }
            Integer[] order = new Integer[list.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -strength.get(i)));
            List<EnsembleSummary.Split> ordered = new ArrayList<>();
            for (int i : order) {
                ordered.add(list.get(i));
            }
            out.put(ensemble.conclusions().get(k), ordered);
        }
        return out;
    }

    private Map<String, List<EnsembleSummary.SobolIndex>> sensitivity(List<Integer> uncertain) {
        int base = (int) ensemble.options().samples();
        int risk = ensemble.metrics().indexOf(Ensemble.RISK_METRIC);
        int outputs = uncertain.size() + (risk >= 0 ? 1 : 0);
        double[][] fA = new double[outputs][base];
        double[][] fB = new double[outputs][base];
        double[][][] fAB = new double[outputs][p][base];
        for (DrawResults part : parts) {
            for (int i = 0; i < part.count(); i++) {
                long row = part.from() + i;
                int k = (int) (row / (p + 2));
                int role = (int) (row % (p + 2));
                for (int o = 0; o < outputs; o++) {
                    double v = o < uncertain.size() ? (part.holds(i, uncertain.get(o)) ? 1.0 : 0.0) : part.metric(i, risk);
                    if (role == 0) {
                        fA[o][k] = v;
                    } else if (role == 1) {
                        fB[o][k] = v;
                    } else {
                        fAB[o][role - 2][k] = v;
                    }
                }
            }
        }
        Map<String, List<EnsembleSummary.SobolIndex>> out = new LinkedHashMap<>();
        for (int o = 0; o < outputs; o++) {
            String name = o < uncertain.size() ? ensemble.conclusions().get(uncertain.get(o)) : Ensemble.RISK_METRIC;
            if (hasNaN(fA[o]) || hasNaN(fB[o])) {
                continue;
            }
            List<Sobol.Estimate> est = Sobol.estimate(fA[o], fB[o], fAB[o], ensemble.options().seed());
            if (est == null) {
                continue;
            }
            List<EnsembleSummary.SobolIndex> list = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                Sobol.Estimate e = est.get(j);
                list.add(new EnsembleSummary.SobolIndex(ensemble.parameters().get(j), e.first(), e.total(), e.firstLow(),
                        e.firstHigh(), e.totalLow(), e.totalHigh()));
            }
            list.sort(Comparator.comparingDouble((EnsembleSummary.SobolIndex i) -> -i.total()));
            out.put(name, list);
        }
        return out;
    }

    private static boolean hasNaN(double[] a) {
        for (double v : a) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
