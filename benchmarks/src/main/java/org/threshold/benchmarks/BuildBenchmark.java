package org.threshold.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.rules.EssayRulePack;

/**
 * How long until a reasoner is ready to assess: {@code Threshold.builder().build()}, from the
 * precompiled executable model that the rules module ships ({@code path=precompiled}, the
 * default) or compiled from the pack's DRL ({@code path=drl}, what a reasoner pays once a user
 * adds rule files of their own), side by side. The target: ready in under 1 s.
 *
 * <p>By default each fork builds once, in a fresh JVM: that first build, with every Drools class
 * still to load and nothing compiled by the JIT, is what the command line pays on every run. The
 * rest of a command (the JVM's start, reading the scenario, the first and still cold assessment,
 * the report) is not included; benchmarks/README.md times a whole {@code threshold assess} run
 * beside it. For the cost of a later build in a warm JVM, add warm-up iterations
 * ({@code -f 2 -wi 5 -i 10}).
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar BuildBenchmark            # first build, 10 fresh JVMs per path
 * java -jar benchmarks/target/benchmarks.jar BuildBenchmark -f 2 -wi 5 -i 10   # later builds, warm JVM
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class BuildBenchmark {

    /** The start-up path: the precompiled model, or the DRL compiled at build time. */
    @Param({"precompiled", "drl"})
    public String path;

    @Benchmark
    public Reasoner build() {
        return switch (path) {
            case "precompiled" -> Threshold.builder().build();
            case "drl" -> Threshold.builder().defaultPacks(false).pack(EssayRulePack.fromDrl()).build();
            default -> throw new IllegalArgumentException("unknown path (" + path + "). Maybe precompiled or drl.");
        };
    }
}
