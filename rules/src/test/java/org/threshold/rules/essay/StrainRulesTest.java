package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.STRAIN;
import static org.threshold.rules.essay.EssayScenarios.AS_OF;
import static org.threshold.rules.essay.EssayScenarios.daysAfter;
import static org.threshold.rules.essay.EssayScenarios.daysAgo;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;

/** strain.drl: strain S = clamp(mean of the four parts + 0.02 * sum of pressure magnitudes), MODEL.md metric 10. */
class StrainRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    @Test
    void strainIsTheMeanOfItsFourParts() {
        // S = (0.5 + 0.3 + 0.5 + 0.3) / 4 = 0.40
        Assessment a = REASONER.assess(scenario().strain(0.5, 0.3, 0.5, 0.3).build());

        assertThat(a).hasMetric(STRAIN, 0.40);
    }

    @Test
    void missingStrainIsZero() {
        assertThat(REASONER.assess(scenario().build())).hasMetric(STRAIN, 0.0);
    }

    @Test
    void pressureAddsTwoHundredthsPerUnitOfMagnitude() {
        // S = 0.40 + 0.02 * 0.5 = 0.41
        Assessment a = REASONER.assess(scenario().strain(0.5, 0.3, 0.5, 0.3)
                .event(new Pressure(daysAgo(100), PressureKind.SANCTIONS, 0.5)).build());

        assertThat(a).hasMetric(STRAIN, 0.41);
    }

    @Test
    void everyKindOfPressureCounts() {
        // S = 0.40 + 0.02 * (0.5 + 0.5 + 1.0 + 1.0) = 0.40 + 0.06 = 0.46
        Assessment a = REASONER.assess(scenario().strain(0.5, 0.3, 0.5, 0.3)
                .event(new Pressure(daysAgo(40), PressureKind.SANCTIONS, 0.5))
                .event(new Pressure(daysAgo(30), PressureKind.WEAPONS, 0.5))
                .event(new Pressure(daysAgo(20), PressureKind.PERMISSION, 1.0))
                .event(new Pressure(daysAgo(10), PressureKind.OTHER, 1.0))
                .build());

        assertThat(a).hasMetric(STRAIN, 0.46);
    }

    @Test
    void pressureAloneStrains() {
        // S = 0 + 0.02 * 0.5 = 0.01
        Assessment a = REASONER.assess(scenario()
                .event(new Pressure(daysAgo(1), PressureKind.WEAPONS, 0.5)).build());

        assertThat(a).hasMetric(STRAIN, 0.01);
    }

    @Test
    void identicalPressuresCountTwice() {
        // S = 0.02 * (0.5 + 0.5) = 0.02
        Assessment a = REASONER.assess(scenario()
                .event(new Pressure(daysAgo(5), PressureKind.SANCTIONS, 0.5))
                .event(new Pressure(daysAgo(5), PressureKind.SANCTIONS, 0.5))
                .build());

        assertThat(a).hasMetric(STRAIN, 0.02);
    }

    @Test
    void pressureAfterAsOfIsIgnored() {
        // only the pressure on asOf counts: S = 0.40 + 0.02 * 0.5 = 0.41
        Assessment a = REASONER.assess(scenario().strain(0.5, 0.3, 0.5, 0.3)
                .event(new Pressure(AS_OF, PressureKind.SANCTIONS, 0.5))
                .event(new Pressure(daysAfter(1), PressureKind.WEAPONS, 1.0))
                .build());

        assertThat(a).hasMetric(STRAIN, 0.41);
    }

    @Test
    void strainSaturatesAtOne() {
        // S = clamp(1.0 + 0.02 * 1.0) = clamp(1.02) = 1
        Assessment a = REASONER.assess(scenario().strain(1, 1, 1, 1)
                .event(new Pressure(daysAgo(1), PressureKind.SANCTIONS, 1.0)).build());

        assertThat(a).hasMetric(STRAIN, 1.0);
    }

    @Test
    void halfLifeOfHumiliationDoesNotFadePressure() {
        // the half-life applies to humiliation only: S = 0.02 * 1.0 = 0.02
        Assessment a = REASONER.assess(scenario()
                .event(new Pressure(daysAgo(100), PressureKind.SANCTIONS, 1.0))
                .calibrate("humiliation.halfLifeDays", 10).build());

        assertThat(a).hasMetric(STRAIN, 0.02);
    }

    @Test
    void calibratedStrainPerPressureChangesStrain() {
        // strain.perPressure 0.1: S = 0.40 + 0.1 * 0.5 = 0.45 (0.41 by default)
        Assessment a = REASONER.assess(scenario().strain(0.5, 0.3, 0.5, 0.3)
                .event(new Pressure(daysAgo(100), PressureKind.SANCTIONS, 0.5))
                .calibrate("strain.perPressure", 0.1).build());

        assertThat(a).hasMetric(STRAIN, 0.45);
    }
}
