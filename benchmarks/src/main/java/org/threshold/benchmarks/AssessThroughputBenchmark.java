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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;

/**
 * How many assessments per second does one shared reasoner give on one thread, and on two?
 *
 * <p>The reasoner is thread-safe: one knowledge base, one engine session per assessment. Both
 * methods share one reasoner (and one scenario) across their threads; {@code twoThreads} shows
 * how far a second core raises throughput. The plain-Java baseline runs beside it
 * ({@code engine=plainJava}). On a two-core machine the two-thread figure also competes with the
 * JIT and garbage collector threads, so read it as a lower bound.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AssessThroughputBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s
 * </pre>
 *
 * @see AssessBenchmark the latency of one assessment, for every example scenario
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssessThroughputBenchmark {

    /** A short example, and the two programmatic conflicts. */
    @Param({"moscow-struck", Scenarios.EVENTS_30, Scenarios.EVENTS_100})
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
    @Threads(1)
    public Object oneThread() {
        return assess();
    }

    @Benchmark
    @Threads(2)
    public Object twoThreads() {
        return assess();
    }

    private Object assess() {
        return assessor.assess(reasoner, input);
    }
}
