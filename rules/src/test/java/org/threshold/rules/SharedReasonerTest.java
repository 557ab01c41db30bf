package org.threshold.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.scenario.ScenarioReader;

/** One reasoner shared by several threads gives every thread the single-threaded results. */
class SharedReasonerTest {

    @Test
    void aSharedReasonerGivesEveryThreadTheSameAssessmentsAsOneThread() throws Exception {
        // GIVEN the example scenarios and their single-threaded assessments
        Reasoner reasoner = Threshold.builder().build();
        List<Scenario> scenarios = new ArrayList<>();
        try (var files = Files.list(Path.of("..", "examples", "scenarios"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> scenarios.add(ScenarioReader.read(f)));
        }
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(5);
        List<Assessment> expected = scenarios.stream().map(reasoner::assess).toList();

        // WHEN four threads assess them all, interleaved, many times over
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                int checked = 0;
                for (int i = 0; i < 300; i++) {
                    int k = (i + offset) % scenarios.size();
                    Assessment a = reasoner.assess(scenarios.get(k));
                    // THEN each equals the single-threaded one
                    assertThat(a).isEqualTo(expected.get(k));
                    checked++;
                }
                return checked;
            }));
        }
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(1200);
    }
}
