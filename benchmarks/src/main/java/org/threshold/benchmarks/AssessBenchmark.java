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
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;

/**
 * How long does one full assessment take once the reasoner is warm, and how much of that is the
 * engine rather than the arithmetic of the model?
 *
 * <p>Each scenario is assessed by the reasoner ({@code engine=drools}: a fresh engine session,
 * the facts inserted, the rules fired, the assessment read back with its explanations) and by
 * {@link PlainJavaAssessor} ({@code engine=plainJava}: the same formulas in plain Java, no
 * explanations), side by side in the same run. The scenarios are every example file under
 * {@code examples/scenarios} and the programmatic {@value Scenarios#EVENTS_30} and
 * {@value Scenarios#EVENTS_100}. One reasoner is built per trial and shared, as an application
 * would share it. Average time and the sampled distribution (p50 is the median) are reported in
 * microseconds. The target: a 30-event assessment under 50 µs median.
 *
 * <p>Run from the repository root (the example files are read from {@code examples/scenarios},
 * or from {@code -Dthreshold.scenarios=<folder>}):
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AssessBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s
 * </pre>
 *
 * One scenario only: add {@code -p scenario=events30}. Give the engine its ten seconds of warm-up:
 * with less, the first measured iterations of a Drools trial still run two to three times slower
 * than the rest.
 *
 * @see AssessThroughputBenchmark the same assessment on one and two threads, in assessments per second
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssessBenchmark {

    /** The example files, then the programmatic scenarios; {@code AssessBenchmarkTest} checks that every file is here. */
    @Param({"conveyor-belt", "conveyor-policy", "faction-shift", "grave-threat", "inward-crack", "moscow-struck",
            "moscow-struck-uncertain", "real-chronology", "threshold-crossed",
            Scenarios.EVENTS_30, Scenarios.EVENTS_100})
    public String scenario;

    /** The rule engine, or the plain-Java baseline. */
    @Param({"drools", "plainJava"})
    public String engine;

    private Scenario input;
    private Reasoner reasoner;
    private Engine assessor;

    @Setup(Level.Trial)
    public void setUp() {
        input = Scenarios.named(scenario);
        assessor = Engine.of(engine);
        reasoner = Threshold.builder().build();
    }

    @Benchmark
    public Object assess() {
        return assessor.assess(reasoner, input);
    }
}
