package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.BOUNDED_ADVERSARY;
import static org.threshold.rules.EssayModel.ESCALATION_RISK;
import static org.threshold.rules.EssayModel.MISCALIBRATION;
import static org.threshold.rules.EssayModel.OBSERVER_CONFIDENCE;
import static org.threshold.rules.EssayModel.RESTRAINT_EROSION;
import static org.threshold.rules.EssayModel.RISK_TRANSFERRED_TO_PROXY;
import static org.threshold.rules.essay.EssayScenarios.daysAgo;
import static org.threshold.rules.essay.EssayScenarios.hardliners;
import static org.threshold.rules.essay.EssayScenarios.pragmatists;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.HumanCost;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.RiskLevel;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.ThresholdCrossing;

/**
 * miscalibration.drl: MISCALIBRATION (posture PRESS while RESTRAINT_EROSION holds or
 * BOUNDED_ADVERSARY does not; severity Q * R) and RISK_TRANSFERRED_TO_PROXY (posture PRESS, proxy
 * human cost >= 0.50, observer human cost <= 0.10).
 */
class MiscalibrationRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    /** {@code cycles} deep proxy strikes of this severity whose windows closed unanswered. */
    private static Scenario.Builder pressing(int cycles, Party by, Target target, double severity) {
        Scenario.Builder b = scenario();
        for (int i = 0; i < cycles; i++) {
            b.event(new Strike(daysAgo(40 + 10 * i), by, target, severity));
        }
        return b;
    }

    /**
     * PRESS on an unbounded adversary without erosion: K = 2, Q = 0.60625; RT = 0, HL = 0.3,
     * T = 0.20 - 0.12 = 0.08; H = 2 * 0.08 * 0.1 = 0.016 <= T, E = 0; HL* = 0.3, RT* = 0 < 0.30;
     * R = 0.3 * (1 - 0) = 0.3.
     */
    private static Scenario.Builder pressingUnbounded() {
        return pressing(2, Party.PROXY, Target.DEEP, 0.1).faction(hardliners(0.3)).faction(pragmatists(0.7));
    }

    /**
     * PRESS on a bounded adversary without erosion: K = 2, Q = 0.60625; RT = 1, HL = 0, T = 0.80;
     * H = 2 * 0.08 * 1.0 = 0.16, E = 0; HL* = 0; RT* = 1: bounded; R = 0.
     */
    private static Scenario.Builder pressingBounded() {
        return pressing(2, Party.PROXY, Target.DEEP, 1.0).returnTicket(1, 1, 1, 1);
    }

    @Test
    void pressingAnUnboundedAdversaryIsMiscalibration() {
        Assessment a = REASONER.assess(pressingUnbounded().build());

        assertThat(a).hasPosture(Posture.PRESS).hasMetric(ESCALATION_RISK, 0.3)
                .doesNotHold(BOUNDED_ADVERSARY).doesNotHold(RESTRAINT_EROSION);
        // severity = Q * R = 0.60625 * 0.3 = 0.181875
        assertThat(a).holds(MISCALIBRATION)
                .becauseExactly("miscalibration: pressing an unbounded adversary")
                .hasStrength(0.181875)
                .withReasonContaining("posture PRESS while the adversary is not bounded; severity = confidence 0.606 x risk 0.300");
    }

    @Test
    void pressingWhileRestraintErodesIsMiscalibrationEvenOfABoundedAdversary() {
        // K = 2 by the observer on the capital: Q = 0.60625; RT = 1, HL = 0: T = 0.80
        // H = 2 * 0.25 * 2.0 * 1.0 = 1.0, E = 0.20; HL* = 0.20 < 0.50; RT* = 1 * 0.80 = 0.80: bounded
        // R = 0.20 * (1 - 0.80) = 0.04; severity = 0.60625 * 0.04 = 0.02425
        Assessment a = REASONER.assess(pressing(2, Party.OBSERVER, Target.CAPITAL, 1.0).returnTicket(1, 1, 1, 1).build());

        assertThat(a).hasPosture(Posture.PRESS).holds(BOUNDED_ADVERSARY).and().holds(RESTRAINT_EROSION);
        assertThat(a).holds(MISCALIBRATION)
                .becauseExactly("miscalibration: pressing eroding restraint")
                .hasStrength(0.02425)
                .withReasonContaining("posture PRESS while restraint erodes; severity = confidence 0.606 x risk 0.040");
    }

    @Test
    void erosionAndAnUnboundedAdversaryBothJustifyMiscalibration() {
        // K = 2 by the observer on the capital: Q = 0.60625; RT = 0, HL = 0: T = 0.20
        // H = 1.0, E = 0.80; HL* = 0.80: FACTION_SHIFT, not bounded; RT* = 0; R = 0.80 * 1 = 0.80
        // severity = 0.60625 * 0.80 = 0.485
        Assessment a = REASONER.assess(pressing(2, Party.OBSERVER, Target.CAPITAL, 1.0).build());

        assertThat(a).hasPosture(Posture.PRESS).hasRiskLevel(RiskLevel.CRITICAL);
        assertThat(a).holds(MISCALIBRATION)
                .becauseExactly("miscalibration: pressing eroding restraint", "miscalibration: pressing an unbounded adversary")
                .hasStrength(0.485);
    }

    @Test
    void pressingABoundedAdversaryWhoseRestraintHoldsIsNoMiscalibration() {
        Assessment a = REASONER.assess(pressingBounded().build());

        assertThat(a).hasPosture(Posture.PRESS).holds(BOUNDED_ADVERSARY).and()
                .doesNotHold(RESTRAINT_EROSION).doesNotHold(MISCALIBRATION);
    }

    @Test
    void holdingOffAnUnboundedAdversaryIsNoMiscalibration() {
        // no cycles: Q = 0.30, C = 0.90: HOLD; HL = 0.3, RT* = 0: not bounded
        Assessment a = REASONER.assess(scenario().faction(hardliners(0.3)).faction(pragmatists(0.7)).build());

        assertThat(a).hasPosture(Posture.HOLD).doesNotHold(BOUNDED_ADVERSARY).doesNotHold(MISCALIBRATION);
    }

    @Test
    void containingAnUnboundedAdversaryIsNoMiscalibration() {
        // the same erosion and unbounded adversary as when pressing, but a crossing 2 days ago: CONTAIN
        Assessment a = REASONER.assess(pressing(2, Party.OBSERVER, Target.CAPITAL, 1.0)
                .event(new ThresholdCrossing(daysAgo(2))).build());

        assertThat(a).hasPosture(Posture.CONTAIN).holds(RESTRAINT_EROSION).and().doesNotHold(MISCALIBRATION);
    }

    @Test
    void confidentObserverCanBeMiscalibrated() {
        // K = 5: Q = 1 - 0.70 * 0.75^5 = 1 - 0.70 * 0.2373046875 = 0.83388671875 >= 0.8
        // HL = 0.3, RT = 0, H = 5 * 0.008 = 0.04 <= T = 0.08: E = 0, R = 0.3
        // severity = 0.83388671875 * 0.3 = 0.250166015625
        Assessment a = REASONER.assess(pressing(5, Party.PROXY, Target.DEEP, 0.1)
                .faction(hardliners(0.3)).faction(pragmatists(0.7)).build());

        assertThat(a).hasMetric(OBSERVER_CONFIDENCE, 0.83388671875);
        assertThat(a).holds(MISCALIBRATION).hasStrength(0.250166015625)
                .withReasonContaining("confidence 0.834 x risk 0.300");
    }

    // ---- RISK_TRANSFERRED_TO_PROXY ----

    @Test
    void pressingWhileTheProxyDiesIsRiskTransferred() {
        Assessment a = REASONER.assess(pressingBounded().cost(Party.PROXY, 0.9).cost(Party.OBSERVER, 0.02).build());

        assertThat(a).hasPosture(Posture.PRESS);
        assertThat(a).holds(RISK_TRANSFERRED_TO_PROXY)
                .becauseExactly("risk transferred to proxy")
                .withReasonContaining("posture PRESS; proxy human cost 0.90 >= 0.50; observer human cost 0.02 <= 0.10")
                .restingOn(new HumanCost(Party.PROXY, 0.9))
                .restingOn(new HumanCost(Party.OBSERVER, 0.02));
    }

    @Test
    void costsExactlyOnTheLinesAreRiskTransferred() {
        // proxy 0.50 >= 0.50 and observer 0.10 <= 0.10
        Assessment a = REASONER.assess(pressingBounded().cost(Party.PROXY, 0.5).cost(Party.OBSERVER, 0.1).build());

        assertThat(a).holds(RISK_TRANSFERRED_TO_PROXY)
                .withReasonContaining("proxy human cost 0.50 >= 0.50; observer human cost 0.10 <= 0.10");
    }

    @Test
    void proxyCostBelowTheLineIsNoRiskTransferred() {
        Assessment a = REASONER.assess(pressingBounded().cost(Party.PROXY, 0.49).cost(Party.OBSERVER, 0.02).build());

        assertThat(a).hasPosture(Posture.PRESS).doesNotHold(RISK_TRANSFERRED_TO_PROXY);
    }

    @Test
    void observerCostAboveTheLineIsNoRiskTransferred() {
        Assessment a = REASONER.assess(pressingBounded().cost(Party.PROXY, 0.9).cost(Party.OBSERVER, 0.11).build());

        assertThat(a).hasPosture(Posture.PRESS).doesNotHold(RISK_TRANSFERRED_TO_PROXY);
    }

    @Test
    void withoutPressingNoRiskIsTransferred() {
        // no cycles: HOLD; with a crossing: CONTAIN
        Assessment holding = REASONER.assess(scenario().cost(Party.PROXY, 0.9).cost(Party.OBSERVER, 0.02).build());
        Assessment containing = REASONER.assess(pressingBounded().cost(Party.PROXY, 0.9).cost(Party.OBSERVER, 0.02)
                .event(new ThresholdCrossing(daysAgo(1))).build());

        assertThat(holding).hasPosture(Posture.HOLD).doesNotHold(RISK_TRANSFERRED_TO_PROXY);
        assertThat(containing).hasPosture(Posture.CONTAIN).doesNotHold(RISK_TRANSFERRED_TO_PROXY);
    }

    @Test
    void calibratedCostLinesChangeTheConclusion() {
        // proxy.humanCostMin 0.95: 0.9 < 0.95; observer.humanCostMax 0.01: 0.02 > 0.01
        Assessment proxyLine = REASONER.assess(pressingBounded().cost(Party.PROXY, 0.9).cost(Party.OBSERVER, 0.02)
                .calibrate("proxy.humanCostMin", 0.95).build());
        Assessment observerLine = REASONER.assess(pressingBounded().cost(Party.PROXY, 0.9).cost(Party.OBSERVER, 0.02)
                .calibrate("observer.humanCostMax", 0.01).build());

        assertThat(proxyLine).doesNotHold(RISK_TRANSFERRED_TO_PROXY);
        assertThat(observerLine).doesNotHold(RISK_TRANSFERRED_TO_PROXY);
    }
}
