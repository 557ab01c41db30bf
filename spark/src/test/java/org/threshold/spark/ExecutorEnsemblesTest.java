package org.threshold.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threshold.Reasoner;
import org.threshold.Threshold;

class ExecutorEnsemblesTest {

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
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("executor-ensembles-test")
                .set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyTaskOfAJobInOneJvmSharesOneReasonerBuiltOnce() {
        // rules no other test builds, so that this JVM has not built their reasoner yet
        RulesSpec rules = new RulesSpec(true, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", DRL.replace("noop", "shared"))), java.util.Map.of())),
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
        RulesSpec a = new RulesSpec(true, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", DRL)), java.util.Map.of())), Threshold.DEFAULT_MAX_FIRINGS);
        RulesSpec sameContent = new RulesSpec(true, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", new String(DRL))), java.util.Map.of())), Threshold.DEFAULT_MAX_FIRINGS);
        RulesSpec changed = new RulesSpec(true, List.of(new RulesSpec.Pack("extra",
                List.of(new RulesSpec.DrlFile("extra.drl", DRL.replace("noop", "nothing"))), java.util.Map.of())),
                Threshold.DEFAULT_MAX_FIRINGS);

        Reasoner first = ExecutorEnsembles.reasoner(a);

        assertThat(ExecutorEnsembles.reasoner(sameContent)).isSameAs(first);
        Reasoner other = ExecutorEnsembles.reasoner(changed);
        assertThat(other).isNotSameAs(first);
        assertThat(other.ruleNames()).contains("extra: nothing").doesNotContain("extra: noop");
    }
}
