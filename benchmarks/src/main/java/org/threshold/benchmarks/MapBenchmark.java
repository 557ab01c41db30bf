package org.threshold.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

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
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.PhaseMap;
import org.threshold.analysis.PhaseMapper;

/**
 * How long does a 200 x 200 phase map of moscow-struck take (humiliation through the capital
 * weight, against the hardliners' influence; posture and conclusions), refined along the
 * boundaries ({@code block=16}) against assessing the full grid ({@code block=1})? Both run in
 * parallel on all cores with one shared reasoner. The number of assessments each takes is
 * printed by {@code threshold map} and asserted by {@code AnalysisTest} (at most a quarter of
 * 40,000, with the same regions).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar MapBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class MapBenchmark {

    @Param({"16", "1"})
    public int block;

    private PhaseMapper mapper;
    private Scenario moscow;
    private final Function<Assessment, String> all = a -> a.posture() + " " + a.conclusionTypes();

    @Setup(Level.Trial)
    public void setUp() {
        Reasoner reasoner = Threshold.builder().build();
        mapper = new PhaseMapper(reasoner).withBlock(block);
        moscow = Scenarios.named("moscow-struck");
    }

    @Benchmark
    public PhaseMap<String> map200() {
        return mapper.map(moscow, "humiliation.weight.capital", 0, 1.2, "factions.hardliners.influence", 0, 1, 200, all);
    }
}
