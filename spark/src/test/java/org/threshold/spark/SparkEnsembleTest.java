package org.threshold.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threshold.Threshold;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleSummary;

class SparkEnsembleTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("spark-ensemble-test")
                .set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void rangesCoverEveryDrawOnceInNearlyEqualContiguousParts() {
        List<SparkEnsemble.DrawRange> ranges = SparkEnsemble.ranges(1003, 4);

        assertThat(ranges).containsExactly(new SparkEnsemble.DrawRange(0, 251), new SparkEnsemble.DrawRange(251, 502),
                new SparkEnsemble.DrawRange(502, 753), new SparkEnsemble.DrawRange(753, 1003));
        assertThat(SparkEnsemble.ranges(3, 8)).hasSize(3).allSatisfy(r -> assertThat(r.to() - r.from()).isEqualTo(1));
    }

    @Test
    void theJobsSummaryEqualsTheLocalRunsAndItsProgressEndsAtEveryDraw() throws Exception {
        Path file = SparkEnsembleCommandTest.UNCERTAIN;
        EnsembleJob job = new EnsembleJob(file.toString(), Files.readString(file),
                new RulesSpec(true, List.of(), Threshold.DEFAULT_MAX_FIRINGS), new EnsembleOptions(900, 5, false));
        List<long[]> told = new ArrayList<>();

        EnsembleSummary onSpark = SparkEnsemble.run(spark, job, 6, (done, total) -> {
            synchronized (told) {
                told.add(new long[] {done, total});
            }
        });
        Ensemble local = ExecutorEnsembles.ensemble(job);

        assertThat(onSpark).isEqualTo(local.run(2, null));
        assertThat(told).isNotEmpty().allSatisfy(t -> assertThat(t[1]).isEqualTo(900));
        assertThat(told.get(told.size() - 1)[0]).isEqualTo(900);
        assertThat(told).extracting(t -> t[0]).isSorted();
    }
}
