package org.threshold.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.Calibration;
import org.threshold.CalibrationKey;
import org.threshold.InvalidScenarioException;
import org.threshold.Scenario;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Signal;
import org.threshold.fact.Stance;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

class ScenarioReaderTest {

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
            """;

    @Test
    void readsEverySectionOfTheContractExampleButItsCalibration() {
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
    }

    // ---- the calibration section, with no pack on the class path: keys come only from packs ----

    private static final List<CalibrationKey> PACK_KEYS = List.of(
            new CalibrationKey("test.windowDays", 30, Calibration.Range.POSITIVE_DAYS, "days a test event counts"),
            new CalibrationKey("test.share", 0.5, Calibration.Range.UNIT, "a share"),
            new CalibrationKey("test.count", 2, Calibration.Range.COUNT, "a count"),
            new CalibrationKey("test.halfLifeDays", Double.POSITIVE_INFINITY, Calibration.Range.POSITIVE_DAYS, "none by default"));

    private static InvalidScenarioException errorWithPackKeys(String yaml) {
        try {
            ScenarioReader.read("bad.yaml", yaml, PACK_KEYS);
        } catch (InvalidScenarioException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidScenarioException for:\n" + yaml);
    }

    @Test
    void aCalibrationSectionWithNoPackLoadedSaysWhatIsMissing() {
        assertThat(error("name: x\nasOf: 2026-01-31\ncalibration:\n  test.share: 0.3\n").getMessage())
                .isEqualTo("bad.yaml:4:3: calibration.test.share: unknown key 'test.share' in calibration: no rule pack "
                        + "is loaded, so no calibration key is known. Maybe put the default pack (threshold-rules) on the "
                        + "class path, or read the file with the reasoner's keys: ScenarioReader.read(file, reasoner.calibrationKeys()).");
    }

    @Test
    void aScenarioWithoutCalibrationReadsWithNoPackLoaded() {
        assertThat(ScenarioReader.read("example.yaml", EXAMPLE).calibration().asMap()).isEmpty();
    }

    @Test
    void aPackKeyTakesTheValuesItsPackDeclares() {
        Scenario s = ScenarioReader.read("s.yaml", "name: x\nasOf: 2026-01-31\ncalibration:\n  test.share: 0.3\n"
                + "  test.count: 4\n", PACK_KEYS);

        assertThat(s.calibration().get("test.share")).isEqualTo(0.3);
        assertThat(s.calibration().get("test.count")).isEqualTo(4.0);
        assertThat(s.calibration().get("test.windowDays")).isEqualTo(30.0);
        assertThat(s.calibration().get("test.halfLifeDays")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aPackKeyOutOfItsRangeIsAnErrorNamingTheRange() {
        assertThat(errorWithPackKeys("name: x\nasOf: 2026-01-31\ncalibration:\n  test.share: 1.5\n").getMessage())
                .isEqualTo("bad.yaml:4:15: calibration.test.share: expected a number in [0, 1], got the number 1.5");
        assertThat(errorWithPackKeys("name: x\nasOf: 2026-01-31\ncalibration:\n  test.windowDays: 0\n").getMessage())
                .isEqualTo("bad.yaml:4:20: calibration.test.windowDays: expected a finite number of days > 0, got the number 0");
        assertThat(errorWithPackKeys("name: x\nasOf: 2026-01-31\ncalibration:\n  test.count: 2.5\n").getMessage())
                .isEqualTo("bad.yaml:4:15: calibration.test.count: expected a whole number >= 0, got the number 2.5");
        assertThat(errorWithPackKeys("name: x\nasOf: 2026-01-31\ncalibration:\n  test.halfLifeDays: .inf\n").getMessage())
                .contains("calibration.test.halfLifeDays").contains("NaN and infinities are not numbers here");
    }

    @Test
    void aMistypedPackKeySuggestsTheNearest() {
        assertThat(errorWithPackKeys("name: x\nasOf: 2026-01-31\ncalibration:\n  test.windowDay: 3\n").getMessage())
                .startsWith("bad.yaml:4:3: calibration.test.windowDay: unknown key 'test.windowDay'")
                .contains("Maybe you meant 'test.windowDays'");
    }

    @Test
    void leavesOutEventsAfterAsOfFromTheFactsButKeepsThemInTheScenario() {
        Scenario s = ScenarioReader.read("example.yaml", EXAMPLE);

        assertThat(s.events()).anyMatch(e -> e instanceof ThresholdCrossing);
        assertThat(s.facts()).noneMatch(f -> f instanceof ThresholdCrossing);
    }

    @Test
    void acceptsJsonToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, """
                {"name": "j", "asOf": "2026-01-31",
                 "events": [{"day": "2026-01-02", "type": "threat", "severity": 0.5}]}
                """);

        Scenario s = ScenarioReader.read(file);

        assertThat(s.events()).containsExactly(new Threat(LocalDate.of(2026, 1, 2), 0.5));
    }

    @Test
    void missingSectionsMeanZeroAndNoFactions() {
        Scenario s = ScenarioReader.read("min.yaml", "name: min\nasOf: 2026-01-01\n");

        assertThat(s.capacity().value()).isZero();
        assertThat(s.returnTicket().finance()).isZero();
        assertThat(s.factions()).isEmpty();
        assertThat(s.signals()).isEmpty();
        assertThat(s.costs().get(Party.OBSERVER).human()).isZero();
        assertThat(s.events()).isEmpty();
    }

    @Test
    void enumValuesAreCaseInsensitiveAndStrikesDefaultToTheProxy() {
        Scenario s = ScenarioReader.read("e.yaml", """
                name: e
                asOf: 2026-01-31
                adversary:
                  factions: [{name: h, stance: hardline, influence: 1}]
                events:
                  - {day: 2026-01-02, type: strike, target: deep, severity: 0.5}
                  - {day: 2026-01-03, type: Pressure, magnitude: 0.2}
                """);

        assertThat(s.factions().get(0).stance()).isEqualTo(Stance.HARDLINE);
        assertThat(s.events()).containsExactly(
                new Strike(LocalDate.of(2026, 1, 2), Party.PROXY, Target.DEEP, 0.5),
                new Pressure(LocalDate.of(2026, 1, 3), PressureKind.OTHER, 0.2));
    }

    @Test
    void identicalEventsAreTwoEvents() {
        Scenario s = ScenarioReader.read("twice.yaml", """
                name: twice
                asOf: 2026-01-31
                events:
                  - {day: 2026-01-02, type: STRIKE, target: DEEP, severity: 0.5}
                  - {day: 2026-01-02, type: STRIKE, target: DEEP, severity: 0.5}
                """);

        assertThat(s.facts()).filteredOn(f -> f instanceof Strike).hasSize(2);
    }

    // ---- bad input: one precise message each ----

    private static InvalidScenarioException error(String yaml) {
        try {
            ScenarioReader.read("bad.yaml", yaml);
        } catch (InvalidScenarioException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidScenarioException for:\n" + yaml);
    }

    @Test
    void unknownKeySuggestsTheNearestValidKey() {
        InvalidScenarioException e = error("""
                name: x
                asOf: 2026-01-31
                events:
                  - {day: 2026-01-02, type: STRIKE, target: DEEP, severty: 0.5}
                """);

        assertThat(e.getMessage()).isEqualTo("bad.yaml:4:51: events[0].severty: unknown key 'severty' in events[0]. "
                + "Maybe you meant 'severity'.");
        assertThat(e.line()).contains(4);
        assertThat(e.field()).isEqualTo("events[0].severty");
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearest() {
        assertThat(error("name: x\nasof: 2026-01-31\n").getMessage())
                .startsWith("bad.yaml:2:1: asof: unknown key 'asof'").contains("Maybe you meant 'asOf'");
    }

    @Test
    void keyOfAnotherEventTypeIsRejected() {
        assertThat(error("name: x\nasOf: 2026-01-31\nevents:\n  - {day: 2026-01-02, type: THREAT, severity: 0.5, target: DEEP}\n")
                .getMessage()).contains("events[0].target: unknown key 'target'");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(error("name: x\nasOf: 2026-01-31\nname: y\n").getMessage())
                .isEqualTo("bad.yaml:3:1: duplicate key 'name' (first given at line 1); each key may appear once. "
                        + "Maybe merge the two entries.");
    }

    @Test
    void scoresOutsideTheUnitIntervalAreErrors() {
        assertThat(error("name: x\nasOf: 2026-01-31\nadversary:\n  capacity: 1.5\n").getMessage())
                .isEqualTo("bad.yaml:4:13: adversary.capacity: expected a score: a number in [0, 1], got 1.5");
        assertThat(error("name: x\nasOf: 2026-01-31\nevents:\n  - {day: 2026-01-02, type: THREAT, severity: -0.1}\n")
                .getMessage()).contains("events[0].severity: expected a score: a number in [0, 1], got -0.1");
    }

    @Test
    void nanAndInfinitiesAreErrors() {
        assertThat(error("name: x\nasOf: 2026-01-31\nadversary:\n  capacity: .nan\n").getMessage())
                .contains("adversary.capacity").contains("NaN and infinities are not numbers here");
    }

    @Test
    void impossibleDatesAndWrongFormatsAreErrors() {
        assertThat(error("name: x\nasOf: 2026-02-30\n").getMessage())
                .isEqualTo("bad.yaml:2:7: asOf: '2026-02-30' is not a date that exists; expected a real calendar day like 2026-11-24");
        assertThat(error("name: x\nasOf: 24/11/2026\n").getMessage())
                .contains("asOf: expected an ISO date like 2026-11-24 (year-month-day), got '24/11/2026'");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatCame() {
        assertThat(error("name: x\nasOf: 2026-01-31\nadversary:\n  capacity: high\n").getMessage())
                .contains("adversary.capacity: expected a score: a number in [0, 1], got the text 'high'");
        assertThat(error("name: x\nasOf: 2026-01-31\nevents: {day: 2026-01-02}\n").getMessage())
                .contains("events: expected a list of events, got a mapping");
    }

    @Test
    void unknownEnumValuesListTheValidOnes() {
        assertThat(error("name: x\nasOf: 2026-01-31\nevents:\n  - {day: 2026-01-02, type: STRIKE, target: CAPTAL}\n")
                .getMessage()).contains("events[0].target: unknown value 'CAPTAL'; expected one of FRONTLINE, INFRASTRUCTURE, DEEP, CAPITAL. Maybe you meant 'CAPITAL'.");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertThat(error("asOf: 2026-01-31\n").getMessage()).contains("missing required key 'name'");
        assertThat(error("name: x\n").getMessage()).contains("missing required key 'asOf'");
        assertThat(error("name: x\nasOf: 2026-01-31\nevents:\n  - {type: THREAT}\n").getMessage())
                .contains("events[0]: missing required key 'day'");
    }

    @Test
    void emptyAndNonScenarioDocumentsAreErrors() {
        assertThat(error("").getMessage()).isEqualTo("bad.yaml: the file is empty; expected a scenario with at least 'name' and 'asOf'");
        assertThat(error("- a\n- b\n").getMessage()).contains("expected the scenario");
        assertThat(error("name: [unclosed\n").getMessage()).startsWith("bad.yaml:").contains("not valid YAML");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ScenarioReader.read(missing))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void duplicateFactionNamesAreErrors() {
        assertThat(error("""
                name: x
                asOf: 2026-01-31
                adversary:
                  factions:
                    - {name: a, stance: HARDLINE, influence: 0.5}
                    - {name: a, stance: PRAGMATIC, influence: 0.5}
                """).getMessage()).contains("adversary.factions[1].name: the faction name 'a' is already used by adversary.factions[0]");
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        assertThat(error(yaml.toString()).getMessage()).startsWith("bad.yaml");
    }

    // ---- regressions found by the hostile-input fuzz suite ----

    @Test
    void anAliasStandsForTheAnchoredValueEvenASingleValue() {
        // was: '*n' read as the text "n", so this file named its only faction "n" without a word
        Scenario s = ScenarioReader.read("alias.yaml", """
                name: &n hardliners
                asOf: &d 2026-01-31
                adversary:
                  capacity: &c 0.5
                  strain: {budget: *c}
                  factions: [{name: *n, stance: HARDLINE}]
                events:
                  - &e {day: *d, type: THREAT, severity: 0.5}
                  - *e
                """);

        assertThat(s.factions()).extracting(f -> f.name()).containsExactly("hardliners");
        assertThat(s.strain().budget()).isEqualTo(0.5);
        assertThat(s.events()).containsExactly(new Threat(LocalDate.of(2026, 1, 31), 0.5),
                new Threat(LocalDate.of(2026, 1, 31), 0.5));
    }

    @Test
    void anAliasWithoutAnAnchorIsAnErrorAtItsPlace() {
        assertThat(error("name: x\nasOf: 2026-01-31\nadversary:\n  capacity: *c\n").getMessage())
                .isEqualTo("bad.yaml:4:13: the alias '*c' refers to no value anchored (&c) before it; "
                        + "expected an anchor on a value earlier in the file");
    }

    @Test
    void moreAliasesThanTheLimitAreRefused() {
        StringBuilder yaml = new StringBuilder("name: x\nasOf: 2026-01-31\nevents:\n  - &e {day: 2026-01-02, type: THREAT}\n");
        for (int i = 0; i < ScenarioReader.MAX_ALIASES; i++) {
            yaml.append("  - *e\n");
        }
        assertThat(ScenarioReader.read("ok.yaml", yaml.toString()).events()).hasSize(ScenarioReader.MAX_ALIASES + 1);

        yaml.append("  - *e\n");
        assertThat(error(yaml.toString()).getMessage())
                .startsWith("bad.yaml:" + (ScenarioReader.MAX_ALIASES + 5) + ":5: more than 50 YAML aliases");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheDocument(@TempDir Path dir) throws Exception {
        // was: a .json file saved with a byte order mark was "not valid JSON: Unexpected character ('\uFEFF' ...)"
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF{\"name\": \"bom\", \"asOf\": \"2026-01-31\"}");

        assertThat(ScenarioReader.read(file).name()).isEqualTo("bom");
        assertThat(ScenarioReader.read("bom.yaml", "\uFEFFname: bom\nasOf: 2026-01-31\n").name()).isEqualTo("bom");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithoutTheParsersSnippet() {
        // was: several lines, with the library's quoted snippet and caret
        String message = error("name: x\nasOf: 2026-01-31\nevents: [\n").getMessage();

        assertThat(message).doesNotContain("\n").doesNotContain("in 'reader'").doesNotContain("^")
                .startsWith("bad.yaml:3:").contains("not valid YAML: while parsing a flow node");
        assertThat(error("name: x\n? [a, b]\n: c\n").getMessage())
                .isEqualTo("bad.yaml:2:4: not valid YAML: Expected a field name (Scalar value in YAML), got this instead: a list");
    }

    @Test
    void negativeZeroReadsAsZero() {
        // was: -0.0 kept its sign, so two files meaning the same gave scenarios that were not equal
        Scenario s = ScenarioReader.read("z.yaml", "name: x\nasOf: 2026-01-31\nadversary: {capacity: -0.0}\n");

        assertThat(Double.doubleToRawLongBits(s.capacity().value())).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void aVeryLongValueIsShortenedInTheMessage() {
        // was: a 2,000-digit number was quoted whole in the message
        String message = error("name: x\nasOf: 2026-01-31\nadversary: {capacity: 1" + "0".repeat(2000) + "}\n").getMessage();

        assertThat(message).hasSizeLessThan(200).contains("adversary.capacity").contains("(2001 characters)");
    }

    @Test
    void aCostWithoutItsHumanScoreCountsZero() {
        // was: a NullPointerException (exit code 1 from the command) for costs: {observer: {}}
        Scenario s = ScenarioReader.read("cost.yaml", "name: x\nasOf: 2026-01-31\ncosts:\n  observer: {}\n  proxy: {human: 0.9}\n");

        assertThat(s.costs().get(Party.OBSERVER).human()).isZero();
        assertThat(s.costs().get(Party.PROXY).human()).isEqualTo(0.9);
    }

}
