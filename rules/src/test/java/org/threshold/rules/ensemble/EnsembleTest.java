package org.threshold.rules.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.ensemble.DrawResults;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleSummary;
import org.threshold.report.EnsembleReport;
import org.threshold.scenario.ScenarioReader;

/**
 * Ensembles of the essay's rules: shares against probabilities worked out by hand from MODEL.md,
 * and the same summary, bit for bit, however the draws are split.
 */
class EnsembleTest {

    private static final int N = 20_000;
    private static Reasoner reasoner;

    @BeforeAll
    static void build() {
        reasoner = Threshold.builder().build();
    }

    private static double share(String yaml, String conclusion) {
        Scenario s = ScenarioReader.read("hand.yaml", yaml);
        EnsembleSummary summary = Ensemble.of(reasoner, s, EnsembleOptions.defaults().withSamples(N)).run(2, null);
        return summary.conclusions().get(conclusion).probability();
    }

    /** Within four standard errors of a share of N draws (a miss by chance has odds of about 1 in 16,000). */
    private static void assertNear(double share, double exact) {
        double se = Math.sqrt(exact * (1 - exact) / N);
        assertThat(share).as("share against %s, se %s", exact, se).isBetween(exact - 4 * se, exact + 4 * se);
    }

    @Test
    void aUniformHardlinerInfluenceShiftsTheFactionsWithTheProbabilityWorkedByHand() {
        // no strikes: H = 0, E = 0, HL* = HL = i / (i + 0.65) >= 0.5 iff i >= 0.65; i ~ U(0.5, 0.9): P = 0.25 / 0.4
        double p = share("""
                name: hand
                asOf: 2026-01-01
                adversary:
                  factions:
                    - {name: pragmatists, stance: PRAGMATIC, influence: 0.65}
                    - {name: hardliners, stance: HARDLINE, influence: 0.7}
                uncertainty:
                  factions.hardliners.influence: {uniform: [0.5, 0.9]}
                """, "FACTION_SHIFT");
        assertNear(p, 0.625);
    }

    @Test
    void aChoiceOfTheSignalsNeededGivesTheLongWarInHalfTheDraws() {
        // two signals; the long war needs k of them, k one of 1, 2, 3, 4: holds for k <= 2
        double p = share("""
                name: hand
                asOf: 2026-01-01
                observer: {signals: [LONG_WAR_BUDGETING, REARMAMENT]}
                uncertainty:
                  longWar.signals: {choice: [1, 2, 3, 4]}
                """, "OBSERVER_EXPECTS_LONG_WAR");
        assertNear(p, 0.5);
    }

    @Test
    void aTriangularReturnTicketBoundsTheAdversaryWithTheProbabilityWorkedByHand() {
        // no factions: RT* = RT = (f + 0.6) / 4 >= 0.30 iff f >= 0.6; f ~ Tri(0, 0.5, 1): P = (1 - 0.6)^2 / (1 x 0.5)
        double p = share("""
                name: hand
                asOf: 2026-01-01
                adversary:
                  capacity: 0.9
                  returnTicket: {finance: 0.5, recognition: 0.2, eliteAspiration: 0.2, negotiability: 0.2}
                uncertainty:
                  adversary.returnTicket.finance: {triangular: [0, 0.5, 1]}
                """, "BOUNDED_ADVERSARY");
        assertNear(p, 0.32);
    }

    @Test
    void aTruncatedNormalBudgetStrainCracksInwardWithTheProbabilityWorkedByHand() {
        // S = (b + 1.8) / 4 >= 0.6 iff b >= 0.6, and the adversary is bounded (RT = 1, no factions);
        // b ~ N(0.6, 0.3) truncated to [0, 1]: P = (Phi(4/3) - 1/2) / (Phi(4/3) - Phi(-2))
        // = (0.908789 - 0.5) / (0.908789 - 0.022750) = 0.461366
        double p = share("""
                name: hand
                asOf: 2026-01-01
                adversary:
                  capacity: 0.9
                  returnTicket: {finance: 1, recognition: 1, eliteAspiration: 1, negotiability: 1}
                  strain: {budget: 0.6, legitimacy: 0.6, recruitment: 0.6, eliteCohesion: 0.6}
                uncertainty:
                  adversary.strain.budget: {normal: [0.6, 0.3]}
                """, "INWARD_CRACK_LIKELY");
        assertNear(p, 0.461366);
    }

    private static Ensemble moscow(EnsembleOptions options) {
        Scenario s = ScenarioReader.read(java.nio.file.Path.of("../examples/scenarios/moscow-struck-uncertain.yaml"));
        return Ensemble.of(reasoner, s, options);
    }

    @Test
    void anySplitOfTheDrawsInAnyOrderGivesTheSameSummaryBitForBit() {
        Ensemble e = moscow(EnsembleOptions.defaults().withSamples(3_000).withSeed(42));
        EnsembleSummary one = e.run(1, null);
        EnsembleSummary two = e.run(2, null);
        List<DrawResults> parts = new ArrayList<>();
        long[] cuts = {0, 1, 2, 700, 701, 1999, 2500, 3000};
        for (int i = 0; i + 1 < cuts.length; i++) {
            parts.add(e.evaluate(cuts[i], cuts[i + 1]));
        }
        parts.add(e.evaluate(1999, 1999));
        Collections.shuffle(parts, new Random(5));
        EnsembleSummary split = e.summarise(parts);

        assertThat(two).isEqualTo(one);
        assertThat(split).isEqualTo(one);
        assertThat(EnsembleReport.toJson(split)).isEqualTo(EnsembleReport.toJson(one));
        // and the ensemble is not trivial: some conclusions are uncertain
        assertThat(one.splits()).isNotEmpty();
    }

    @Test
    void withSensitivityTheSummaryIsAlsoTheSameHoweverTheRowsAreSplit() {
        Ensemble e = moscow(EnsembleOptions.defaults().withSamples(400).withSensitivity(true));
        assertThat(e.assessments()).isEqualTo(400 * 7);
        EnsembleSummary one = e.run(1, null);
        List<DrawResults> parts = new ArrayList<>();
        for (long from = 0; from < e.assessments(); from += 333) {
            parts.add(e.evaluate(from, Math.min(e.assessments(), from + 333)));
        }
        Collections.reverse(parts);
        EnsembleSummary split = e.summarise(parts);

        assertThat(split).isEqualTo(one);
        assertThat(one.draws()).isEqualTo(800);
        assertThat(one.sensitivity()).containsKey(Ensemble.RISK_METRIC);
        assertThat(one.sensitivity().get(Ensemble.RISK_METRIC)).hasSize(5)
                .isSortedAccordingTo((a, b) -> Double.compare(b.total(), a.total()));
    }

    @Test
    void aDrawDependsOnlyOnTheSeedAndItsIndex() {
        Ensemble small = moscow(EnsembleOptions.defaults().withSamples(10));
        Ensemble large = moscow(EnsembleOptions.defaults().withSamples(100_000));
        Ensemble otherSeed = moscow(EnsembleOptions.defaults().withSamples(10).withSeed(2));
        for (long i = 0; i < 10; i++) {
            assertThat(large.values(i)).isEqualTo(small.values(i));
            assertThat(otherSeed.values(i)).isNotEqualTo(small.values(i));
        }
        assertThat(small.values(3)).isNotEqualTo(small.values(4));
        // with sensitivity, base draw k's matrix A is draw k without it
        Ensemble saltelli = moscow(EnsembleOptions.defaults().withSamples(10).withSensitivity(true));
        assertThat(saltelli.values(3 * 7)).isEqualTo(small.values(3));
        double[] a = saltelli.values(3 * 7);
        double[] b = saltelli.values(3 * 7 + 1);
        double[] ab2 = saltelli.values(3 * 7 + 2 + 2);
        assertThat(ab2[2]).isEqualTo(b[2]);
        assertThat(ab2[0]).isEqualTo(a[0]);
        assertThat(ab2[4]).isEqualTo(a[4]);
    }

    @Test
    void partsThatLeaveAGapOrOverlapAreRefused() {
        Ensemble e = moscow(EnsembleOptions.defaults().withSamples(100));
        DrawResults a = e.evaluate(0, 50);
        assertThatThrownBy(() -> e.summarise(List.of(a))).hasMessage("no part covers the rows [50, 100)");
        assertThatThrownBy(() -> e.summarise(List.of(a, e.evaluate(40, 100)))).hasMessage("the parts overlap at row 40");
        assertThatThrownBy(() -> e.summarise(List.of(a, e.evaluate(60, 100)))).hasMessage("no part covers the rows [50, 60)");
        assertThatThrownBy(() -> e.evaluate(90, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScenarioWithoutUncertaintyOrWithAPathItDoesNotHaveIsRefused() {
        Scenario plain = ScenarioReader.read("p.yaml", "name: p\nasOf: 2026-01-01\n");
        assertThatThrownBy(() -> Ensemble.of(reasoner, plain, EnsembleOptions.defaults()))
                .hasMessageContaining("has no uncertain parameter");
        Scenario wrong = plain.withUncertainty(new org.threshold.ensemble.Uncertainty(java.util.Map.of(
                "factions.nobody.influence", new org.threshold.ensemble.Distribution.Uniform(0, 1))));
        assertThatThrownBy(() -> Ensemble.of(reasoner, wrong, EnsembleOptions.defaults()))
                .hasMessageStartingWith("uncertainty: unknown parameter 'factions.nobody.influence'");
    }
}
