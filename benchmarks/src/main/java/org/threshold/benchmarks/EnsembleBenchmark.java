package org.threshold.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
import org.threshold.Assessment;
import org.threshold.Finding;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.RulePack;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleSummary;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;

/**
 * How long does an ensemble of 10,000 draws of moscow-struck-uncertain (five uncertain
 * parameters) take on all cores with one shared reasoner, draws, assessments and summary
 * included ({@code engine=drools})? Beside it the same ensemble with every draw assessed by the
 * plain-Java formulas ({@code engine=plainJava}): the cost of drawing, building the drawn
 * scenarios and summarising, with no engine.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EnsembleBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EnsembleBenchmark {

    @Param({"drools", "plainJava"})
    public String engine;

    @Param({"10000"})
    public long samples;

    private Ensemble ensemble;
    private int threads;

    @Setup(Level.Trial)
    public void setUp() {
        Reasoner drools = Threshold.builder().build();
        Reasoner reasoner = Engine.of(engine) == Engine.DROOLS ? drools : new PlainJavaReasoner(drools.packs());
        Scenario s = Scenarios.named("moscow-struck-uncertain");
        ensemble = Ensemble.of(reasoner, s, EnsembleOptions.defaults().withSamples(samples));
        threads = Runtime.getRuntime().availableProcessors();
    }

    @Benchmark
    public EnsembleSummary ensemble() {
        return ensemble.run(threads, null);
    }

    /** The plain-Java formulas behind the reasoner interface, for the draws of an ensemble; no explanations. */
    static final class PlainJavaReasoner implements Reasoner {
        private final List<RulePack> packs;

        PlainJavaReasoner(List<RulePack> packs) {
            this.packs = packs;
        }

        @Override
        public Assessment assess(Scenario scenario) {
            PlainJavaAssessor.Result r = PlainJavaAssessor.assess(scenario);
            List<Finding> findings = new ArrayList<>(r.conclusions().size());
            for (String c : r.conclusions()) {
                findings.add(new Finding(c, null, null, List.of()));
            }
            return new Assessment(scenario.name(), scenario.asOf(), r.posture(), List.of(), r.riskLevel(), List.of(),
                    r.metrics(), findings);
        }

        @Override
        public List<RulePack> packs() {
            return packs;
        }

        @Override
        public List<String> ruleNames() {
            return List.of();
        }

        @Override
        public boolean precompiled() {
            return false;
        }

        @Override
        public Timeline simulate(Scenario scenario, SimulationOptions options) {
            throw new UnsupportedOperationException("the plain-Java baseline only assesses");
        }

        @Override
        public ReasoningSession open(Scenario scenario) {
            throw new UnsupportedOperationException("the plain-Java baseline only assesses");
        }
    }
}
