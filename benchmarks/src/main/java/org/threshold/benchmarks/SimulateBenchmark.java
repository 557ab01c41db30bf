package org.threshold.benchmarks;

import java.time.LocalDate;
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
import org.openjdk.jmh.infra.Blackhole;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;

/**
 * How long does a ten-year daily simulation take (3,650 steps, 1,000 events), and how much does
 * keeping one live engine session save over assessing every day from scratch?
 *
 * <p>{@code mode=incremental} is {@link Reasoner#simulate}: one session, the clock fact moved a
 * day at a time, each day's events inserted, the state read every day. {@code mode=reassessDaily}
 * is the baseline: {@link Reasoner#assess} of the scenario as of each of the 3,650 days, which
 * gives the same states; {@code mode=plainJavaDaily} is the plain-Java baseline, the formulas of
 * {@link PlainJavaAssessor} as of each day (the same metrics, conclusions, posture and risk
 * level, no explanations). The target: the incremental simulation in at most 0.15 s.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SimulateBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SimulateBenchmark {

    /** Days simulated: ten years. */
    static final int DAYS = 3650;
    /** Events over those days. */
    static final int EVENTS = 1000;

    @Param({"incremental", "reassessDaily", "plainJavaDaily"})
    public String mode;

    private Reasoner reasoner;
    private Scenario decade;
    private LocalDate from;

    @Setup(Level.Trial)
    public void setUp() {
        reasoner = Threshold.builder().build();
        decade = Scenarios.conflict("decade", EVENTS, DAYS - 8);
        from = decade.asOf().minusDays(DAYS - 1);
    }

    @Benchmark
    public void tenYearsDaily(Blackhole bh) {
        if (mode.equals("incremental")) {
            Timeline t = reasoner.simulate(decade, new SimulationOptions(from, decade.asOf(), 1));
            bh.consume(t.steps().size());
        } else if (mode.equals("reassessDaily")) {
            for (int d = 0; d < DAYS; d++) {
                bh.consume(reasoner.assess(decade.withAsOf(from.plusDays(d))));
            }
        } else {
            for (int d = 0; d < DAYS; d++) {
                bh.consume(PlainJavaAssessor.assess(decade.withAsOf(from.plusDays(d))));
            }
        }
    }
}
