package org.threshold.rules.essay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threshold.rules.EssayModel.OBSERVER_CONFIDENCE;
import static org.threshold.rules.EssayModel.OBSERVER_EXPECTS_LONG_WAR;
import static org.threshold.rules.EssayModel.OBSERVER_READS_BOUNDED;
import static org.threshold.rules.EssayModel.THREATS_DISCOUNTED;
import static org.threshold.rules.EssayModel.THREAT_CREDIBILITY;
import static org.threshold.rules.essay.EssayScenarios.AS_OF;
import static org.threshold.rules.essay.EssayScenarios.daysAfter;
import static org.threshold.rules.essay.EssayScenarios.daysAgo;
import static org.threshold.rules.essay.EssayScenarios.hardliners;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.ObserverSignal;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Signal;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

/**
 * observer.drl: OBSERVER_READS_BOUNDED (no crossing, and C < 0.50 or Q >= 0.60),
 * OBSERVER_EXPECTS_LONG_WAR (two or more distinct signals) and the posture: CONTAIN on a crossing
 * or an open threat with severity * C >= 0.70, else PRESS where the observer reads the adversary
 * as bounded, else HOLD.
 */
class ObserverRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    /** Three threats closed unanswered: U = 3, C = 0.90 * 0.80^3 = 0.4608 < 0.50. */
    private static Scenario.Builder threatsDiscounted() {
        return scenario()
                .event(new Threat(daysAgo(40), 0.9))
                .event(new Threat(daysAgo(50), 0.9))
                .event(new Threat(daysAgo(60), 0.9));
    }

    /** Two deep strikes whose windows closed unanswered: K = 2, Q = 1 - 0.70 * 0.75^2 = 0.60625 >= 0.60. */
    private static Scenario.Builder confident() {
        return scenario()
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .event(new Strike(daysAgo(50), Party.PROXY, Target.CAPITAL, 1.0));
    }

    // ---- OBSERVER_READS_BOUNDED ----

    @Test
    void discountedThreatsMakeTheObserverReadTheAdversaryAsBounded() {
        Assessment a = REASONER.assess(threatsDiscounted().build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.4608);
        assertThat(a).holds(OBSERVER_READS_BOUNDED)
                .becauseExactly("observer reads bounded: threats discounted")
                .withReasonContaining("no threshold crossing; threat credibility 0.461 < 0.50");
    }

    @Test
    void confidenceMakesTheObserverReadTheAdversaryAsBounded() {
        Assessment a = REASONER.assess(confident().build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.60625);
        assertThat(a).holds(OBSERVER_READS_BOUNDED)
                .becauseExactly("observer reads bounded: confident")
                .withReasonContaining("no threshold crossing; observer confidence 0.606 >= 0.60");
    }

    @Test
    void discountedThreatsAndConfidenceBothJustifyTheReading() {
        Scenario.Builder s = confident()
                .event(new Threat(daysAgo(40), 0.9))
                .event(new Threat(daysAgo(50), 0.9))
                .event(new Threat(daysAgo(60), 0.9));

        Assessment a = REASONER.assess(s.build());

        assertThat(a).holds(OBSERVER_READS_BOUNDED)
                .becauseExactly("observer reads bounded: threats discounted", "observer reads bounded: confident");
    }

    @Test
    void credibleThreatsAndLittleConfidenceGiveNoReading() {
        // one closed threat and one cycle: C = 0.72 >= 0.50, Q = 0.475 < 0.60
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(40), 0.5))
                .event(new Strike(daysAgo(40), Party.PROXY, Target.DEEP, 1.0))
                .build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.72).hasMetric(OBSERVER_CONFIDENCE, 0.475)
                .doesNotHold(OBSERVER_READS_BOUNDED)
                .hasPosture(Posture.HOLD, "posture hold");
    }

    @Test
    void crossingEndsTheReadingEvenOfDiscountedThreats() {
        // the crossing 5 days ago lies in none of the threats' windows: C stays 0.4608, still discounted
        Assessment a = REASONER.assess(threatsDiscounted().event(new ThresholdCrossing(daysAgo(5))).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.4608).holds(THREATS_DISCOUNTED);
        assertThat(a).doesNotHold(OBSERVER_READS_BOUNDED);
    }

    @Test
    void confidenceOfExactlySixTenthsIsEnoughToReadTheAdversaryAsBounded() {
        // confidence.initial 0.6, K = 0: Q = 1 - (1 - 0.6) * 0.75^0 = 0.60 >= 0.60
        Assessment a = REASONER.assess(scenario().calibrate("confidence.initial", 0.6).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.60);
        assertThat(a).holds(OBSERVER_READS_BOUNDED).becauseExactly("observer reads bounded: confident");
    }

    @Test
    void calibratedConfidenceLineChangesTheReading() {
        // readsBounded.confidence 0.45: one cycle, Q = 0.475 >= 0.45
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(40), Party.OBSERVER, Target.DEEP, 0.3))
                .calibrate("readsBounded.confidence", 0.45).build());

        assertThat(a).holds(OBSERVER_READS_BOUNDED).withReasonContaining("observer confidence 0.475 >= 0.45");
    }

    @Test
    void observerReadsOnlyWhatItSees() {
        // GIVEN the same strikes, threat and signal, once with an empty adversary and once with one that
        // is all hardliners, fully strained and relieved by a retaliation: only the hidden state differs
        Scenario.Builder seen = confident().event(new Threat(daysAgo(10), 0.7)).signal(Signal.REARMAMENT);
        Scenario plain = seen.build();
        Scenario hidden = seen.capacity(1.0).faction(hardliners(1.0)).strain(1, 1, 1, 1)
                .event(new Retaliation(daysAgo(3), 1.0)).build();

        // WHEN
        Assessment a = REASONER.assess(plain);
        Assessment b = REASONER.assess(hidden);

        // THEN the observer's metrics, conclusions and posture are the same
        assertThat(b.metric(THREAT_CREDIBILITY)).isEqualTo(a.metric(THREAT_CREDIBILITY));
        assertThat(b.metric(OBSERVER_CONFIDENCE)).isEqualTo(a.metric(OBSERVER_CONFIDENCE));
        assertThat(b.holds(OBSERVER_READS_BOUNDED)).isEqualTo(a.holds(OBSERVER_READS_BOUNDED)).isTrue();
        assertThat(b.holds(THREATS_DISCOUNTED)).isEqualTo(a.holds(THREATS_DISCOUNTED)).isFalse();
        assertThat(b.posture()).isEqualTo(a.posture()).isEqualTo(Posture.PRESS);
    }

    // ---- OBSERVER_EXPECTS_LONG_WAR ----

    @Test
    void twoDistinctSignalsShowTheObserverExpectsALongWar() {
        Assessment a = REASONER.assess(scenario().signal(Signal.REARMAMENT).signal(Signal.LONG_WAR_BUDGETING).build());

        assertThat(a).holds(OBSERVER_EXPECTS_LONG_WAR)
                .becauseExactly("observer expects long war")
                .withReasonContaining("signals LONG_WAR_BUDGETING, REARMAMENT (2 >= 2)");
    }

    @Test
    void allFourSignalsShowIt() {
        Assessment a = REASONER.assess(scenario().signal(Signal.LONG_WAR_BUDGETING)
                .signal(Signal.MULTI_YEAR_ARCHITECTURE).signal(Signal.REARMAMENT)
                .signal(Signal.DEFENSE_INDUSTRIAL_RECOVERY).build());

        assertThat(a).holds(OBSERVER_EXPECTS_LONG_WAR).withReasonContaining("(4 >= 2)");
    }

    @Test
    void oneSignalDoesNotShowIt() {
        Assessment a = REASONER.assess(scenario().signal(Signal.MULTI_YEAR_ARCHITECTURE).build());

        assertThat(a).doesNotHold(OBSERVER_EXPECTS_LONG_WAR);
    }

    @Test
    void signalGivenTwiceCountsOnce() {
        Assessment a = REASONER.assess(scenario().signal(Signal.REARMAMENT).signal(Signal.REARMAMENT).build());

        assertThat(a).doesNotHold(OBSERVER_EXPECTS_LONG_WAR);
    }

    @Test
    void equalSignalFactsCountOnceInTheRules() {
        // GIVEN one REARMAMENT signal in the scenario
        try (ReasoningSession session = REASONER.open(scenario().signal(Signal.REARMAMENT).build())) {
            // WHEN a second, equal signal fact is added
            session.insert(new ObserverSignal(Signal.REARMAMENT));
            Assessment a = session.assess();

            // THEN the signals are still one set of one
            assertThat(a).doesNotHold(OBSERVER_EXPECTS_LONG_WAR);
        }
    }

    @Test
    void calibratedSignalCountChangesTheConclusion() {
        // longWar.signals 3: two signals are not enough; longWar.signals 0: none are enough
        Assessment three = REASONER.assess(scenario().signal(Signal.REARMAMENT).signal(Signal.LONG_WAR_BUDGETING)
                .calibrate("longWar.signals", 3).build());
        Assessment zero = REASONER.assess(scenario().calibrate("longWar.signals", 0).build());

        assertThat(three).doesNotHold(OBSERVER_EXPECTS_LONG_WAR);
        assertThat(zero).holds(OBSERVER_EXPECTS_LONG_WAR).withReasonContaining("signals none (0 >= 0)");
    }

    // ---- posture ----

    @Test
    void crossingMakesTheObserverContain() {
        Assessment a = REASONER.assess(scenario().event(new ThresholdCrossing(daysAgo(5))).build());

        assertThat(a).hasPosture(Posture.CONTAIN, "posture contain: threshold crossing");
        assertThat(a.postureBecause()).extracting(Explanation::reason)
                .containsExactly("threshold crossing on " + daysAgo(5));
        assertThat(a.postureBecause().get(0).facts()).contains(new ThresholdCrossing(daysAgo(5)));
    }

    @Test
    void crossingOnAsOfMakesTheObserverContain() {
        Assessment a = REASONER.assess(scenario().event(new ThresholdCrossing(AS_OF)).build());

        assertThat(a).hasPosture(Posture.CONTAIN, "posture contain: threshold crossing");
    }

    @Test
    void crossingAfterAsOfIsIgnored() {
        Assessment a = REASONER.assess(scenario().event(new ThresholdCrossing(daysAfter(1))).build());

        assertThat(a).hasPosture(Posture.HOLD, "posture hold");
    }

    @Test
    void graveCredibleOpenThreatMakesTheObserverContain() {
        // severity 0.8 * C 0.90 = 0.72 >= 0.70
        Threat threat = new Threat(daysAgo(10), 0.8);

        Assessment a = REASONER.assess(scenario().event(threat).build());

        assertThat(a).hasPosture(Posture.CONTAIN, "posture contain: grave credible threat");
        assertThat(a.postureBecause()).extracting(Explanation::reason)
                .containsExactly("open threat of " + daysAgo(10) + ": severity 0.80 x credibility 0.900 = 0.720 >= 0.70");
        assertThat(a.postureBecause().get(0).facts()).contains(threat);
    }

    @Test
    void lesserOpenThreatDoesNotMakeTheObserverContain() {
        // severity 0.75 * C 0.90 = 0.675 < 0.70
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(10), 0.75)).build());

        assertThat(a).hasPosture(Posture.HOLD, "posture hold");
    }

    @Test
    void threatExactlyAtTheContainmentLineMakesTheObserverContain() {
        // threat.credibility 1.0: severity 0.7 * C 1.0 = 0.70 >= 0.70; severity 0.69 gives 0.69 < 0.70
        Assessment at = REASONER.assess(scenario().event(new Threat(daysAgo(10), 0.7))
                .calibrate("threat.credibility", 1.0).build());
        Assessment below = REASONER.assess(scenario().event(new Threat(daysAgo(10), 0.69))
                .calibrate("threat.credibility", 1.0).build());

        assertThat(at).hasPosture(Posture.CONTAIN, "posture contain: grave credible threat");
        assertThat(below).hasPosture(Posture.HOLD);
    }

    @Test
    void threatIsOpenOnTheLastDayOfItsWindow() {
        // asOf = day + 30: open; 1.0 * 0.90 = 0.90 >= 0.70
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(30), 1.0)).build());

        assertThat(a).hasPosture(Posture.CONTAIN, "posture contain: grave credible threat");
    }

    @Test
    void threatIsClosedTheDayAfterItsWindow() {
        // asOf = day + 31: closed, and now unfulfilled (C = 0.72); nothing open to contain
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(31), 1.0)).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.72).hasPosture(Posture.HOLD, "posture hold");
    }

    @Test
    void threatAfterAsOfIsIgnored() {
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAfter(1), 1.0)).build());

        assertThat(a).hasMetric(THREAT_CREDIBILITY, 0.90).hasPosture(Posture.HOLD, "posture hold");
    }

    @Test
    void credibilityWeighsEachOpenThreat() {
        // one earlier unfulfilled threat: C = 0.72, open threat 1.0 * 0.72 = 0.72 >= 0.70 -> CONTAIN
        // two earlier unfulfilled threats: C = 0.576, 1.0 * 0.576 < 0.70 -> no cause to contain;
        // C >= 0.50 and Q = 0.30: not read bounded -> HOLD
        Assessment once = REASONER.assess(scenario()
                .event(new Threat(daysAgo(40), 0.1))
                .event(new Threat(daysAgo(10), 1.0)).build());
        Assessment twice = REASONER.assess(scenario()
                .event(new Threat(daysAgo(40), 0.1)).event(new Threat(daysAgo(50), 0.1))
                .event(new Threat(daysAgo(10), 1.0)).build());

        assertThat(once).hasPosture(Posture.CONTAIN, "posture contain: grave credible threat");
        assertThat(once.postureBecause()).extracting(Explanation::reason)
                .containsExactly("open threat of " + daysAgo(10) + ": severity 1.00 x credibility 0.720 = 0.720 >= 0.70");
        assertThat(twice).hasMetric(THREAT_CREDIBILITY, 0.576).hasPosture(Posture.HOLD, "posture hold");
    }

    @Test
    void calibratedResponseWindowKeepsAThreatOpenToContain() {
        // responseWindowDays 45: a threat 40 days old is open, 1.0 * 0.90 >= 0.70; by default it is closed
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(40), 1.0))
                .calibrate("responseWindowDays", 45).build());

        assertThat(a).hasPosture(Posture.CONTAIN, "posture contain: grave credible threat");
    }

    @Test
    void calibratedContainmentLineChangesThePosture() {
        // contain.credibility 0.9: 0.8 * 0.90 = 0.72 < 0.90
        Assessment a = REASONER.assess(scenario().event(new Threat(daysAgo(10), 0.8))
                .calibrate("contain.credibility", 0.9).build());

        assertThat(a).hasPosture(Posture.HOLD);
    }

    @Test
    void crossingAndGraveThreatBothJustifyContainment() {
        Assessment a = REASONER.assess(scenario()
                .event(new Threat(daysAgo(10), 0.9)).event(new ThresholdCrossing(daysAgo(2))).build());

        assertThat(a.postureBecause()).extracting(Explanation::rule)
                .containsExactlyInAnyOrder("posture contain: threshold crossing", "posture contain: grave credible threat");
    }

    @Test
    void observerPressesAnAdversaryItReadsAsBounded() {
        Assessment a = REASONER.assess(confident().build());

        assertThat(a).hasPosture(Posture.PRESS, "posture press");
        assertThat(a.postureBecause()).extracting(Explanation::reason)
                .containsExactly("no cause to contain; the observer reads the adversary as bounded");
    }

    @Test
    void observerPressesWhenThreatsAreDiscounted() {
        Assessment a = REASONER.assess(threatsDiscounted().build());

        assertThat(a).hasPosture(Posture.PRESS, "posture press");
    }

    @Test
    void graveOpenThreatOutweighsTheReadingOfABoundedAdversary() {
        // Q = 0.60625: read bounded; an open threat of 0.8 * 0.90 = 0.72 >= 0.70 -> CONTAIN, not PRESS
        Assessment a = REASONER.assess(confident().event(new Threat(daysAgo(3), 0.8)).build());

        assertThat(a).holds(OBSERVER_READS_BOUNDED);
        assertThat(a).hasPosture(Posture.CONTAIN, "posture contain: grave credible threat");
    }

    @Test
    void observerHoldsWithoutCauseToContainOrPress() {
        Assessment a = REASONER.assess(scenario().build());

        assertThat(a).hasPosture(Posture.HOLD, "posture hold");
        assertThat(a.postureBecause()).extracting(Explanation::reason)
                .containsExactly("no cause to contain; the observer does not read the adversary as bounded");
    }
}
