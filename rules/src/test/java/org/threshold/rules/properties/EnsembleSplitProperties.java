package org.threshold.rules.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.ensemble.DrawResults;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleSummary;
import org.threshold.scenario.ScenarioReader;

/**
 * Any split of an ensemble's rows, in any order, gives the summary of one part covering them
 * all, bit for bit: with and without sensitivity, for any seed.
 */
class EnsembleSplitProperties {

    private static final long SEED = Long.getLong("QT_SEED", 20261130L);
    private static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", 25);

    private static Reasoner reasoner;
    private static Scenario scenario;

    @BeforeAll
    static void build() {
        reasoner = Threshold.builder().build();
        scenario = ScenarioReader.read(Path.of("../examples/scenarios/moscow-struck-uncertain.yaml"));
    }

    @Test
    void anySplitInAnyOrderGivesTheSummaryOfOnePart() {
        QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(longs().between(-5, 5), integers().between(0, 1),
                        lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 12), longs().all())
                .checkAssert((seed, sensitivity, cutPoints, shuffle) -> {
                    Ensemble e = Ensemble.of(reasoner, scenario,
                            new EnsembleOptions(sensitivity == 1 ? 30 : 150, seed, sensitivity == 1));
                    long n = e.assessments();
                    TreeSet<Long> cuts = new TreeSet<>();
                    cuts.add(0L);
                    cuts.add(n);
                    cutPoints.forEach(c -> cuts.add(c % (n + 1)));
                    List<DrawResults> parts = new ArrayList<>();
                    Long from = null;
                    for (long c : cuts) {
                        if (from != null) {
                            parts.add(e.evaluate(from, c));
                        }
                        from = c;
                    }
                    Collections.shuffle(parts, new Random(shuffle));

                    EnsembleSummary split = e.summarise(parts);
                    EnsembleSummary whole = e.summarise(List.of(e.evaluate(0, n)));
                    assertThat(split).isEqualTo(whole);
                    assertThat(org.threshold.report.EnsembleReport.toJson(split))
                            .isEqualTo(org.threshold.report.EnsembleReport.toJson(whole));
                });
    }
}
