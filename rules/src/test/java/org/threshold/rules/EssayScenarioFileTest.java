package org.threshold.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.threshold.InvalidScenarioException;
import org.threshold.Scenario;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Signal;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.scenario.ScenarioReader;

/**
 * Scenario files whose {@code calibration:} section sets the essay pack's keys, read with the
 * pack on the class path as an application has it: the keys, their valid values and the pack's
 * checks come from the pack's calibration file, and {@code ScenarioReader.read(path)} needs nothing more.
 */
class EssayScenarioFileTest {

    private static final String EXAMPLE = """
            name: moscow-struck
            asOf: 2026-11-24
            adversary:
              capacity: 0.9
              returnTicket: {finance: 0.7, recognition: 0.8, eliteAspiration: 0.7, negotiability: 0.6}
              factions:
                - {name: pragmatists, stance: PRAGMATIC, influence: 0.65}
                - {name: hardliners,  stance: HARDLINE,  influence: 0.35}
              strain: {budget: 0.5, legitimacy: 0.3, recruitment: 0.5, eliteCohesion: 0.3}
            observer:
              signals: [LONG_WAR_BUDGETING, REARMAMENT]
            costs:
              observer: {human: 0.02}
              proxy:    {human: 0.9}
            events:
              - {day: 2026-11-23, type: STRIKE, by: PROXY, target: CAPITAL, severity: 0.6}
              - {day: 2026-09-01, type: THREAT, severity: 0.8}
              - {day: 2026-09-03, type: RETALIATION, severity: 0.7}
              - {day: 2026-08-01, type: PRESSURE, kind: SANCTIONS, magnitude: 0.5}
              - {day: 2026-12-01, type: THRESHOLD_CROSSING}
            calibration:
              humiliation.weight.capital: 0.3
              responseWindowDays: 45
            """;

    private static InvalidScenarioException error(String yaml) {
        try {
            ScenarioReader.read("bad.yaml", yaml);
        } catch (InvalidScenarioException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidScenarioException for:\n" + yaml);
    }

    @Test
    void readsEverySectionOfTheContractExample() {
        Scenario s = ScenarioReader.read("example.yaml", EXAMPLE);

        assertThat(s.name()).isEqualTo("moscow-struck");
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(s.capacity().value()).isEqualTo(0.9);
        assertThat(s.returnTicket().recognition()).isEqualTo(0.8);
        assertThat(s.factions()).extracting(f -> f.name() + "/" + f.stance() + "/" + f.influence())
                .containsExactly("pragmatists/PRAGMATIC/0.65", "hardliners/HARDLINE/0.35");
        assertThat(s.strain().eliteCohesion()).isEqualTo(0.3);
        assertThat(s.signals()).containsExactly(Signal.LONG_WAR_BUDGETING, Signal.REARMAMENT);
        assertThat(s.costs().get(Party.PROXY).human()).isEqualTo(0.9);
        assertThat(s.events()).hasSize(5);
        assertThat(s.events().get(0)).isEqualTo(new Strike(LocalDate.of(2026, 11, 23), Party.PROXY, Target.CAPITAL, 0.6));
        assertThat(s.events().get(3)).isEqualTo(new Pressure(LocalDate.of(2026, 8, 1), PressureKind.SANCTIONS, 0.5));
        assertThat(s.calibration().get("humiliation.weight.capital")).isEqualTo(0.3);
        assertThat(s.calibration().get("responseWindowDays")).isEqualTo(45.0);
        assertThat(s.calibration().get("humiliation.weight.deep")).isEqualTo(0.08);
    }

    @Test
    void unknownCalibrationKeySuggestsTheNearest() {
        assertThat(error("name: x\nasOf: 2026-01-31\ncalibration:\n  responseWindow: 10\n").getMessage())
                .startsWith("bad.yaml:4:3: calibration.responseWindow: unknown key 'responseWindow'")
                .contains("Maybe you meant 'responseWindowDays'");
    }

    @Test
    void nonPositiveWindowOrHalfLifeIsAnError() {
        assertThat(error("name: x\nasOf: 2026-01-31\ncalibration:\n  responseWindowDays: 0\n").getMessage())
                .isEqualTo("bad.yaml:4:23: calibration.responseWindowDays: expected a finite number of days > 0, got the number 0");
        assertThat(error("name: x\nasOf: 2026-01-31\ncalibration:\n  humiliation.halfLifeDays: -3\n").getMessage())
                .contains("expected a finite number of days > 0");
    }

    @Test
    void riskBoundsOutOfOrderAreErrors() {
        assertThat(error("name: x\nasOf: 2026-01-31\ncalibration:\n  risk.high: 0.9\n").getMessage())
                .contains("calibration: risk bounds must rise");
    }

    @Test
    void aValueOnSeveralLinesIsShownOnOneLine() {
        String message = error("name: x\nasOf: 2026-01-31\ncalibration:\n  responseWindowDays: \"45\\n%\"\n").getMessage();

        assertThat(message).doesNotContain("\n").contains("got the text '45\\n%'");
    }

    @Test
    void aKeyFarFromEveryValidOneGetsAShortHint() {
        String key = "k".repeat(300);
        String message = error("name: x\nasOf: 2026-01-31\ncalibration:\n  " + key + ": 0.3\n").getMessage();

        assertThat(message).hasSizeLessThan(600).contains("(34 in all; the README lists them)").contains("(300 characters)");
    }

    @Test
    void anExampleFileReadsByItsPathAloneWithTheDefaultPackOnTheClassPath() {
        Scenario s = ScenarioReader.read(java.nio.file.Path.of("..", "examples", "scenarios", "moscow-struck.yaml"));

        assertThat(s.calibration().changes()).containsExactly(java.util.Map.entry("humiliation.weight.capital", 0.3),
                java.util.Map.entry("responseWindowDays", 45.0));
        assertThat(s.calibration().key("responseWindowDays").meaning())
                .isEqualTo("days after a threat or deep strike in which a crossing answers it");
        assertThat(s.calibration().key("humiliation.halfLifeDays").unsetMeansNone()).isTrue();
        assertThat(s.calibration().key("longWar.signals").wholeNumber()).isTrue();
    }

    @Test
    void nanAndInfinitiesAreErrors() {
        assertThat(error("name: x\nasOf: 2026-01-31\ncalibration:\n  humiliation.halfLifeDays: .inf\n").getMessage())
                .contains("calibration.humiliation.halfLifeDays");
    }
}
