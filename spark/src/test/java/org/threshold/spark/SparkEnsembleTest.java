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
import org.junit.jupiter.api.io.TempDir;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleSummary;
import org.threshold.report.EnsembleReport;

/** The Spark job and the executors' reasoners, in one {@code local[2]} context. */
class SparkEnsembleTest {

    private static final String DRL = """
            package org.example.extra
            import org.threshold.fact.AsOf
            rule "extra: noop"
            when
                AsOf()
            then
            end
            """;

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

    /**
     * The path every executor of a cluster takes: the user's rule file travels as text and the
     * executors build their reasoner from it (in this JVM no reasoner of these rules exists
     * before the job runs), giving the JSON of the local command with {@code --rules FILE}.
     */
    @Test
    void userRulesShippedAsTextGiveTheLocalCommandsJson(@TempDir Path dir) throws Exception {
        Path rule = dir.resolve("escalate.drl");
        Files.writeString(rule, """
                package org.example.escalate
                import org.threshold.fact.AsOf
                import org.threshold.fact.Faction
                import org.threshold.fact.Stance
                import org.threshold.fact.Strike
                import org.threshold.fact.Party
                import org.threshold.fact.Target
                rule "strong hardliners answer with a capital strike"
                when
                    AsOf( $day : day )
                    Faction( stance == Stance.HARDLINE, influence > 0.5 )
                then
                    insert( new Strike( $day, Party.OBSERVER, Target.CAPITAL, 0.9 ) );
                end
                """);
        Path file = SparkEnsembleCommandTest.UNCERTAIN;
        EnsembleJob job = new EnsembleJob(file.toString(), Files.readString(file),
                RulesSpec.read(true, List.of(rule), Threshold.DEFAULT_MAX_FIRINGS), new EnsembleOptions(600, 4, false));
        long builtBefore = ExecutorEnsembles.reasonersBuilt();

        EnsembleSummary onSpark = SparkEnsemble.run(spark, job, 5);
        SparkEnsembleCommandTest.Run local = SparkEnsembleCommandTest.local("ensemble", file.toString(), "--samples", "600",
                "--seed", "4", "--format", "json", "--threads", "2", "--rules", rule.toString());
        SparkEnsembleCommandTest.Run withoutRule = SparkEnsembleCommandTest.local("ensemble", file.toString(), "--samples",
                "600", "--seed", "4", "--format", "json", "--threads", "2");

        assertThat(ExecutorEnsembles.reasonersBuilt() - builtBefore).isEqualTo(1);
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(EnsembleReport.toJson(onSpark) + System.lineSeparator()).isEqualTo(local.out())
                .isNotEqualTo(withoutRule.out());
    }

    @Test
    void everyTaskOfAJobInOneJvmSharesOneReasonerBuiltOnce() {
        // rules no other test builds, so that this JVM has not built their reasoner yet
        RulesSpec rules = new RulesSpec(false, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", DRL.replace("noop", "shared"))), List.of())),
                Threshold.DEFAULT_MAX_FIRINGS);
        long builtBefore = ExecutorEnsembles.reasonersBuilt();

        List<Integer> identities = spark.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8)
                .map(i -> System.identityHashCode(ExecutorEnsembles.reasoner(rules)))
                .collect();

        assertThat(identities).hasSize(8).containsOnly(System.identityHashCode(ExecutorEnsembles.reasoner(rules)));
        assertThat(ExecutorEnsembles.reasonersBuilt() - builtBefore).isEqualTo(1);
    }

    @Test
    void equalRulesShareAReasonerAndChangedRulesGetTheirOwn() {
        RulesSpec a = new RulesSpec(false, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", DRL)), List.of())), Threshold.DEFAULT_MAX_FIRINGS);
        RulesSpec sameContent = new RulesSpec(false, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", new String(DRL))), List.of())), Threshold.DEFAULT_MAX_FIRINGS);
        RulesSpec changed = new RulesSpec(false, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", DRL.replace("noop", "nothing"))), List.of())),
                Threshold.DEFAULT_MAX_FIRINGS);

        Reasoner first = ExecutorEnsembles.reasoner(a);

        assertThat(ExecutorEnsembles.reasoner(sameContent)).isSameAs(first);
        Reasoner other = ExecutorEnsembles.reasoner(changed);
        assertThat(other).isNotSameAs(first);
        assertThat(other.ruleNames()).contains("extra: nothing").doesNotContain("extra: noop");
    }
}
