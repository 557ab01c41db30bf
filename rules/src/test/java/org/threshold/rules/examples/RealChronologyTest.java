package org.threshold.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.scenario.ScenarioReader;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/** What the README says of the essay over the real war, checked on the example file. */
class RealChronologyTest {

    private static Timeline timeline;

    @BeforeAll
    static void simulate() {
        Reasoner reasoner = Threshold.builder().build();
        Scenario s = ScenarioReader.read(Path.of("..", "examples", "scenarios", "real-chronology.yaml"));
        timeline = reasoner.simulate(s, new SimulationOptions(LocalDate.of(2022, 2, 24), null, 1));
    }

    private static LocalDate first(String subject, String after) {
        return timeline.transitions().stream().filter(t -> t.subject().equals(subject) && t.after().equals(after))
                .map(Transition::day).findFirst().orElseThrow();
    }

    private static LocalDate firstDayConfidenceReaches(double q) {
        return timeline.steps().stream().filter(s -> s.assessment().metrics().get("observerConfidence") >= q)
                .map(Step::day).findFirst().orElseThrow();
    }

    @Test
    void theObserverReadsMoscowAsBoundedAndPressesFromTheThirdLapsedThreat() {
        assertThat(first("posture", "PRESS")).isEqualTo("2022-10-22");
        assertThat(first("THREATS_DISCOUNTED", Transition.HOLDS)).isEqualTo("2022-10-22");
        assertThat(firstDayConfidenceReaches(0.60)).isEqualTo("2023-06-03");
        assertThat(firstDayConfidenceReaches(0.80)).isEqualTo("2023-09-30");
        assertThat(firstDayConfidenceReaches(0.90)).isEqualTo("2024-10-11");
    }

    @Test
    void miscalibrationBeginsAtPskovAndTheHardlinersGetTheirMomentOnTheTenthOfSeptember2024() {
        List<LocalDate> miscalibration = timeline.transitions().stream()
                .filter(t -> t.subject().equals("MISCALIBRATION")).map(Transition::day).toList();
        assertThat(miscalibration).containsExactly(LocalDate.parse("2023-08-30"), LocalDate.parse("2023-12-31"),
                LocalDate.parse("2024-01-21"));
        assertThat(first("FACTION_SHIFT", Transition.HOLDS)).isEqualTo("2024-09-10");
        assertThat(first("BOUNDED_ADVERSARY", Transition.DOES_NOT_HOLD)).isEqualTo("2024-09-10");
        assertThat(first("riskLevel", "HIGH")).isEqualTo("2024-09-18");
    }

    @Test
    void onTheLastDayTheObserverPressesAConfidentMiscalibration() {
        Assessment last = timeline.steps().get(timeline.steps().size() - 1).assessment();
        assertThat(last.asOf()).isEqualTo("2025-11-14");
        assertThat(last.posture().name()).isEqualTo("PRESS");
        assertThat(last.riskLevel().name()).isEqualTo("HIGH");
        assertThat(last.metrics().get("observerConfidence")).isCloseTo(0.9606, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(last.metrics().get("escalationRisk")).isCloseTo(0.6216, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(last.conclusionTypes()).contains("MISCALIBRATION", "FACTION_SHIFT").doesNotContain("BOUNDED_ADVERSARY");
    }
}
