package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.OBSERVER_CONFIDENCE;
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
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.ThresholdCrossing;

/**
 * confidence.drl: observer confidence Q = 1 - 0.70 * 0.75^K, K the conveyor cycles: DEEP or
 * CAPITAL strikes, by either party, whose response window closed with no threshold crossing in it
 * (MODEL.md metric 9).
 */
class ConfidenceRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    @Test
    void withoutConveyorCyclesConfidenceStartsAtItsInitialValue() {
        // K = 0: Q = 1 - 0.70 = 0.30
        Assessment a = REASONER.assess(scenario().build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.30);
    }

    @ParameterizedTest(name = "a {1} strike by the {0} whose window closed is a conveyor cycle")
    @CsvSource({"PROXY, DEEP", "PROXY, CAPITAL", "OBSERVER, DEEP", "OBSERVER, CAPITAL"})
    void deepOrCapitalStrikeByEitherPartyIsAConveyorCycle(Party by, Target target) {
        // K = 1: Q = 1 - 0.70 * 0.75 = 0.475
        Assessment a = REASONER.assess(scenario().event(new Strike(daysAgo(40), by, target, 0.5)).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.475);
    }

    @ParameterizedTest(name = "a {1} strike by the {0} is no conveyor cycle")
    @CsvSource({"PROXY, FRONTLINE", "PROXY, INFRASTRUCTURE", "OBSERVER, FRONTLINE", "OBSERVER, INFRASTRUCTURE"})
    void shallowStrikeIsNoConveyorCycle(Party by, Target target) {
        // K = 0: Q = 0.30
        Assessment a = REASONER.assess(scenario().event(new Strike(daysAgo(40), by, target, 1.0)).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.30);
    }

    @Test
    void strikeOnTheLastDayOfItsWindowIsNotYetACycle() {
        // asOf = day + 30: window still open, K = 0, Q = 0.30
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(30), Party.PROXY, Target.CAPITAL, 1.0)).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.30);
    }

    @Test
    void strikeBecomesACycleTheDayAfterItsWindow() {
        // asOf = day + 31: closed unanswered, K = 1, Q = 0.475
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(31), Party.PROXY, Target.CAPITAL, 1.0)).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.475);
    }

    @Test
    void crossingOnTheLastDayOfTheWindowAnswersTheStrike() {
        // crossing on day + 30: K = 0, Q = 0.30
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(60), Party.PROXY, Target.DEEP, 1.0))
                .event(new ThresholdCrossing(daysAgo(30)))
                .build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.30);
    }

    @Test
    void crossingTheDayAfterTheWindowDoesNotAnswerTheStrike() {
        // crossing on day + 31: K = 1, Q = 0.475
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(60), Party.PROXY, Target.DEEP, 1.0))
                .event(new ThresholdCrossing(daysAgo(29)))
                .build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.475);
    }

    @Test
    void crossingOnTheStrikesOwnDayAnswersIt() {
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(60), Party.OBSERVER, Target.CAPITAL, 1.0))
                .event(new ThresholdCrossing(daysAgo(60)))
                .build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.30);
    }

    @Test
    void eachCycleShrinksTheRemainingDoubt() {
        // K = 2: Q = 1 - 0.70 * 0.5625 = 0.60625; K = 3: Q = 1 - 0.70 * 0.421875 = 0.7046875
        Assessment two = REASONER.assess(scenario()
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(50), Party.PROXY, Target.CAPITAL, 1.0))
                .build());
        Assessment three = REASONER.assess(scenario()
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(50), Party.PROXY, Target.CAPITAL, 1.0))
                .event(new Strike(daysAgo(60), Party.OBSERVER, Target.DEEP, 1.0))
                .build());

        assertThat(two).hasMetric(OBSERVER_CONFIDENCE, 0.60625);
        assertThat(three).hasMetric(OBSERVER_CONFIDENCE, 0.7046875);
    }

    @Test
    void identicalStrikesAreTwoCycles() {
        // K = 2: Q = 0.60625
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.60625);
    }

    @Test
    void oneCrossingAnswersEveryStrikeWhoseWindowHoldsIt() {
        // crossing 40 days ago answers the strikes of 60 and 50 days ago, not the one of 100: K = 1, Q = 0.475
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(60), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(50), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(100), Party.PROXY, Target.DEEP, 1.0))
                .event(new ThresholdCrossing(daysAgo(40)))
                .build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.475);
    }

    @Test
    void calibratedResponseWindowDelaysTheCycle() {
        // responseWindowDays 45: a strike 31 days old is still open, K = 0, Q = 0.30 (0.475 by default)
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(31), Party.PROXY, Target.CAPITAL, 1.0))
                .calibrate("responseWindowDays", 45).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.30);
    }

    @Test
    void calibratedInitialConfidenceAndGrowthChangeConfidence() {
        // confidence.initial 0.5, confidence.growth 0.5, K = 1: Q = 1 - (1 - 0.5) * 0.5 = 0.75
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .calibrate("confidence.initial", 0.5).calibrate("confidence.growth", 0.5).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.75);
    }
}
