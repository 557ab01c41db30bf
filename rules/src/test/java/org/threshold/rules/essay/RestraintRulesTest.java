package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.EFFECTIVE_HARDLINER_INFLUENCE;
import static org.threshold.rules.EssayModel.EFFECTIVE_RETURN_TICKET;
import static org.threshold.rules.EssayModel.FACTION_SHIFT;
import static org.threshold.rules.EssayModel.HUMILIATION;
import static org.threshold.rules.EssayModel.RESTRAINT_EROSION;
import static org.threshold.rules.EssayModel.RESTRAINT_EROSION_METRIC;
import static org.threshold.rules.EssayModel.RESTRAINT_TOLERANCE;
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
import org.threshold.fact.Metric;
import org.threshold.fact.Party;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;

/**
 * restraint.drl: restraint tolerance T, restraint erosion E, effective hardliner influence HL*
 * and effective return ticket RT* (MODEL.md metrics 4 to 7), and the conclusions
 * RESTRAINT_EROSION and FACTION_SHIFT.
 */
class RestraintRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    /**
     * RT = 0.5; HL = 0.35 / (0.35 + 0.65) = 0.35; T = 0.20 + 0.60 * 0.5 - 0.40 * 0.35 = 0.36.
     * Two observer strikes on the capital: H = 2 * 0.25 * 2.0 * 0.8 = 0.8.
     */
    private static Scenario.Builder humiliatedWithAModestTicket() {
        return scenario().returnTicket(0.5, 0.5, 0.5, 0.5)
                .faction(pragmatists(0.65)).faction(hardliners(0.35))
                .event(new Strike(daysAgo(10), Party.OBSERVER, Target.CAPITAL, 0.8))
                .event(new Strike(daysAgo(5), Party.OBSERVER, Target.CAPITAL, 0.8));
    }

    @Test
    void humiliationBeyondToleranceErodesRestraint() {
        // T = 0.36, H = 0.8: E = 0.8 - 0.36 = 0.44; HL* = 0.35 + 1.0 * 0.44 = 0.79; RT* = 0.5 * (1 - 0.79) = 0.105
        Assessment a = REASONER.assess(humiliatedWithAModestTicket().build());

        assertThat(a).hasMetric(RESTRAINT_TOLERANCE, 0.36)
                .hasMetric(HUMILIATION, 0.8)
                .hasMetric(RESTRAINT_EROSION_METRIC, 0.44)
                .hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.79)
                .hasMetric(EFFECTIVE_RETURN_TICKET, 0.105);
        assertThat(a).holds(RESTRAINT_EROSION)
                .becauseExactly("restraint erosion")
                .hasStrength(0.44)
                .withReasonContaining("humiliation 0.800 exceeds restraint tolerance 0.360 by 0.440");
    }

    @Test
    void erosionHandsTheHardlinersTheirMoment() {
        // HL = 0.35 alone is no shift; HL* = 0.35 + 0.44 = 0.79 >= 0.50 is
        Assessment a = REASONER.assess(humiliatedWithAModestTicket().build());

        assertThat(a).holds(FACTION_SHIFT)
                .becauseExactly("faction shift")
                .hasStrength(0.79)
                .withReasonContaining("effective hardliner influence 0.790 >= 0.50");
    }

    @Test
    void withoutHumiliationNothingErodesAndNoFactionShifts() {
        // H = 0 < T = 0.36: E = 0; HL* = 0.35 < 0.50; RT* = 0.5 * 0.65 = 0.325
        Assessment a = REASONER.assess(scenario().returnTicket(0.5, 0.5, 0.5, 0.5)
                .faction(pragmatists(0.65)).faction(hardliners(0.35)).build());

        assertThat(a).hasMetric(RESTRAINT_EROSION_METRIC, 0.0)
                .hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.35)
                .hasMetric(EFFECTIVE_RETURN_TICKET, 0.325)
                .doesNotHold(RESTRAINT_EROSION)
                .doesNotHold(FACTION_SHIFT);
    }

    @Test
    void humiliationEqualToToleranceIsNoErosion() {
        // T = 0.20 (no ticket, no factions); H = 0.25 * 0.8 = 0.20; E = max(0, 0) = 0 and E > 0 is false
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(1), Party.PROXY, Target.CAPITAL, 0.8)).build());

        assertThat(a).hasMetric(RESTRAINT_TOLERANCE, 0.20)
                .hasMetric(HUMILIATION, 0.20)
                .hasMetric(RESTRAINT_EROSION_METRIC, 0.0)
                .doesNotHold(RESTRAINT_EROSION);
    }

    @Test
    void humiliationJustAboveToleranceErodes() {
        // T = 0.20; H = 0.25 * 0.84 = 0.21; E = 0.01; HL* = 0 + 0.01 = 0.01
        Assessment a = REASONER.assess(scenario()
                .event(new Strike(daysAgo(1), Party.PROXY, Target.CAPITAL, 0.84)).build());

        assertThat(a).hasMetric(RESTRAINT_EROSION_METRIC, 0.01).hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.01);
        assertThat(a).holds(RESTRAINT_EROSION).because("restraint erosion")
                .withReasonContaining("humiliation 0.210 exceeds restraint tolerance 0.200 by 0.010");
    }

    @Test
    void toleranceDoesNotFallBelowZero() {
        // HL = 1 (hardliners only), RT = 0: T = clamp(0.20 - 0.40) = 0
        // H = 0.25 * 0.8 = 0.20: E = 0.20 - 0 = 0.20 (an unclamped T of -0.20 would give 0.40)
        Assessment a = REASONER.assess(scenario().faction(hardliners(0.6))
                .event(new Strike(daysAgo(1), Party.PROXY, Target.CAPITAL, 0.8)).build());

        assertThat(a).hasMetric(RESTRAINT_TOLERANCE, 0.0).hasMetric(RESTRAINT_EROSION_METRIC, 0.20);
    }

    @Test
    void toleranceDoesNotRiseAboveOne() {
        // tolerance.base 0.9, RT = 1: T = clamp(0.9 + 0.6 * 1 - 0) = clamp(1.5) = 1
        Assessment a = REASONER.assess(scenario().returnTicket(1, 1, 1, 1)
                .calibrate("tolerance.base", 0.9).build());

        assertThat(a).hasMetric(RESTRAINT_TOLERANCE, 1.0);
    }

    @Test
    void effectiveHardlinerInfluenceDoesNotRiseAboveOne() {
        // HL = 0.8 / (0.8 + 0.2) = 0.8; T = clamp(0.20 - 0.32) = 0
        // H = 2 * 0.25 * 2.0 * 1.0 = 1.0; E = 1.0; HL* = clamp(0.8 + 1.0) = 1; RT* = 1 * (1 - 1) = 0
        Assessment a = REASONER.assess(scenario().returnTicket(1, 1, 1, 1)
                .faction(hardliners(0.8)).faction(pragmatists(0.2))
                .event(new Strike(daysAgo(3), Party.OBSERVER, Target.CAPITAL, 1.0))
                .event(new Strike(daysAgo(2), Party.OBSERVER, Target.CAPITAL, 1.0))
                .build());

        assertThat(a).hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 1.0).hasMetric(EFFECTIVE_RETURN_TICKET, 0.0);
    }

    @Test
    void hardlineHalfOfAllInfluenceIsAFactionShiftByItself() {
        // HL = 0.5 / 1.0 = 0.5; no humiliation so HL* = 0.5 >= 0.50
        Assessment a = REASONER.assess(scenario().faction(hardliners(0.5)).faction(pragmatists(0.5)).build());

        assertThat(a).doesNotHold(RESTRAINT_EROSION)
                .holds(FACTION_SHIFT).becauseExactly("faction shift")
                .withReasonContaining("effective hardliner influence 0.500 >= 0.50")
                .restingOn(new Metric(EFFECTIVE_HARDLINER_INFLUENCE, 0.5));
    }

    @Test
    void hardlinersJustShortOfHalfAreNoFactionShift() {
        // HL* = HL = 0.49 / 1.0 = 0.49 < 0.50
        Assessment a = REASONER.assess(scenario().faction(hardliners(0.49)).faction(pragmatists(0.51)).build());

        assertThat(a).hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.49).doesNotHold(FACTION_SHIFT);
    }

    @Test
    void calibratedErosionToHardlinerChangesEffectiveInfluence() {
        // erosion.toHardliner 0.5: HL* = 0.35 + 0.5 * 0.44 = 0.57; RT* = 0.5 * 0.43 = 0.215
        Assessment a = REASONER.assess(humiliatedWithAModestTicket().calibrate("erosion.toHardliner", 0.5).build());

        assertThat(a).hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.57).hasMetric(EFFECTIVE_RETURN_TICKET, 0.215);
    }

    @Test
    void calibratedFactionShiftThresholdChangesTheConclusion() {
        // factionShift.threshold 0.8: HL* = 0.79 < 0.80, no shift (it shifts at the default 0.50)
        Assessment a = REASONER.assess(humiliatedWithAModestTicket().calibrate("factionShift.threshold", 0.8).build());

        assertThat(a).holds(RESTRAINT_EROSION);
        assertThat(a).doesNotHold(FACTION_SHIFT);
    }

    @Test
    void calibratedToleranceWeightsChangeTolerance() {
        // tolerance.base 0.1, tolerance.returnTicket 0.8, tolerance.hardliner 0.2:
        // T = 0.1 + 0.8 * 0.5 - 0.2 * 0.35 = 0.1 + 0.4 - 0.07 = 0.43; E = 0.8 - 0.43 = 0.37
        Assessment a = REASONER.assess(humiliatedWithAModestTicket()
                .calibrate("tolerance.base", 0.1)
                .calibrate("tolerance.returnTicket", 0.8)
                .calibrate("tolerance.hardliner", 0.2)
                .build());

        assertThat(a).hasMetric(RESTRAINT_TOLERANCE, 0.43).hasMetric(RESTRAINT_EROSION_METRIC, 0.37);
        assertThat(a).holds(RESTRAINT_EROSION).hasStrength(0.37);
    }
}
