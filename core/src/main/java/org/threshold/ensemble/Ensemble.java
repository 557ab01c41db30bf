package org.threshold.ensemble;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.rng.UniformRandomProvider;
import org.threshold.Assessment;
import org.threshold.Finding;
import org.threshold.Reasoner;
import org.threshold.RulePack;
import org.threshold.Scenario;
import org.threshold.analysis.InvalidParameterException;

/**
 * Many draws of a scenario whose numbers are uncertain (its {@link Uncertainty}), each assessed by
 * one shared reasoner: how often each conclusion, posture and risk level holds, how the metrics
 * spread, and with {@link EnsembleOptions#sensitivity()} which parameters drive each uncertain
 * output (Sobol indices from Saltelli's scheme).
 *
 * <p>The work is a range of rows {@code [0, assessments())}. Row i depends only on the seed and
 * i: without sensitivity it is draw i; with it, rows come in blocks of P + 2 for P parameters,
 * block k holding base draw k of matrix A, of matrix B and of each {@code AB_j}. Any split of the
 * rows, {@link #evaluate(long, long)} on any machine, gives parts that
 * {@link #summarise(Collection)} turns into the same summary, bit for bit. {@link #run(int,
 * EnsembleProgress)} does both on this machine's threads. Thread-safe.
 */
public final class Ensemble {

    /** The metric whose Sobol indices are estimated beside the conclusions'. */
    public static final String RISK_METRIC = "escalationRisk";

    private final Reasoner reasoner;
    private final Scenario scenario;
    private final EnsembleOptions options;
    private final Draws draws;
    private final List<String> conclusions;
    private final List<String> metrics;
    private final Map<String, Integer> conclusionIndex = new HashMap<>();
    private final Map<String, Integer> metricIndex = new HashMap<>();
    private final int p;
    private final long assessments;

    private Ensemble(Reasoner reasoner, Scenario scenario, EnsembleOptions options) {
        this.reasoner = reasoner;
        this.scenario = scenario;
        this.options = options;
        this.draws = new Draws(scenario);
        this.p = draws.size();
        Set<String> c = new LinkedHashSet<>();
        Set<String> m = new LinkedHashSet<>();
        for (RulePack pack : reasoner.packs()) {
            c.addAll(pack.conclusions());
            m.addAll(pack.metrics());
        }
        this.conclusions = List.copyOf(c);
        this.metrics = List.copyOf(m);
        for (int i = 0; i < conclusions.size(); i++) {
            conclusionIndex.put(conclusions.get(i), i);
        }
        for (int i = 0; i < metrics.size(); i++) {
            metricIndex.put(metrics.get(i), i);
        }
        this.assessments = options.sensitivity() ? Math.multiplyExact(options.samples(), p + 2L) : options.samples();
        if (options.sensitivity() && options.samples() < 2) {
            throw new IllegalArgumentException("samples: sensitivity needs at least 2 base draws, got " + options.samples());
        }
        if (assessments > EnsembleOptions.MAX_ASSESSMENTS) {
            throw new IllegalArgumentException("samples: " + options.samples() + " samples make " + assessments
                    + " assessments, more than the limit of " + EnsembleOptions.MAX_ASSESSMENTS
                    + ". Maybe draw fewer samples.");
        }
    }

    /**
     * The ensemble of {@code scenario}'s draws: its {@link Scenario#uncertainty()} says what is drawn.
     *
     * @throws IllegalArgumentException where the scenario has no uncertain parameter, a path is
     *     not the scenario's, a distribution leaves the parameter's valid values, some draws would
     *     break the calibration, or the options ask for too many assessments
     */
    public static Ensemble of(Reasoner reasoner, Scenario scenario, EnsembleOptions options) {
        Objects.requireNonNull(reasoner, "reasoner");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        Uncertainty u = scenario.uncertainty();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' has no uncertain parameter; "
                    + "expected an uncertainty: section, like uncertainty: {adversary.capacity: {uniform: [0.6, 1.0]}}");
        }
        Map<String, Distribution> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : u.parameters().entrySet()) {
            String path;
            try {
                path = ParameterDomain.canonical(scenario, e.getKey());
            } catch (InvalidParameterException ex) {
                throw new IllegalArgumentException("uncertainty: " + ex.getMessage(), ex);
            }
            if (canonical.put(path, e.getValue()) != null) {
                throw new IllegalArgumentException("uncertainty: " + path + " is given twice");
            }
            String problem = UncertaintyCheck.problem(ParameterDomain.of(path), e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException("uncertainty." + e.getKey() + ": " + problem);
            }
        }
        String combination = UncertaintyCheck.combinationProblem(scenario, canonical);
        if (combination != null) {
            throw new IllegalArgumentException("uncertainty: " + combination);
        }
        return new Ensemble(reasoner, scenario.withUncertainty(new Uncertainty(canonical)), options);
    }

    /** The scenario drawn from (its uncertain parameters by their canonical paths). */
    public Scenario scenario() {
        return scenario;
    }

    public EnsembleOptions options() {
        return options;
    }

    /** The uncertain parameters' paths, in the order of the file. */
    public List<String> parameters() {
        return draws.paths();
    }

    /** Every conclusion the reasoner's packs name, in their order: the columns of {@link DrawResults}. */
    public List<String> conclusions() {
        return conclusions;
    }

    /** Every metric the reasoner's packs name, in their order. */
    public List<String> metrics() {
        return metrics;
    }

    /** How many rows must be assessed: the samples, or samples x (P + 2) with sensitivity. */
    public long assessments() {
        return assessments;
    }

    /**
     * The uncertain parameters' values in row {@code row}.
     *
     * @throws IndexOutOfBoundsException where the row is not in [0, assessments())
     */
    public double[] values(long row) {
        Objects.checkIndex(row, assessments);
        double[] values = new double[p];
        fill(row, values, new double[p]);
        return values;
    }

    private void fill(long row, double[] values, double[] scratch) {
        if (!options.sensitivity()) {
            UniformRandomProvider rng = Draws.generator(options.seed(), row);
            for (int j = 0; j < p; j++) {
                values[j] = draws.value(j, Draws.open01(rng));
            }
            return;
        }
        long base = row / (p + 2);
        int role = (int) (row % (p + 2));
        UniformRandomProvider rng = Draws.generator(options.seed(), base);
        for (int j = 0; j < p; j++) {
            values[j] = Draws.open01(rng);
        }
        for (int j = 0; j < p; j++) {
            scratch[j] = Draws.open01(rng);
        }
        if (role == 1) {
            System.arraycopy(scratch, 0, values, 0, p);
        } else if (role >= 2) {
            values[role - 2] = scratch[role - 2];
        }
        for (int j = 0; j < p; j++) {
            values[j] = draws.value(j, values[j]);
        }
    }

    /**
     * Assesses the rows {@code [fromInclusive, toExclusive)}. Each row's outcome depends only on the
     * seed and its index, never on the range it was assessed in.
     *
     * @throws IllegalArgumentException for a range outside [0, assessments()] or of more than 2^31 - 1 rows
     * @throws org.threshold.RuleFailureException where a draw's assessment fails
     */
    public DrawResults evaluate(long fromInclusive, long toExclusive) {
        if (fromInclusive < 0 || toExclusive < fromInclusive || toExclusive > assessments
                || toExclusive - fromInclusive > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows [" + fromInclusive + ", " + toExclusive + ") are not a range within [0, "
                    + assessments + ")");
        }
        int count = (int) (toExclusive - fromInclusive);
        DrawResults out = new DrawResults(fromInclusive, count, conclusions.size(), metrics.size(), p);
        double[] values = new double[p];
        double[] scratch = new double[p];
        for (int i = 0; i < count; i++) {
            fill(fromInclusive + i, values, scratch);
            for (int j = 0; j < p; j++) {
                out.setParameter(i, j, values[j]);
            }
            Assessment a = reasoner.assess(draws.apply(values));
            for (Finding f : a.conclusions()) {
                Integer c = conclusionIndex.get(f.type());
                if (c != null) {
                    out.setHolds(i, c);
                }
            }
            out.setPosture(i, a.posture() == null ? -1 : a.posture().ordinal());
            out.setRiskLevel(i, a.riskLevel() == null ? -1 : a.riskLevel().ordinal());
            for (int m = 0; m < metrics.size(); m++) {
                Double v = a.metrics().get(metrics.get(m));
                out.setMetric(i, m, v == null ? Double.NaN : v);
            }
        }
        return out;
    }

    /**
     * Assesses every row on {@code threads} threads over the one shared reasoner, in chunks, and
     * summarises them.
     *
     * @param progress told of the rows done as chunks finish
     * @throws org.threshold.RuleFailureException where a draw's assessment fails
     */
    public EnsembleSummary run(int threads, EnsembleProgress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, got " + threads);
        }
        EnsembleProgress listener = progress == null ? EnsembleProgress.NONE : progress;
        long chunk = Math.max(64, Math.min(4096, assessments / (threads * 32L)));
        if (threads == 1) {
            List<DrawResults> parts = new ArrayList<>();
            for (long from = 0; from < assessments; from += chunk) {
                long to = Math.min(assessments, from + chunk);
                parts.add(evaluate(from, to));
                listener.progress(to, assessments);
            }
            return summarise(parts);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "threshold-ensemble");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicLong done = new AtomicLong();
            List<Future<DrawResults>> futures = new ArrayList<>();
            for (long from = 0; from < assessments; from += chunk) {
                long f = from;
                long t = Math.min(assessments, from + chunk);
                futures.add(pool.submit(() -> {
                    DrawResults part = evaluate(f, t);
                    listener.progress(done.addAndGet(t - f), assessments);
                    return part;
                }));
            }
            List<DrawResults> parts = new ArrayList<>(futures.size());
            for (Future<DrawResults> future : futures) {
                parts.add(future.get());
            }
            return summarise(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The summary of every row, from parts in any order that cover {@code [0, assessments())}
     * exactly once. Every statistic is computed from the rows in index order.
     *
     * @throws IllegalArgumentException where the parts leave a gap, overlap, run past the end, or
     *     record other columns than this ensemble's
     */
    public EnsembleSummary summarise(Collection<DrawResults> parts) {
        List<DrawResults> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingLong(DrawResults::from));
        long next = 0;
        for (DrawResults part : sorted) {
            if (part.conclusionCount() != conclusions.size() || part.metricCount() != metrics.size()
                    || part.parameterCount() != p) {
                throw new IllegalArgumentException("the part [" + part.from() + ", " + part.to()
                        + ") records other columns than this ensemble");
            }
            if (part.count() == 0) {
                continue;
            }
            if (part.from() != next) {
                throw new IllegalArgumentException(part.from() < next
                        ? "the parts overlap at row " + part.from()
                        : "no part covers the rows [" + next + ", " + part.from() + ")");
            }
            next = part.to();
        }
        if (next != assessments) {
            throw new IllegalArgumentException("no part covers the rows [" + next + ", " + assessments + ")");
        }
        return new Summariser(this, sorted).summary();
    }

    /** The rows that count for shares and metric summaries: every row, or with sensitivity those of A and B. */
    boolean countsForShares(long row) {
        return !options.sensitivity() || row % (p + 2) < 2;
    }

    int parameterCount() {
        return p;
    }
}
