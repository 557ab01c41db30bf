package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.EFFECTIVE_RETURN_TICKET;
import static org.threshold.rules.EssayModel.RESTRAINT_TOLERANCE;
import static org.threshold.rules.EssayModel.RETURN_TICKET;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Threshold;

/** returnticket.drl: the return-ticket strength RT, MODEL.md metric 1. */
class ReturnTicketRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    @Test
    void returnTicketIsTheMeanOfItsFourParts() {
        // RT = (0.7 + 0.8 + 0.7 + 0.6) / 4 = 2.8 / 4 = 0.70
        Assessment a = REASONER.assess(scenario().returnTicket(0.7, 0.8, 0.7, 0.6).build());

        assertThat(a).hasMetric(RETURN_TICKET, 0.70);
    }

    @Test
    void eachPartWeighsTheSameByDefault() {
        // RT = (0 + 0 + 0 + 1.0) / 4 = 0.25, whichever part carries the 1.0
        assertThat(REASONER.assess(scenario().returnTicket(1.0, 0, 0, 0).build())).hasMetric(RETURN_TICKET, 0.25);
        assertThat(REASONER.assess(scenario().returnTicket(0, 1.0, 0, 0).build())).hasMetric(RETURN_TICKET, 0.25);
        assertThat(REASONER.assess(scenario().returnTicket(0, 0, 1.0, 0).build())).hasMetric(RETURN_TICKET, 0.25);
        assertThat(REASONER.assess(scenario().returnTicket(0, 0, 0, 1.0).build())).hasMetric(RETURN_TICKET, 0.25);
    }

    @Test
    void missingReturnTicketIsZero() {
        Assessment a = REASONER.assess(scenario().build());

        assertThat(a).hasMetric(RETURN_TICKET, 0.0);
    }

    @Test
    void calibratedWeightMakesItAWeightedMean() {
        // GIVEN finance weighs 3, the others 1
        // RT = (3 * 1.0 + 1 * 0 + 1 * 0 + 1 * 0) / (3 + 1 + 1 + 1) = 3 / 6 = 0.5 (0.25 with the default weights)
        var scenario = scenario().returnTicket(1.0, 0, 0, 0).calibrate("returnTicket.weight.finance", 3).build();

        // WHEN
        Assessment a = REASONER.assess(scenario);

        // THEN
        assertThat(a).hasMetric(RETURN_TICKET, 0.5);
    }

    @Test
    void zeroWeightLeavesAPartOutOfTheMean() {
        // RT = (0.6 + 0.6 + 0.6 + 0 * 0.0) / (1 + 1 + 1 + 0) = 1.8 / 3 = 0.6 (0.45 with the default weights)
        var scenario = scenario().returnTicket(0.6, 0.6, 0.6, 0.0)
                .calibrate("returnTicket.weight.negotiability", 0).build();

        assertThat(REASONER.assess(scenario)).hasMetric(RETURN_TICKET, 0.6);
    }

    @Test
    void returnTicketBuysRestraintToleranceAndCarriesIntoTheEffectiveTicket() {
        // RT = 0.8; no factions so HL = HL* = 0
        // T = clamp(0.20 + 0.60 * 0.8 - 0.40 * 0) = 0.68; RT* = 0.8 * (1 - 0) = 0.8
        Assessment a = REASONER.assess(scenario().returnTicket(0.8, 0.8, 0.8, 0.8).build());

        assertThat(a).hasMetric(RETURN_TICKET, 0.8)
                .hasMetric(RESTRAINT_TOLERANCE, 0.68)
                .hasMetric(EFFECTIVE_RETURN_TICKET, 0.8);
    }
}
