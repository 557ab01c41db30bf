package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.HUMILIATION;
import static org.threshold.rules.essay.EssayScenarios.AS_OF;
import static org.threshold.rules.essay.EssayScenarios.daysAfter;
import static org.threshold.rules.essay.EssayScenarios.daysAgo;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.fact.Party;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;

/**
 * humiliation.drl: humiliation H, MODEL.md metric 3:
 * clamp(sum of w(target) * m(by) * severity - sum of relief * severity), each term faded by the
 * optional half-life.
 */
class HumiliationRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    @Test
    void capitalStrikeByProxyAddsItsWeightTimesSeverity() {
        // H = 0.25 * 1 * 0.6 = 0.15
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(1), Party.PROXY, Target.CAPITAL, 0.6)).build());

        assertThat(a).hasMetric(HUMILIATION, 0.15);
    }

    @ParameterizedTest(name = "{0} strike of severity {1} by the proxy adds {2}")
    @CsvSource({
            // w(target) * 1 * severity
            "FRONTLINE,      1.0, 0.01",
            "INFRASTRUCTURE, 0.5, 0.02",
            "DEEP,           0.5, 0.04",
            "CAPITAL,        0.8, 0.20",
    })
    void eachTargetHasItsOwnWeight(Target target, double severity, double expected) {
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(3), Party.PROXY, target, severity)).build());

        assertThat(a).hasMetric(HUMILIATION, expected);
    }

    @Test
    void strikeByTheObserverItselfCountsTwice() {
        // H = 0.08 * 2.0 * 0.5 = 0.08 (0.04 by the proxy)
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(2), Party.OBSERVER, Target.DEEP, 0.5)).build());

        assertThat(a).hasMetric(HUMILIATION, 0.08);
    }

    @Test
    void strikesAddUp() {
        // H = 0.01 * 1.0 + 0.04 * 1.0 + 0.08 * 1.0 + 0.25 * 1.0 (proxy) + 0.25 * 2.0 * 0.2 (observer)
        //   = 0.38 + 0.10 = 0.48
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(9), Party.PROXY, Target.FRONTLINE, 1.0))
                .event(new Strike(daysAgo(8), Party.PROXY, Target.INFRASTRUCTURE, 1.0))
                .event(new Strike(daysAgo(7), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(6), Party.PROXY, Target.CAPITAL, 1.0))
                .event(new Strike(daysAgo(5), Party.OBSERVER, Target.CAPITAL, 0.2))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.48);
    }

    @Test
    void retaliationRelievesHumiliation() {
        // H = 0.25 * 1.0 - 0.10 * 0.5 = 0.25 - 0.05 = 0.20
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(10), Party.PROXY, Target.CAPITAL, 1.0))
                .event(new Retaliation(daysAgo(5), 0.5))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.20);
    }

    @Test
    void retaliationAloneLeavesNoNegativeHumiliation() {
        // H = clamp(-0.10 * 1.0) = 0
        Assessment a = REASONER.assess(scenario().event(new Retaliation(daysAgo(5), 1.0)).build());

        assertThat(a).hasMetric(HUMILIATION, 0.0);
    }

    @Test
    void clampAppliesOnceToTheSignedTotalAboveOne() {
        // strikes: 2 * (0.25 * 2.0 * 1.0) + 0.25 * 1 * 0.8 = 1.0 + 0.2 = 1.2
        // retaliations: 3 * 0.10 * 1.0 = 0.3
        // H = clamp(1.2 - 0.3) = 0.9 (clamping the strikes first would give 1.0 - 0.3 = 0.7)
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(20), Party.OBSERVER, Target.CAPITAL, 1.0))
                .event(new Strike(daysAgo(19), Party.OBSERVER, Target.CAPITAL, 1.0))
                .event(new Strike(daysAgo(18), Party.PROXY, Target.CAPITAL, 0.8))
                .event(new Retaliation(daysAgo(10), 1.0))
                .event(new Retaliation(daysAgo(9), 1.0))
                .event(new Retaliation(daysAgo(8), 1.0))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.9);
    }

    @Test
    void clampAppliesOnceToTheSignedTotalBelowZero() {
        // the retaliation comes first: clamping as the days go would give clamp(0 - 0.1) = 0, then 0 + 0.15 = 0.15
        // H = clamp(0.25 * 0.6 - 0.10 * 1.0) = clamp(0.15 - 0.10) = 0.05
        Assessment a = REASONER.assess(scenario()
                .event(new Retaliation(daysAgo(30), 1.0))
                .event(new Strike(daysAgo(2), Party.PROXY, Target.CAPITAL, 0.6))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.05);
    }

    @Test
    void humiliationSaturatesAtOne() {
        // H = clamp(3 * 0.25 * 2.0 * 1.0) = clamp(1.5) = 1
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(3), Party.OBSERVER, Target.CAPITAL, 1.0))
                .event(new Strike(daysAgo(2), Party.OBSERVER, Target.CAPITAL, 1.0))
                .event(new Strike(daysAgo(1), Party.OBSERVER, Target.CAPITAL, 1.0))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 1.0);
    }

    @Test
    void identicalStrikesCountTwice() {
        // two equal strikes are two strikes: H = 2 * 0.25 * 0.6 = 0.30
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(4), Party.PROXY, Target.CAPITAL, 0.6))
                .event(new Strike(daysAgo(4), Party.PROXY, Target.CAPITAL, 0.6))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.30);
    }

    @Test
    void sameStrikeObjectGivenTwiceCountsTwice() {
        // H = 2 * 0.08 * 2.0 * 0.5 = 0.16
        Strike strike = new Strike(daysAgo(4), Party.OBSERVER, Target.DEEP, 0.5);

        Assessment a = REASONER.assess(scenario().event(strike).event(strike).build());

        assertThat(a).hasMetric(HUMILIATION, 0.16);
    }

    @Test
    void identicalRetaliationsCountTwice() {
        // H = 0.25 * 1.0 - 2 * 0.10 * 0.5 = 0.25 - 0.10 = 0.15
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(9), Party.PROXY, Target.CAPITAL, 1.0))
                .event(new Retaliation(daysAgo(3), 0.5))
                .event(new Retaliation(daysAgo(3), 0.5))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.15);
    }

    @Test
    void strikesAndRetaliationsAfterAsOfAreIgnored() {
        // only the strike on asOf counts: H = 0.25 * 0.6 = 0.15
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(AS_OF, Party.PROXY, Target.CAPITAL, 0.6))
                .event(new Strike(daysAfter(1), Party.OBSERVER, Target.CAPITAL, 1.0))
                .event(new Retaliation(daysAfter(1), 1.0))
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.15);
    }

    @Test
    void humiliationDoesNotFadeWithoutAHalfLife() {
        // H = 0.25 * 0.8 = 0.20, however old the strike
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(3000), Party.PROXY, Target.CAPITAL, 0.8)).build());

        assertThat(a).hasMetric(HUMILIATION, 0.20);
    }

    @Test
    void halfLifeFadesEachTermByItsAge() {
        // GIVEN a half-life of 10 days
        // strike 20 days old: 0.25 * 0.8 * 0.5^(20/10) = 0.20 * 0.25 = 0.05
        // strike on asOf:     0.08 * 1.0 * 0.5^0        = 0.08
        // retaliation 10 days old: 0.10 * 0.6 * 0.5^(10/10) = 0.03
        // H = 0.05 + 0.08 - 0.03 = 0.10
        var scenario = scenario()
                .event(new Strike(daysAgo(20), Party.PROXY, Target.CAPITAL, 0.8))
                .event(new Strike(AS_OF, Party.PROXY, Target.DEEP, 1.0))
                .event(new Retaliation(daysAgo(10), 0.6))
                .calibrate("humiliation.halfLifeDays", 10)
                .build();

        // WHEN
        Assessment a = REASONER.assess(scenario);

        // THEN
        assertThat(a).hasMetric(HUMILIATION, 0.10);
    }

    @Test
    void halfLifeNeedNotBeAWholeNumberOfDays() {
        // strike 5 days old, half-life 2.5 days: H = 0.25 * 1.0 * 0.5^(5/2.5) = 0.25 * 0.25 = 0.0625
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(5), Party.PROXY, Target.CAPITAL, 1.0))
                .calibrate("humiliation.halfLifeDays", 2.5)
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.0625);
    }

    @Test
    void calibratedCapitalWeightChangesHumiliation() {
        // humiliation.weight.capital 0.3: H = 0.3 * 0.6 = 0.18 (0.15 by default)
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(1), Party.PROXY, Target.CAPITAL, 0.6))
                .calibrate("humiliation.weight.capital", 0.3)
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.18);
    }

    @Test
    void calibratedObserverMultiplierAndReliefChangeHumiliation() {
        // m(OBSERVER) = 3, relief = 0.2: H = 0.08 * 3 * 0.5 - 0.2 * 0.25 = 0.12 - 0.05 = 0.07
        // (defaults: 0.08 * 2 * 0.5 - 0.1 * 0.25 = 0.055)
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(6), Party.OBSERVER, Target.DEEP, 0.5))
                .event(new Retaliation(daysAgo(2), 0.25))
                .calibrate("humiliation.observerMultiplier", 3)
                .calibrate("humiliation.relief", 0.2)
                .build());

        assertThat(a).hasMetric(HUMILIATION, 0.07);
    }
}
