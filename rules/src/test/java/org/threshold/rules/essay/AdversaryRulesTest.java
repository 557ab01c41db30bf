package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.BOUNDED_ADVERSARY;
import static org.threshold.rules.EssayModel.EFFECTIVE_RETURN_TICKET;
import static org.threshold.rules.EssayModel.FACTION_SHIFT;
import static org.threshold.rules.EssayModel.INWARD_CRACK_LIKELY;
import static org.threshold.rules.EssayModel.OUTWARD_LEAP_RISK;
import static org.threshold.rules.EssayModel.STRAIN;
import static org.threshold.rules.essay.EssayScenarios.daysAfter;
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
import org.threshold.fact.Capacity;
import org.threshold.fact.Metric;
import org.threshold.fact.ThresholdCrossing;

/**
 * adversary.drl: BOUNDED_ADVERSARY (no crossing, no FACTION_SHIFT, RT* >= 0.30; basis WILL where
 * capacity >= 0.50, else CAPACITY), INWARD_CRACK_LIKELY (S >= 0.60 and bounded) and
 * OUTWARD_LEAP_RISK (S >= 0.60 and FACTION_SHIFT).
 */
class AdversaryRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    /**
     * Bounded by the narrowest margin: RT = 0.5, HL = 0.4 / (0.4 + 0.6) = 0.4,
     * T = 0.20 + 0.30 - 0.16 = 0.34, H = 0, E = 0, HL* = 0.4 < 0.50, RT* = 0.5 * (1 - 0.4) = 0.30.
     */
    private static Scenario.Builder justBounded() {
        return scenario().returnTicket(0.5, 0.5, 0.5, 0.5).faction(hardliners(0.4)).faction(pragmatists(0.6));
    }

    /** A faction shift: RT = 1, HL = 0.5 / 1.0 = 0.5, T = 0.6, E = 0, HL* = 0.5 >= 0.50, RT* = 0.5. */
    private static Scenario.Builder shifted() {
        return scenario().returnTicket(1, 1, 1, 1).faction(hardliners(0.5)).faction(pragmatists(0.5));
    }

    @Test
    void effectiveTicketOfExactlyThreeTenthsBoundsTheAdversary() {
        // RT* = 0.30 >= 0.30; capacity 0.9 >= 0.50: basis WILL, strength RT* = 0.30
        Assessment a = REASONER.assess(justBounded().capacity(0.9).build());

        assertThat(a).hasMetric(EFFECTIVE_RETURN_TICKET, 0.30);
        assertThat(a).holds(BOUNDED_ADVERSARY)
                .becauseExactly("bounded adversary")
                .hasBasis("WILL")
                .hasStrength(0.30)
                .withReasonContaining("no threshold crossing; no faction shift; effective return ticket 0.300 >= 0.30")
                .withReasonContaining("capacity 0.90 >= 0.50")
                .restingOn(new Capacity(0.9));
    }

    @Test
    void effectiveTicketJustShortOfThreeTenthsLeavesTheAdversaryUnbounded() {
        // RT = 0.49, HL* = 0.4: RT* = 0.49 * 0.6 = 0.294 < 0.30
        Assessment a = REASONER.assess(scenario().returnTicket(0.49, 0.49, 0.49, 0.49)
                .faction(hardliners(0.4)).faction(pragmatists(0.6)).capacity(0.9).build());

        assertThat(a).hasMetric(EFFECTIVE_RETURN_TICKET, 0.294).doesNotHold(BOUNDED_ADVERSARY);
    }

    @Test
    void capacityOfOneHalfMakesTheBoundOneOfWill() {
        Assessment a = REASONER.assess(justBounded().capacity(0.5).build());

        assertThat(a).holds(BOUNDED_ADVERSARY).hasBasis("WILL").withReasonContaining("capacity 0.50 >= 0.50");
    }

    @Test
    void capacityBelowOneHalfMakesTheBoundOneOfCapacity() {
        Assessment a = REASONER.assess(justBounded().capacity(0.49).build());

        assertThat(a).holds(BOUNDED_ADVERSARY).hasBasis("CAPACITY").withReasonContaining("capacity 0.49 < 0.50")
                .restingOn(new Capacity(0.49));
    }

    @Test
    void missingCapacityMakesTheBoundOneOfCapacity() {
        Assessment a = REASONER.assess(justBounded().build());

        assertThat(a).holds(BOUNDED_ADVERSARY).hasBasis("CAPACITY").withReasonContaining("capacity 0.00 < 0.50");
    }

    @Test
    void crossingMeansTheAdversaryIsNotBounded() {
        // RT = 1, no factions: RT* = 1 would bound it, but a crossing came 5 days ago
        Assessment a = REASONER.assess(scenario().returnTicket(1, 1, 1, 1).capacity(0.9)
                .event(new ThresholdCrossing(daysAgo(5))).build());

        assertThat(a).hasMetric(EFFECTIVE_RETURN_TICKET, 1.0).doesNotHold(BOUNDED_ADVERSARY);
    }

    @Test
    void crossingAfterAsOfDoesNotUnboundTheAdversary() {
        Assessment a = REASONER.assess(scenario().returnTicket(1, 1, 1, 1).capacity(0.9)
                .event(new ThresholdCrossing(daysAfter(1))).build());

        assertThat(a).holds(BOUNDED_ADVERSARY).hasBasis("WILL").hasStrength(1.0);
    }

    @Test
    void factionShiftMeansTheAdversaryIsNotBounded() {
        // HL* = 0.5: FACTION_SHIFT; RT* = 1 * 0.5 = 0.5 >= 0.30 would otherwise bound it
        Assessment a = REASONER.assess(shifted().capacity(0.9).build());

        assertThat(a).hasMetric(EFFECTIVE_RETURN_TICKET, 0.5).holds(FACTION_SHIFT).and().doesNotHold(BOUNDED_ADVERSARY);
    }

    @Test
    void calibratedBoundsChangeTheConclusion() {
        // bounded.returnTicketMin 0.35: RT* = 0.30 < 0.35, not bounded
        // bounded.capacityForWill 0.95: capacity 0.9 < 0.95, bounded by CAPACITY
        Assessment higherMin = REASONER.assess(justBounded().capacity(0.9)
                .calibrate("bounded.returnTicketMin", 0.35).build());
        Assessment higherWill = REASONER.assess(justBounded().capacity(0.9)
                .calibrate("bounded.capacityForWill", 0.95).build());

        assertThat(higherMin).doesNotHold(BOUNDED_ADVERSARY);
        assertThat(higherWill).holds(BOUNDED_ADVERSARY).hasBasis("CAPACITY")
                .withReasonContaining("capacity 0.90 < 0.95");
    }

    @Test
    void strainOnABoundedAdversaryMakesAnInwardCrackLikely() {
        // S = (1.0 + 0.4 + 0.6 + 0.4) / 4 = 0.60 >= 0.60, and the adversary is bounded
        Assessment a = REASONER.assess(justBounded().strain(1.0, 0.4, 0.6, 0.4).build());

        assertThat(a).hasMetric(STRAIN, 0.60).holds(BOUNDED_ADVERSARY);
        assertThat(a).holds(INWARD_CRACK_LIKELY)
                .becauseExactly("inward crack likely")
                .hasStrength(0.60)
                .withReasonContaining("strain 0.600 >= 0.60 on a bounded adversary")
                .restingOn(new Metric(STRAIN, 0.6));
        assertThat(a).doesNotHold(OUTWARD_LEAP_RISK);
    }

    @Test
    void strainJustBelowTheLineMakesNoCrack() {
        // S = (1.0 + 0.4 + 0.56 + 0.4) / 4 = 0.59 < 0.60
        Assessment a = REASONER.assess(justBounded().strain(1.0, 0.4, 0.56, 0.4).build());

        assertThat(a).holds(BOUNDED_ADVERSARY);
        assertThat(a).doesNotHold(INWARD_CRACK_LIKELY).doesNotHold(OUTWARD_LEAP_RISK);
    }

    @Test
    void strainOnAnUnboundedAdversaryWithoutShiftMakesNeitherCrackNorLeap() {
        // no ticket: RT* = 0 < 0.30, not bounded; HL = 0, no shift; S = 1
        Assessment a = REASONER.assess(scenario().strain(1, 1, 1, 1).build());

        assertThat(a).doesNotHold(BOUNDED_ADVERSARY).doesNotHold(FACTION_SHIFT)
                .doesNotHold(INWARD_CRACK_LIKELY).doesNotHold(OUTWARD_LEAP_RISK);
    }

    @Test
    void strainAfterAFactionShiftRisksAnOutwardLeap() {
        // HL* = 0.5: FACTION_SHIFT; S = 0.60
        Assessment a = REASONER.assess(shifted().strain(1.0, 0.4, 0.6, 0.4).build());

        assertThat(a).holds(OUTWARD_LEAP_RISK)
                .becauseExactly("outward leap risk")
                .hasStrength(0.60)
                .withReasonContaining("strain 0.600 >= 0.60 after a faction shift");
        assertThat(a).doesNotHold(INWARD_CRACK_LIKELY);
    }

    @Test
    void factionShiftWithoutStrainRisksNoLeap() {
        // S = 0.59 < 0.60
        Assessment a = REASONER.assess(shifted().strain(1.0, 0.4, 0.56, 0.4).build());

        assertThat(a).holds(FACTION_SHIFT).and().doesNotHold(OUTWARD_LEAP_RISK);
    }

    @Test
    void calibratedStrainThresholdChangesBothConclusions() {
        // strain.threshold 0.5: S = 0.59 >= 0.50
        Assessment bounded = REASONER.assess(justBounded().strain(1.0, 0.4, 0.56, 0.4)
                .calibrate("strain.threshold", 0.5).build());
        Assessment shifted = REASONER.assess(shifted().strain(1.0, 0.4, 0.56, 0.4)
                .calibrate("strain.threshold", 0.5).build());

        assertThat(bounded).holds(INWARD_CRACK_LIKELY).withReasonContaining("strain 0.590 >= 0.50");
        assertThat(shifted).holds(OUTWARD_LEAP_RISK).withReasonContaining("strain 0.590 >= 0.50");
    }
}
