package org.threshold.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.ParameterPaths;

/**
 * The processor time of one assessment, measured on the benchmark thread's own clock: a check of
 * {@link AssessBenchmark}'s figures on a machine that other work shares. Wall-clock times (what
 * JMH reports) grow with every other process that takes the cores; the time the operating system
 * charges to this thread grows much less, so comparisons made on a busy machine stay fair.
 *
 * <p>For each scenario it measures a fresh assessment ({@code drools}), the plain-Java baseline
 * ({@code plainJava}), and a one-fact change in a live session with its assessment read back
 * ({@code oneFact}: the return ticket's finance score moved by 0.05 and back, as in
 * {@link IncrementalBenchmark}). Each runs warm-up rounds, then {@code rounds} rounds of about
 * {@code seconds} each; the median and the lowest round are printed in µs of processor time per
 * operation. A plain main class, not part of
 * any build or test run:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.threshold.benchmarks.CpuTimePerAssessment [ROUNDS [SECONDS [SCENARIO...]]]
 * </pre>
 */
public final class CpuTimePerAssessment {

    private CpuTimePerAssessment() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        List<String> names = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of("conveyor-belt", "conveyor-policy", "faction-shift", "grave-threat", "inward-crack",
                        "moscow-struck", "threshold-crossed", Scenarios.EVENTS_30, Scenarios.EVENTS_100);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Reasoner reasoner = Threshold.builder().build();
        System.out.printf(Locale.ROOT, "%-18s %-10s %12s %12s%n", "scenario", "engine", "median µs", "lowest µs");
        // a first pass over everything, unmeasured, so that the compiler has seen every path
        // (on a busy machine its threads get little time, and the first scenario would pay)
        for (int pass = 0; pass < 2; pass++) {
            for (String name : names) {
                measure(name, reasoner, rounds, seconds, threads, pass == 1);
            }
        }
    }

    private static void measure(String name, Reasoner reasoner, int rounds, double seconds, ThreadMXBean threads,
            boolean print) {
        Scenario scenario = Scenarios.named(name);
        Scenario changed = ParameterPaths.resolve(scenario, "adversary.returnTicket.finance")
                .at(scenario.returnTicket().finance() <= 0.95 ? scenario.returnTicket().finance() + 0.05
                        : scenario.returnTicket().finance() - 0.05);
        Scenario[] pair = {scenario, changed};
        int[] turn = {0};
        try (ReasoningSession live = reasoner.open(scenario)) {
            Map<String, Supplier<Object>> modes = new LinkedHashMap<>();
            modes.put("drools", () -> reasoner.assess(scenario));
            modes.put("plainJava", () -> PlainJavaAssessor.assess(scenario));
            modes.put("oneFact", () -> live.reassess(pair[turn[0] ^= 1]));
            for (Map.Entry<String, Supplier<Object>> mode : modes.entrySet()) {
                Supplier<Object> op = mode.getValue();
                long n = calibrate(op, seconds, threads);
                if (!print) {
                    continue;
                }
                for (int w = 0; w < 3; w++) {
                    round(op, n, threads);
                }
                List<Double> perOp = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    perOp.add(round(op, n, threads));
                }
                perOp.sort(null);
                System.out.printf(Locale.ROOT, "%-18s %-10s %12.3f %12.3f%n", name, mode.getKey(),
                        perOp.get(perOp.size() / 2), perOp.get(0));
            }
        }
    }

    /** How many assessments make about {@code seconds} of processor time. */
    private static long calibrate(Supplier<Object> op, double seconds, ThreadMXBean threads) {
        long n = 100;
        while (true) {
            long start = threads.getCurrentThreadCpuTime();
            for (long i = 0; i < n; i++) {
                op.get();
            }
            long took = threads.getCurrentThreadCpuTime() - start;
            if (took > 100_000_000L) {
                return Math.max(100, (long) (n * seconds * 1e9 / took));
            }
            n *= 4;
        }
    }

    /** One round of {@code n} assessments: µs of processor time per assessment. */
    private static double round(Supplier<Object> op, long n, ThreadMXBean threads) {
        Object sink = null;
        long start = threads.getCurrentThreadCpuTime();
        for (long i = 0; i < n; i++) {
            sink = op.get();
        }
        long took = threads.getCurrentThreadCpuTime() - start;
        if (sink == null) {
            throw new IllegalStateException("no assessment");
        }
        return took / 1e3 / n;
    }
}
