package org.threshold.packs.maritime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.threshold.packs.maritime.MaritimePack.REASONER;
import static org.threshold.packs.maritime.MaritimePack.calibrated;
import static org.threshold.packs.maritime.MaritimePack.coastGuardAtWarship;
import static org.threshold.packs.maritime.MaritimePack.militia;
import static org.threshold.packs.maritime.MaritimePack.patrol;
import static org.threshold.packs.maritime.MaritimePack.standoff;
import static org.threshold.packs.maritime.MaritimePack.warning;
import static org.threshold.testing.AssessmentAssert.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Calibration;
import org.threshold.CalibrationKey;
import org.threshold.Explanation;
import org.threshold.scenario.ScenarioReader;

/** Each rule of the maritime pack: given these facts, it concludes that. */
class MaritimeRulesTest {

    @Test
    void thePackDeclaresItsCalibrationKeysWithDefaultsRangesAndMeanings() {
        assertThat(REASONER.calibrationKeys()).extracting(CalibrationKey::name, CalibrationKey::defaultValue, CalibrationKey::valid)
                .containsExactly(tuple("maritime.windowDays", 30.0, Calibration.Range.POSITIVE_DAYS),
                        tuple("maritime.greyZoneIncidents", 3.0, Calibration.Range.COUNT),
                        tuple("maritime.attributableWeight", 2.0, Calibration.Range.NON_NEGATIVE),
                        tuple("maritime.nearNavyWeight", 1.5, Calibration.Range.NON_NEGATIVE),
                        tuple("maritime.escalationThreshold", 0.8, Calibration.Range.NON_NEGATIVE));
        assertThat(REASONER.calibrationKeys()).allSatisfy(k -> assertThat(k.meaning()).isNotBlank());
        assertThat(REASONER.ruleNames()).containsExactly("maritime: grey-zone campaign", "maritime: incident",
                "maritime: naval clash risk", "maritime: patrol", "maritime: tension", "maritime: warning called");
    }

    // ---- incidents.drl and tension.drl ----

    @Test
    void tensionWeighsAttributableIncidentsNearTheNavyMost() {
        Assessment a = REASONER.assess(standoff().event(militia(3, 0.2)).event(coastGuardAtWarship(2, 0.5)).build());

        assertThat(a).hasMetric("maritime.tension", 0.2 + 0.5 * 2.0 * 1.5);
    }

    @Test
    void incidentsOutsideTheWindowDoNotCount() {
        Assessment a = REASONER.assess(standoff().event(militia(30, 0.9)).event(militia(29, 0.1)).build());

        assertThat(a).hasMetric("maritime.tension", 0.1);
    }

    @Test
    void withoutIncidentsTensionIsZero() {
        assertThat(REASONER.assess(standoff().build())).hasMetric("maritime.tension", 0.0);
    }

    @Test
    void theWeightsAreCalibrationKeys() {
        Assessment a = REASONER.assess(standoff().event(coastGuardAtWarship(2, 0.5))
                .calibration(calibrated("maritime.nearNavyWeight", 1.0)).build());

        assertThat(a).hasMetric("maritime.tension", 1.0);
    }

    // ---- greyzone.drl ----

    @Test
    void threeDeniableIncidentsMakeAGreyZoneCampaign() {
        Assessment a = REASONER.assess(standoff().event(militia(20, 0.1)).event(militia(10, 0.1))
                .event(militia(1, 0.1)).event(coastGuardAtWarship(1, 0.1)).build());

        assertThat(a).holds("GREY_ZONE_CAMPAIGN").because("maritime: grey-zone campaign").hasStrength(3.0)
                .withReasonContaining("3 deniable militia incidents in 30 days (>= 3)");
    }

    @Test
    void attributableIncidentsAreNoGreyZoneCampaign() {
        Assessment a = REASONER.assess(standoff().event(militia(20, 0.1)).event(militia(10, 0.1))
                .event(coastGuardAtWarship(1, 0.1)).build());

        assertThat(a).doesNotHold("GREY_ZONE_CAMPAIGN");
    }

    // ---- clash.drl ----

    @Test
    void tensionAtTheThresholdWithAPatrolAtSeaIsAClashRisk() {
        Assessment a = REASONER.assess(standoff().event(patrol(5)).event(coastGuardAtWarship(2, 0.3)).build());

        assertThat(a).holds("NAVAL_CLASH_RISK").because("maritime: naval clash risk").hasStrength(0.9)
                .withReasonContaining("tension 0.90 >= 0.80 with 1 navy patrol(s) at sea");
    }

    @Test
    void noPatrolNoClashRisk() {
        assertThat(REASONER.assess(standoff().event(coastGuardAtWarship(2, 0.9)).build())).doesNotHold("NAVAL_CLASH_RISK");
    }

    @Test
    void aScenarioMayRaiseTheThreshold() {
        Assessment a = REASONER.assess(standoff().event(patrol(5)).event(coastGuardAtWarship(2, 0.3))
                .calibration(calibrated("maritime.escalationThreshold", 1.0)).build());

        assertThat(a).doesNotHold("NAVAL_CLASH_RISK");
    }

    @Test
    void aPatrolAfterAWarningWithNoCoastGuardActionCallsTheWarning() {
        Assessment a = REASONER.assess(standoff().event(warning(20)).event(patrol(12)).event(militia(3, 0.2)).build());

        assertThat(a).holds("WARNING_CALLED").because("maritime: warning called")
                .withReasonContaining("warning of 2026-06-10 (severity 0.60) answered by a patrol 8 day(s) later");
    }

    @Test
    void aCoastGuardActionAfterThePatrolMeansTheWarningWasNotCalled() {
        Assessment a = REASONER.assess(standoff().event(warning(20)).event(patrol(12)).event(coastGuardAtWarship(3, 0.2)).build());

        assertThat(a).doesNotHold("WARNING_CALLED");
    }

    @Test
    void aPatrolBeforeTheWarningDoesNotCallIt() {
        assertThat(REASONER.assess(standoff().event(patrol(20)).event(warning(12)).build())).doesNotHold("WARNING_CALLED");
    }

    // ---- explanations and the example scenarios ----

    @Test
    void theDeclaredFactsAppearInTheExplanations() {
        Assessment a = REASONER.assess(standoff().event(warning(20)).event(patrol(12)).build());
        Explanation why = a.finding("WARNING_CALLED").orElseThrow().because().get(0);

        assertThat(why.facts()).extracting(f -> f.getClass().getSimpleName()).containsExactly("Calibration", "Threat", "Patrol");
        assertThat(why.facts().get(2).toString()).startsWith("Patrol(").contains("day=" + MaritimePack.daysAgo(12).toEpochDay());
    }

    @Test
    void theExampleScenariosConcludeWhatTheReadmeSays() {
        Assessment shoal = REASONER.assess(ScenarioReader.read(Path.of("packs/maritime/scenarios/shoal-standoff.yaml"),
                REASONER.calibrationKeys()));
        Assessment rammed = REASONER.assess(ScenarioReader.read(Path.of("packs/maritime/scenarios/warship-rammed.yaml"),
                REASONER.calibrationKeys()));

        assertThat(shoal.conclusions()).extracting(f -> f.type()).containsExactly("GREY_ZONE_CAMPAIGN", "WARNING_CALLED");
        assertThat(shoal).hasMetric("maritime.tension", 0.75);
        assertThat(rammed.conclusions()).extracting(f -> f.type()).containsExactly("NAVAL_CLASH_RISK");
        assertThat(rammed).hasMetric("maritime.tension", 2.6);
    }
}
