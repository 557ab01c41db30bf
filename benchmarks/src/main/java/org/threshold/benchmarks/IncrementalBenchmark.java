package org.threshold.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.ParameterPaths;
import org.threshold.analysis.SignpostKind;
import org.threshold.analysis.Signposts;
import org.threshold.rules.EssayCalibration;

/**
 * How long does an analysis pay for one more scenario that differs from the last in one fact?
 *
 * <p>Each operation moves between two scenarios that differ in one fact, alternately: the base
 * scenario and the base with one change ({@code change}): {@code parameter} moves the return
 * ticket's finance score by 0.05 (as a flip search or a phase map does), {@code calibration}
 * moves {@code threat.credibility} by 0.05 (a calibration key, which every rule reads), and
 * {@code event} adds one unanswered deep strike (as signposts do). {@code mode=incremental}
 * moves one live session ({@link ReasoningSession#reassess(Scenario)}: the fact changed, the rules
 * fired, the assessment read with its explanations); {@code mode=fresh} assesses the same
 * scenario afresh ({@link Reasoner#assess(Scenario)}); {@code mode=plainJava} is the plain-Java
 * baseline of the same formulas. The target: incremental at most 5 µs at the median.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar IncrementalBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s
 * </pre>
 *
 * Scenarios as in {@link AssessBenchmark}: {@code -p scenario=NAME}, and
 * {@code -Dthreshold.scenarios=FOLDER} for another folder of scenario files.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class IncrementalBenchmark {

    @Param({"moscow-struck", "conveyor-belt", "faction-shift", Scenarios.EVENTS_30})
    public String scenario;

    /** What differs between the two scenarios: a parameter, a calibration key, or one event more. */
    @Param({"parameter", "calibration", "event"})
    public String change;

    /** A live session moved between the two, fresh assessments of each, or the plain-Java baseline. */
    @Param({"incremental", "fresh", "plainJava"})
    public String mode;

    private Reasoner reasoner;
    private ReasoningSession live;
    private Scenario[] pair;
    private int turn;

    @Setup(Level.Trial)
    public void setUp() {
        Scenario base = Scenarios.named(scenario);
        Scenario changed = switch (change) {
            case "parameter" -> ParameterPaths.resolve(base, "adversary.returnTicket.finance")
                    .at(shifted(base.returnTicket().finance()));
            case "calibration" -> ParameterPaths.resolve(base, "threat.credibility")
                    .at(shifted(base.calibration().get("threat.credibility")));
            case "event" -> base.toBuilder()
                    .events(SignpostKind.UNANSWERED_DEEP_STRIKE.events(base, 1, Signposts.DEFAULT_SCORE,
                            EssayCalibration.of(base.calibration()).responseWindowDays())).build();
            default -> throw new IllegalArgumentException("unknown change (" + change
                    + "). Maybe parameter, calibration or event.");
        };
        pair = new Scenario[] {base, changed};
        reasoner = Threshold.builder().build();
        if (mode.equals("incremental")) {
            live = reasoner.open(base);
            live.assess();
        } else if (!mode.equals("fresh") && !mode.equals("plainJava")) {
            throw new IllegalArgumentException("unknown mode (" + mode + "). Maybe incremental, fresh or plainJava.");
        }
    }

    private static double shifted(double x) {
        return x <= 0.95 ? x + 0.05 : x - 0.05;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (live != null) {
            live.close();
        }
    }

    @Benchmark
    public Object oneFactChanged() {
        turn ^= 1;
        Scenario next = pair[turn];
        return switch (mode) {
            case "incremental" -> live.reassess(next);
            case "fresh" -> reasoner.assess(next);
            default -> PlainJavaAssessor.assess(next);
        };
    }
}
