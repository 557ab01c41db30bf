package org.threshold.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threshold.InvalidScenarioException;
import org.threshold.Scenario;
import org.threshold.ensemble.Distribution;

class UncertaintySectionTest {

    private static final String BASE = """
            name: u
            asOf: 2026-11-24
            adversary:
              capacity: 0.9
              factions:
                - {name: pragmatists, stance: PRAGMATIC, influence: 0.65}
                - {name: hardliners,  stance: HARDLINE,  influence: 0.35}
            events:
              - {day: 2026-11-23, type: STRIKE, by: PROXY, target: CAPITAL, severity: 0.6}
              - {day: 2026-08-01, type: PRESSURE, kind: SANCTIONS, magnitude: 0.5}
            uncertainty:
            """;

    private static Scenario read(String section) {
        return ScenarioReader.read("u.yaml", BASE + section);
    }

    private static InvalidScenarioException error(String section) {
        try {
            read(section);
        } catch (InvalidScenarioException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidScenarioException for:\n" + section);
    }

    @Test
    void readsEveryDistributionOfTheContractInFileOrderUnderItsPath() {
        Scenario s = read("""
                  adversary.capacity:            {uniform: [0.6, 1.0]}
                  factions.hardliners.influence: {triangular: [0.2, 0.35, 0.6]}
                  humiliation.weight.capital:    {normal: [0.25, 0.05]}
                  events[0].severity:            {uniform: [0.4, 0.8]}
                  responseWindowDays:            {choice: [21, 30, 45]}
                  calibration.threat.decay:      {uniform: [0.7, 0.9]}
                  adversary.factions.pragmatists.influence: {choice: [0.5, 0.65]}
                """);

        assertThat(s.uncertainty().parameters()).containsExactly(
                Map.entry("adversary.capacity", new Distribution.Uniform(0.6, 1.0)),
                Map.entry("factions.hardliners.influence", new Distribution.Triangular(0.2, 0.35, 0.6)),
                Map.entry("humiliation.weight.capital", new Distribution.Normal(0.25, 0.05)),
                Map.entry("events[0].severity", new Distribution.Uniform(0.4, 0.8)),
                Map.entry("responseWindowDays", new Distribution.Choice(List.of(21.0, 30.0, 45.0))),
                Map.entry("threat.decay", new Distribution.Uniform(0.7, 0.9)),
                Map.entry("factions.pragmatists.influence", new Distribution.Choice(List.of(0.5, 0.65))));
        // the scenario's own values are untouched
        assertThat(s.capacity().value()).isEqualTo(0.9);
    }

    @Test
    void aScenarioWithoutTheSectionHasNoUncertainty() {
        assertThat(ScenarioReader.read("u.yaml", "name: u\nasOf: 2026-11-24\n").uncertainty().isEmpty()).isTrue();
        assertThat(read("").uncertainty().isEmpty()).isTrue();
    }

    @Test
    void anUnknownPathIsAnErrorAtItsKeyWithTheNearestValidPaths() {
        InvalidScenarioException e = error("  factions.hardliner.influence: {uniform: [0.2, 0.5]}\n");
        assertThat(e.getMessage()).startsWith("u.yaml:12:3: uncertainty.factions.hardliner.influence: unknown parameter "
                + "'factions.hardliner.influence'. The nearest valid paths: factions.hardliners.influence");
    }

    @Test
    void anEventThatIsNotThereIsAnUnknownPath() {
        assertThat(error("  events[7].severity: {uniform: [0.2, 0.5]}\n").getMessage())
                .startsWith("u.yaml:12:3: uncertainty.events[7].severity: unknown parameter").contains("events[0].severity");
        assertThat(read("  events[1].magnitude: {uniform: [0.2, 0.5]}\n").uncertainty().parameters())
                .containsKey("events[1].magnitude");
    }

    @Test
    void anUnknownDistributionIsAnErrorWithTheNearestName() {
        assertThat(error("  adversary.capacity: {unifrom: [0.2, 0.5]}\n").getMessage())
                .isEqualTo("u.yaml:12:24: uncertainty.adversary.capacity.unifrom: unknown distribution 'unifrom'. "
                        + "Maybe you meant 'uniform'.");
    }

    @Test
    void valuesOutsideTheParametersValidValuesAreErrors() {
        assertThat(error("  adversary.capacity: {uniform: [0.6, 1.2]}\n").getMessage())
                .isEqualTo("u.yaml:12:23: uncertainty.adversary.capacity: high 1.2 is outside the valid values of "
                        + "adversary.capacity (a score: a number in [0, 1])");
        assertThat(error("  humiliation.weight.capital: {triangular: [-0.1, 0.2, 0.4]}\n").getMessage())
                .contains("low -0.1 is outside the valid values of humiliation.weight.capital (a finite number >= 0)");
        assertThat(error("  responseWindowDays: {choice: [0, 30]}\n").getMessage())
                .contains("choice value 1 (0) is outside the valid values of responseWindowDays (a finite number of days > 0)");
        assertThat(error("  adversary.capacity: {normal: [1.5, 0.1]}\n").getMessage())
                .contains("the mean 1.5 is outside the valid values of adversary.capacity");
    }

    @Test
    void lowAboveHighModeOutsideAndNonPositiveSdAreErrors() {
        assertThat(error("  adversary.capacity: {uniform: [0.8, 0.6]}\n").getMessage())
                .isEqualTo("u.yaml:12:33: uncertainty.adversary.capacity.uniform: low 0.8 > high 0.6; "
                        + "expected [low, high] with low <= high");
        assertThat(error("  adversary.capacity: {triangular: [0.2, 0.7, 0.6]}\n").getMessage())
                .contains("uncertainty.adversary.capacity.triangular: the mode 0.7 is outside [low, high] = [0.2, 0.6]");
        assertThat(error("  adversary.capacity: {normal: [0.5, 0]}\n").getMessage())
                .isEqualTo("u.yaml:12:38: uncertainty.adversary.capacity.normal[1]: the sd 0 is not above 0; "
                        + "expected [mean, sd] with sd > 0");
        assertThat(error("  adversary.capacity: {normal: [0.5, -0.1]}\n").getMessage()).contains("the sd -0.1 is not above 0");
    }

    @Test
    void anEmptyChoiceAndTheWrongNumberOfArgumentsAreErrors() {
        assertThat(error("  responseWindowDays: {choice: []}\n").getMessage())
                .contains("uncertainty.responseWindowDays.choice: an empty choice; expected at least one value");
        assertThat(error("  adversary.capacity: {uniform: [0.5]}\n").getMessage())
                .contains("uniform takes 2 numbers [low, high], got 1");
        assertThat(error("  adversary.capacity: {triangular: [0.1, 0.5]}\n").getMessage())
                .contains("triangular takes 3 numbers [low, mode, high], got 2");
    }

    @Test
    void wrongShapesSayWhatWasExpected() {
        assertThat(error("  adversary.capacity: 0.5\n").getMessage())
                .contains("uncertainty.adversary.capacity: expected one distribution, like {uniform: [0.6, 1.0]}")
                .endsWith("got the number 0.5");
        assertThat(error("  adversary.capacity: {uniform: [0.5, 0.6], normal: [0.5, 0.1]}\n").getMessage())
                .endsWith("got a mapping of 2 keys");
        assertThat(error("  adversary.capacity: {uniform: 0.5}\n").getMessage())
                .contains("expected a list of numbers [low, high], got the number 0.5");
        assertThat(error("  adversary.capacity: {uniform: [low, 0.5]}\n").getMessage())
                .contains("uncertainty.adversary.capacity.uniform[0]: expected a number, got the text 'low'");
        assertThat(error("  adversary.capacity: {uniform: [.nan, 0.5]}\n").getMessage())
                .contains("NaN and infinities are not numbers here");
        assertThatThrownBy(() -> ScenarioReader.read("u.yaml", "name: u\nasOf: 2026-11-24\nuncertainty: [1, 2]\n"))
                .hasMessage("u.yaml:3:14: uncertainty: expected a mapping of parameter paths to distributions, like "
                        + "adversary.capacity: {uniform: [0.6, 1.0]}; got a list");
    }

    @Test
    void aWholeNumberKeyTakesOnlyAChoiceOfWholeNumbers() {
        assertThat(error("  longWar.signals: {uniform: [1, 3]}\n").getMessage())
                .contains("longWar.signals takes whole numbers only; expected {choice: [...]} of whole numbers, got uniform");
        assertThat(error("  longWar.signals: {choice: [1, 2.5]}\n").getMessage())
                .contains("choice value 2 (2.5) is outside the valid values of longWar.signals (a whole number >= 0)");
        assertThat(read("  longWar.signals: {choice: [1, 2, 3]}\n").uncertainty().parameters()).containsKey("longWar.signals");
    }

    @Test
    void theSameParameterUnderTwoNamesIsAnError() {
        assertThat(error("  responseWindowDays: {choice: [21]}\n  calibration.responseWindowDays: {choice: [30]}\n").getMessage())
                .startsWith("u.yaml:13:3: uncertainty.calibration.responseWindowDays: 'calibration.responseWindowDays' is the "
                        + "same parameter as 'responseWindowDays'");
    }

    @Test
    void riskBoundsThatSomeDrawsWouldPutOutOfOrderAreAnError() {
        assertThat(error("  risk.elevated: {uniform: [0.2, 0.5]}\n").getMessage())
                .startsWith("u.yaml:12:3: uncertainty: the risk bounds must rise in every draw")
                .contains("risk.elevated can be drawn as high as 0.5 and risk.high as low as 0.45");
        assertThat(read("  risk.elevated: {uniform: [0.2, 0.45]}\n").uncertainty().size()).isEqualTo(1);
    }
}
