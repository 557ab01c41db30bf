package org.threshold.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;

/**
 * Finds where a conclusion, a posture, or any other output of an assessment flips as one
 * parameter of a scenario moves: the return ticket, a faction's influence, a strike's severity, a
 * calibration key. A pack's argument is often qualitative; what a user most wants to know of it is
 * where its conclusions change, and how close a scenario stands to such an edge.
 *
 * <pre>{@code
 * FlipFinder finder = new FlipFinder(reasoner);
 * List<FlipPoint<Boolean>> flips = finder.find(
 *         x -> base.toBuilder().returnTicket(x, x, x, x).build(),   // the scenario at x
 *         0.0, 1.0,                                                 // the range of x
 *         a -> a.holds("NAVAL_CLASH_RISK"),                         // the output watched
 *         1e-4);                                                    // how tight a bracket
 * }</pre>
 *
 * <p>The finder knows nothing of any rule pack: it assesses the scenarios it is given and
 * compares outputs with {@link Object#equals(Object)}. It assesses them in one live session,
 * moved from scenario to scenario with {@link ReasoningSession#reassess(Scenario)}, so a probe
 * costs what changed between two values of the parameter (usually one fact), not a fresh
 * assessment; the results are the same. It scans the range in a modest number of
 * equal segments ({@value #DEFAULT_SEGMENTS} by default) and bisects every segment whose two ends
 * give different outputs until the bracket is no wider than the tolerance. Where the middle of a
 * bracket differs from both its ends, both halves are bisected, so several flips inside one
 * segment are found whenever the bisection lands between them.
 *
 * <p>What it cannot see: an output that changes and changes back inside one segment without a
 * midpoint falling between the changes (give it more segments), and a flip that needs the
 * parameter to be finer than the tolerance.
 *
 * <p>A finder is immutable and as thread-safe as its reasoner; the functions passed to
 * {@link #find} are called on the calling thread only.
 */
public final class FlipFinder {

    /** The number of equal segments the range is scanned in unless told otherwise. */
    public static final int DEFAULT_SEGMENTS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(FlipFinder.class);

    private final Reasoner reasoner;
    private final int segments;
    private final boolean whole;
    private final Progress progress;

    /** A finder that assesses with {@code reasoner} and scans in {@value #DEFAULT_SEGMENTS} segments. */
    public FlipFinder(Reasoner reasoner) {
        this(reasoner, DEFAULT_SEGMENTS);
    }

    /**
     * A finder that assesses with {@code reasoner} and scans in {@code segments} equal segments.
     * More segments find flips that come and go within a short stretch, at one assessment each.
     */
    public FlipFinder(Reasoner reasoner, int segments) {
        this(reasoner, segments, false, Progress.NONE);
    }

    private FlipFinder(Reasoner reasoner, int segments, boolean whole, Progress progress) {
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
        this.progress = Objects.requireNonNull(progress, "progress");
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be at least 1 (" + segments + ")");
        }
        this.segments = segments;
        this.whole = whole;
    }

    /** The same finder with another number of scan segments. */
    public FlipFinder withSegments(int segments) {
        return new FlipFinder(reasoner, segments, whole, progress);
    }

    /**
     * The same finder reporting to {@code progress}: one unit an assessment, the whole estimated
     * from the scan and then from each bracket's width and the tolerance.
     */
    public FlipFinder withProgress(Progress progress) {
        return new FlipFinder(reasoner, segments, whole, progress);
    }

    /**
     * The same finder for a parameter of whole numbers (such as a count of signals): it assesses
     * whole numbers only, and brackets each flip between two neighbours, {@code k} and
     * {@code k + 1}, whatever the tolerance. The ends of the range must be whole numbers.
     */
    public FlipFinder overWholeNumbers() {
        return new FlipFinder(reasoner, segments, true, progress);
    }

    /** The number of segments the range is scanned in. */
    public int segments() {
        return segments;
    }

    /**
     * The flips of {@code output} as the parameter goes from {@code from} to {@code to}, in
     * ascending order of the parameter.
     *
     * @param scenarioAt the scenario at a value of the parameter
     * @param from the low end of the range, finite
     * @param to the high end of the range, finite and above {@code from}
     * @param output what to watch in each assessment, compared with {@link Object#equals(Object)}
     * @param tolerance the widest bracket to report, positive and finite
     * @param <T> the type of the output
     * @return each flip found, bracketed to within {@code tolerance}; empty where the output never
     *     changes as far as the scan can see
     * @throws IllegalArgumentException where the range or the tolerance make no sense
     */
    public <T> List<FlipPoint<T>> find(DoubleFunction<Scenario> scenarioAt, double from, double to,
            Function<Assessment, T> output, double tolerance) {
        return search(scenarioAt, from, to, output, tolerance).flips();
    }

    /** The flips and what finding them cost. */
    public record Result<T>(List<FlipPoint<T>> flips, int assessments) {
        public Result {
            flips = List.copyOf(flips);
        }
    }

    /** As {@link #find}, with the number of assessments the search made even where it found no flip. */
    public <T> Result<T> search(DoubleFunction<Scenario> scenarioAt, double from, double to,
            Function<Assessment, T> output, double tolerance) {
        Objects.requireNonNull(scenarioAt, "scenarioAt");
        Objects.requireNonNull(output, "output");
        checkRange(from, to, tolerance);
        if (whole && (from != Math.rint(from) || to != Math.rint(to) || Math.abs(to) > 1e15 || Math.abs(from) > 1e15)) {
            throw new IllegalArgumentException("the range of a parameter of whole numbers must have whole ends (from " + from
                    + ", to " + to + ")");
        }
        Search<T> search = new Search<>(scenarioAt, output, whole ? 1.0 : tolerance);
        progress.start("flip", segments + 1L);
        try {
            Probe<T> left = search.probe(from);
            for (int i = 1; i <= segments; i++) {
                double x = i == segments ? to : from + (to - from) * i / segments;
                if (whole) {
                    x = Math.floor(x);
                    if (x <= left.x()) {
                        continue;
                    }
                }
                Probe<T> right = search.probe(x);
                if (!Objects.equals(left.output(), right.output())) {
                    search.expected += Math.max(0,
                            (long) Math.ceil(Math.log((right.x() - left.x()) / search.tolerance) / Math.log(2)));
                    progress.total(search.expected);
                    search.bisect(left, right);
                }
                left = right;
            }
        } finally {
            search.close();
            progress.finish();
        }
        List<FlipPoint<T>> flips = new ArrayList<>(search.brackets.size());
        for (Bracket<T> b : search.brackets) {
            flips.add(new FlipPoint<>(b.low().x(), b.high().x(), b.low().output(), b.high().output(),
                    b.low().assessment(), b.high().assessment(), search.assessments));
        }
        LOG.debug("flip search over [{}, {}] in {} segments to within {}: {} flip(s) in {} assessments", from, to,
                segments, tolerance, flips.size(), search.assessments);
        return new Result<>(flips, search.assessments);
    }

    private static void checkRange(double from, double to, double tolerance) {
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("the range must be finite (from " + from + ", to " + to + ")");
        }
        if (!(from < to)) {
            throw new IllegalArgumentException("from must be below to (from " + from + ", to " + to + ")."
                    + (from > to ? " Maybe swap them." : " Maybe widen the range."));
        }
        if (!Double.isFinite(to - from)) {
            throw new IllegalArgumentException("the range is too wide to measure as a double (from " + from + ", to "
                    + to + ")");
        }
        if (!(tolerance > 0.0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number above 0 (" + tolerance + ")");
        }
        double resolution = Math.ulp(Math.max(Math.abs(from), Math.abs(to)));
        if (tolerance < resolution) {
            throw new IllegalArgumentException("tolerance is finer than doubles can resolve in this range (" + tolerance
                    + " < " + resolution + "). Maybe use a tolerance of at least " + resolution + ".");
        }
    }

    private record Probe<T>(double x, Assessment assessment, T output) {
    }

    private record Bracket<T>(Probe<T> low, Probe<T> high) {
    }

    /** One search: its functions, the brackets found so far and the assessments made. */
    private final class Search<T> {
        private final DoubleFunction<Scenario> scenarioAt;
        private final Function<Assessment, T> output;
        private final double tolerance;
        private final List<Bracket<T>> brackets = new ArrayList<>();
        private int assessments;
        private long expected = segments + 1L;
        /** The live session the probes move from value to value; see {@link ReasoningSession#reassess}. */
        private ReasoningSession live;

        Search(DoubleFunction<Scenario> scenarioAt, Function<Assessment, T> output, double tolerance) {
            this.scenarioAt = scenarioAt;
            this.output = output;
            this.tolerance = tolerance;
        }

        Probe<T> probe(double x) {
            Scenario scenario = scenarioAt.apply(x);
            if (scenario == null) {
                throw new IllegalArgumentException("scenarioAt gave no scenario at " + x);
            }
            if (live == null) {
                live = reasoner.open(scenario);
            }
            Assessment assessment = live.reassess(scenario);
            assessments++;
            if (assessments > expected) {
                expected = assessments;
                progress.total(expected);
            }
            progress.advance(1);
            return new Probe<>(x, assessment, output.apply(assessment));
        }

        void close() {
            if (live != null) {
                live.close();
            }
        }

        void bisect(Probe<T> low, Probe<T> high) {
            double mid = low.x() + (high.x() - low.x()) / 2;
            if (whole) {
                mid = Math.floor(mid);
            }
            if (high.x() - low.x() <= tolerance || mid <= low.x() || mid >= high.x()) {
                brackets.add(new Bracket<>(low, high));
                return;
            }
            Probe<T> middle = probe(mid);
            if (!Objects.equals(low.output(), middle.output())) {
                bisect(low, middle);
            }
            if (!Objects.equals(middle.output(), high.output())) {
                bisect(middle, high);
            }
        }
    }
}
