package org.threshold.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;

/**
 * How much CPU does one warm assessment take on the thread that runs it? A cross-check of
 * {@link AssessBenchmark} for a machine that others share: wall-clock time there includes the
 * time the thread waits for a core, CPU time of the thread does not, so two builds compared by it
 * back to back can be told apart by a few per cent where JMH's figures vary two-fold.
 *
 * <p>One reasoner, 30,000 warm-up assessments of each scenario named, then 15 rounds of 3,000;
 * each round's thread CPU time divided by 3,000. Prints the median round and the fastest, in
 * microseconds per assessment. A plain main class, not part of any build or test run:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.threshold.benchmarks.AssessCpuTime moscow-struck events30 events100
 * </pre>
 */
public final class AssessCpuTime {

    private static final int WARM_UP = 30_000;
    private static final int ROUNDS = 15;
    private static final int PER_ROUND = 3_000;

    private AssessCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            System.err.println("this JVM does not measure thread CPU time");
            System.exit(1);
        }
        Reasoner reasoner = Threshold.builder().build();
        for (String name : args.length == 0 ? new String[] {Scenarios.EVENTS_30} : args) {
            Scenario scenario = Scenarios.named(name);
            Assessment first = reasoner.assess(scenario);
            for (int i = 0; i < WARM_UP; i++) {
                check(first, reasoner.assess(scenario));
            }
            double[] perAssessment = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                Assessment last = null;
                for (int i = 0; i < PER_ROUND; i++) {
                    last = reasoner.assess(scenario);
                }
                perAssessment[round] = (threads.getCurrentThreadCpuTime() - start) / (double) PER_ROUND / 1000.0;
                check(first, last);
            }
            Arrays.sort(perAssessment);
            System.out.printf(Locale.ROOT, "%-16s cpu µs per assessment: median %.2f, fastest %.2f%n", name,
                    perAssessment[ROUNDS / 2], perAssessment[0]);
        }
    }

    private static void check(Assessment expected, Assessment actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("an assessment differs from the first of its scenario: " + actual);
        }
    }
}
