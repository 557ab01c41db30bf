package org.threshold.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.scenario.ScenarioReader;
import org.threshold.testing.ScenarioGenerators;

/**
 * Many threads, one reasoner, varied scenarios: every assessment equals the one a single thread
 * made of the same scenario. Complements {@link SharedReasonerTest} (four threads, the example
 * files) with more threads than cores, generated scenarios of every shape, and each thread walking
 * the scenarios in its own order so that different scenarios run side by side.
 */
class ConcurrentAssessmentTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    @Test
    void eightThreadsSharingOneReasonerGetExactlyTheSingleThreadedAssessments() throws Exception {
        // GIVEN generated scenarios and the example files, each assessed once on this thread
        Reasoner reasoner = Threshold.builder().build();
        List<Scenario> scenarios = new ArrayList<>();
        qt().withExamples(150).forAll(ScenarioGenerators.standard().maxEvents(25).scenarios()).checkAssert(scenarios::add);
        try (var files = Files.list(Path.of("..", "examples", "scenarios"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> scenarios.add(ScenarioReader.read(f)));
        }
        List<Assessment> expected = scenarios.stream().map(reasoner::assess).toList();

        // WHEN eight threads, started together, each assess 500 of them in their own order
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int stride = 2 * t + 1;
            int offset = 37 * t;
            results.add(pool.submit(() -> {
                start.await();
                int checked = 0;
                for (int i = 0; i < PER_THREAD; i++) {
                    int k = (offset + i * stride) % scenarios.size();
                    // THEN each equals the single-threaded assessment exactly
                    assertThat(reasoner.assess(scenarios.get(k))).as(ScenarioGenerators.describe(scenarios.get(k)))
                            .isEqualTo(expected.get(k));
                    checked++;
                }
                return checked;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(THREADS * PER_THREAD);
    }
}
