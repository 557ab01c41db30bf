package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.THREATS_DISCOUNTED;
import static org.threshold.rules.EssayModel.THREAT_CREDIBILITY;
import static org.threshold.rules.essay.EssayScenarios.daysAgo;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

/**
 * credibility.drl: threat credibility C = 0.90 * 0.80^U, U the unfulfilled threats (MODEL.md
 * metric 8), and the conclusion THREATS_DISCOUNTED (C < 0.50). With asOf fixed, a threat
 * {@code daysAgo(30)} is on the last day of its window; {@code daysAgo(31)} has closed.
 */
class CredibilityRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    @Test
    void withoutThreatsCredibilityIsFull() {
        Assessment a = REASONER.assess(scenario().build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.90).doesNotHold(THREATS_DISCOUNTED);
    }

    @Test
    void threatIsStillOpenOnTheLastDayOfItsWindow() {
        // asOf = day + 30: the window [day, day + 30] is open, U = 0, C = 0.90
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(30), 0.5)).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.90);
    }

    @Test
    void threatUnansweredTheDayAfterItsWindowIsUnfulfilled() {
        // asOf = day + 31: closed with no crossing, U = 1, C = 0.90 * 0.80 = 0.72
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(31), 0.5)).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.72);
    }

    @Test
    void twoUnfulfilledThreatsAreNotYetDiscounted() {
        // U = 2: C = 0.90 * 0.80^2 = 0.576 >= 0.50
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(40), 0.5)).event(new Threat(daysAgo(50), 0.5)).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.576).doesNotHold(THREATS_DISCOUNTED);
    }

    @Test
    void threeUnfulfilledThreatsAreDiscounted() {
        // U = 3: C = 0.90 * 0.80^3 = 0.90 * 0.512 = 0.4608 < 0.50
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(40), 0.5))
                .event(new Threat(daysAgo(50), 0.9))
                .event(new Threat(daysAgo(60), 0.1))
                .build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.4608);
        assertThat(a).holds(THREATS_DISCOUNTED)
                .becauseExactly("threats discounted")
                .withReasonContaining("threat credibility 0.461 < 0.50");
    }

    @Test
    void identicalThreatsCountTwice() {
        // two equal threats are two unfulfilled threats: C = 0.90 * 0.80^2 = 0.576
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(40), 0.5)).event(new Threat(daysAgo(40), 0.5)).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.576);
    }

    @Test
    void crossingOnTheLastDayOfTheWindowFulfilsTheThreat() {
        // threat on day, crossing on day + 30 (inclusive end): U = 0, C = 0.90
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(60), 0.5)).event(new ThresholdCrossing(daysAgo(30))).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.90);
    }

    @Test
    void crossingTheDayAfterTheWindowDoesNotFulfilTheThreat() {
        // threat on day, crossing on day + 31: U = 1, C = 0.72
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(60), 0.5)).event(new ThresholdCrossing(daysAgo(29))).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.72);
    }

    @Test
    void crossingOnTheThreatsOwnDayFulfilsIt() {
        // inclusive start: U = 0, C = 0.90
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(60), 0.5)).event(new ThresholdCrossing(daysAgo(60))).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.90);
    }

    @Test
    void crossingTheDayBeforeTheThreatDoesNotFulfilIt() {
        // U = 1, C = 0.72
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(60), 0.5)).event(new ThresholdCrossing(daysAgo(61))).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.72);
    }

    @Test
    void oneCrossingFulfilsEveryThreatWhoseWindowHoldsIt() {
        // crossing 40 days ago lies in [60, 30] and [50, 20] days ago but not in [100, 70]: U = 1, C = 0.72
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(60), 0.5))
                .event(new Threat(daysAgo(50), 0.5))
                .event(new Threat(daysAgo(100), 0.5))
                .event(new ThresholdCrossing(daysAgo(40)))
                .build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.72);
    }

    @Test
    void calibratedResponseWindowKeepsAThreatOpenLonger() {
        // responseWindowDays 45: a threat 31 days old is open (U = 0, C = 0.90), one 46 days old is closed
        Assessment open = REASONER.assess(scenario().event(new Threat(daysAgo(31), 0.5))
                .calibrate("responseWindowDays", 45).build());
        Assessment closed = REASONER.assess(scenario().event(new Threat(daysAgo(46), 0.5))
                .calibrate("responseWindowDays", 45).build());

        assertThat(open).hasMetric(THREAT_CREDIBILITY, 0.90);
        assertThat(closed).hasMetric(THREAT_CREDIBILITY, 0.72);
    }

    @Test
    void calibratedResponseWindowLetsALaterCrossingFulfilTheThreat() {
        // responseWindowDays 45: a crossing 40 days after the threat answers it (U = 0, C = 0.90);
        // with the default 30 days it would not (C = 0.72)
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(100), 0.5)).event(new ThresholdCrossing(daysAgo(60)))
                .calibrate("responseWindowDays", 45).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.90);
    }

    @Test
    void calibratedCredibilityAndDecayChangeCredibility() {
        // threat.credibility 0.6, threat.decay 0.5, U = 1: C = 0.6 * 0.5 = 0.30 < 0.50
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(31), 0.5))
                .calibrate("threat.credibility", 0.6).calibrate("threat.decay", 0.5).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.30);
        assertThat(a).holds(THREATS_DISCOUNTED).withReasonContaining("threat credibility 0.300 < 0.50");
    }

    @Test
    void calibratedDiscountLineChangesTheConclusion() {
        // discounted.below 0.75: one unfulfilled threat, C = 0.72 < 0.75
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(31), 0.5))
                .calibrate("discounted.below", 0.75).build());

        assertThat(a).holds(THREATS_DISCOUNTED).withReasonContaining("threat credibility 0.720 < 0.75");
    }

    @Test
    void credibilityOfExactlyOneHalfIsNotDiscounted() {
        // threat.credibility 0.5, no threats: C = 0.50, and C < 0.50 is false
        Assessment a = REASONER.assess(scenario().calibrate("threat.credibility", 0.5).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.50).doesNotHold(THREATS_DISCOUNTED);
    }
}
