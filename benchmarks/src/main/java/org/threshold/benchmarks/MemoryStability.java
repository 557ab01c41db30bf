package org.threshold.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.scenario.ScenarioReader;

/**
 * Does a long-lived, shared reasoner keep its memory? {@code DefaultReasoner.assess} takes an
 * engine session from a pool and disposes of it; a session that leaked would show as used heap
 * that grows with the number of assessments. This runs {@code N} assessments (default 10^6) of the
 * example scenarios on a few threads sharing one reasoner, and prints the used heap after a full
 * garbage collection at 0, N/4, N/2, 3N/4 and N assessments.
 *
 * <p>Not a JMH benchmark (it measures memory, not time) and not part of any build. Run it with:
 *
 * <pre>
 * mvn -B -q -pl core,rules,benchmarks -am package -DskipTests
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.threshold.benchmarks.MemoryStability 1000000 2 examples/scenarios
 * </pre>
 *
 * Arguments: the number of assessments, the number of threads, the folder of scenario files.
 */
public final class MemoryStability {

    private MemoryStability() {
    }

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path folder = Path.of(args.length > 2 ? args[2] : "examples/scenarios");

        List<Scenario> scenarios = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> scenarios.add(ScenarioReader.read(f)));
        }
        Reasoner reasoner = Threshold.builder().build();
        List<Assessment> expected = scenarios.stream().map(reasoner::assess).toList();

        System.out.printf("%d assessments of %d scenarios on %d threads, one shared reasoner; max heap %d MiB%n",
                total, scenarios.size(), threads, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%12s  %14s  %10s%n", "assessments", "heap after GC", "seconds");
        long start = System.nanoTime();
        report(0, start);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // the pool's threads must not keep the program alive once an assessment differed
        try {
            for (int quarter = 1; quarter <= 4; quarter++) {
                long target = total * quarter / 4;
                List<Future<?>> work = new ArrayList<>();
                long perThread = (target - done.get()) / threads;
                long extra = (target - done.get()) % threads;
                for (int t = 0; t < threads; t++) {
                    long n = perThread + (t < extra ? 1 : 0);
                    int offset = t;
                    work.add(pool.submit(() -> {
                        for (long i = 0; i < n; i++) {
                            int k = (int) ((i + offset) % scenarios.size());
                            if (!reasoner.assess(scenarios.get(k)).equals(expected.get(k))) {
                                throw new IllegalStateException("an assessment differs from the first one of " + scenarios.get(k).name());
                            }
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                report(done.get(), start);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(long done, long start) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long used = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("%12d  %10.1f MiB  %10.1f%n", done, used / 1048576.0, (System.nanoTime() - start) / 1e9);
    }
}
