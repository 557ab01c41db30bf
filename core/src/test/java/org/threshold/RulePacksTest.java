package org.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.fact.Threat;
import org.threshold.scenario.ScenarioReader;

/** Packs from the class path and from folders, their own calibration keys, and declared fact types in explanations. */
class RulePacksTest {

    private static final String FOLDER = "org/threshold/testpack/";
    private static Reasoner reasoner;

    @BeforeAll
    static void buildOnce() {
        reasoner = Threshold.builder().defaultPacks(false).pack(testPack()).build();
    }

    static RulePack testPack() {
        return RulePack.fromClasspath("test", RulePacksTest.class.getClassLoader(),
                FOLDER + "alarm.drl", FOLDER + "calibration.properties");
    }

    private static Scenario threat(double severity) {
        return Scenario.builder("t", LocalDate.of(2026, 1, 31)).event(new Threat(LocalDate.of(2026, 1, 30), severity)).build();
    }

    @Test
    void aClasspathPackDeclaresItsCalibrationKeysWithDefaults() {
        assertThat(testPack().calibration()).containsExactly(CalibrationKey.anyNumber("test.alarmAt", 0.5));
        assertThat(testPack().sources()).extracting(RuleSource::name).containsExactly("classpath:" + FOLDER + "alarm.drl");
        assertThat(reasoner.calibrationKeys()).containsExactly(CalibrationKey.anyNumber("test.alarmAt", 0.5));
    }

    @Test
    void rulesReadThePackKeyAtItsDefault() {
        assertThat(reasoner.assess(threat(0.6)).finding("ALARM")).isPresent();
        assertThat(reasoner.assess(threat(0.4)).finding("ALARM")).isEmpty();
    }

    @Test
    void aScenarioMayMoveThePackKey() {
        Scenario lowered = threat(0.4).toBuilder()
                .calibration(Calibration.defaults().declare(reasoner.calibrationKeys()).with("test.alarmAt", 0.3))
                .build();

        assertThat(reasoner.assess(lowered).finding("ALARM")).isPresent();
    }

    @Test
    void aDeclaredFactShowsUpInTheExplanationWithItsFields() {
        Explanation why = reasoner.assess(threat(0.6)).finding("ALARM").orElseThrow().because().get(0);

        assertThat(why.rule()).isEqualTo("alarm raised");
        assertThat(why.reason()).isEqualTo("alarm at 0.60");
        assertThat(why.facts()).hasSize(1);
        assertThat(why.facts().get(0).getClass().getName()).isEqualTo("org.threshold.testpack.Alarm");
        assertThat(why.facts().get(0).toString()).contains("Alarm").contains("level=0.6");
    }

    @Test
    void theScenarioFileAcceptsThePackKeysOnlyWhenTold() {
        String text = "name: t\nasOf: 2026-01-31\ncalibration:\n  test.alarmAt: 0.3\n";

        Scenario s = ScenarioReader.read("s.yaml", text, reasoner.calibrationKeys());

        assertThat(s.calibration().get("test.alarmAt")).isEqualTo(0.3);
        assertThat(s.calibration().asMap()).containsOnlyKeys("test.alarmAt");
        assertThatThrownBy(() -> ScenarioReader.read("s.yaml", text))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageStartingWith("s.yaml:4:3: calibration.test.alarmAt: unknown key 'test.alarmAt'");
    }

    @Test
    void aMistypedPackKeyInTheScenarioFileSuggestsTheNearest() {
        assertThatThrownBy(() -> ScenarioReader.read("s.yaml", "name: t\nasOf: 2026-01-31\ncalibration:\n  test.alarmAtt: 0.3\n",
                reasoner.calibrationKeys()))
                .hasMessage("s.yaml:4:3: calibration.test.alarmAtt: unknown key 'test.alarmAtt' in calibration. "
                        + "Maybe you meant 'test.alarmAt'.");
        assertThatThrownBy(() -> ScenarioReader.read("s.yaml", "name: t\nasOf: 2026-01-31\ncalibration:\n  test.alarmAt: high\n",
                reasoner.calibrationKeys()))
                .hasMessage("s.yaml:4:17: calibration.test.alarmAt: expected a finite number, got the text 'high'");
    }

    @Test
    void aScenarioWithAKeyNoPackDeclaresIsRefusedByTheReasoner() {
        Scenario foreign = threat(0.6).toBuilder()
                .calibration(Calibration.defaults().declare(Map.of("other.key", 1.0)))
                .build();

        assertThatThrownBy(() -> reasoner.assess(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sets the calibration key 'other.key', which no rule pack of this reasoner declares");
    }

    @Test
    void aPackCannotRedeclareAnotherPacksKeyOtherwise() {
        RulePack clash = RulePack.of("clash", List.of(new RuleSource("c.drl", "package c;\n")), Map.of("test.alarmAt", 0.9));

        assertThatThrownBy(() -> Threshold.builder().defaultPacks(false).pack(testPack()).pack(clash).build())
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("rule pack 'clash': the calibration key 'test.alarmAt' is declared twice, "
                        + "with defaults 0.5 and 0.9. Maybe two packs use one name; give each pack's keys its own prefix.");
    }

    @Test
    void signpostsLeaveOutUnansweredEventsWhereNoPackSaysWhenAnEventIsAnswered() {
        List<org.threshold.analysis.Signpost> found = new org.threshold.analysis.Signposts(reasoner)
                .find(threat(0.4), List.of("ALARM"));

        assertThat(found).extracting(org.threshold.analysis.Signpost::kind)
                .containsExactly(org.threshold.analysis.SignpostKind.THREAT);
        assertThat(found.get(0).count()).isEqualTo(1);
    }

    @Test
    void unknownKeysStayErrorsInJava() {
        assertThatThrownBy(() -> Calibration.defaults().get("test.alarmAt"))
                .hasMessageStartingWith("unknown calibration key (test.alarmAt).");
        assertThatThrownBy(() -> Calibration.defaults().declare(Map.of("test.alarmAt", 0.5)).with("test.alarmat", 1))
                .hasMessageContaining("Maybe you meant 'test.alarmAt'");
    }

    @Test
    void aFolderPackReadsItsCalibrationFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.drl"), "package a;\n");
        Files.writeString(dir.resolve(RulePack.CALIBRATION_FILE), "# keys\na.one = 1\na.two: 0.25\n");

        assertThat(RulePack.fromPath(dir).calibration()).containsExactly(CalibrationKey.anyNumber("a.one", 1.0),
                CalibrationKey.anyNumber("a.two", 0.25));
    }

    @Test
    void aCalibrationFileDeclaresValidValuesAndMeanings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.drl"), "package a;\n");
        Files.writeString(dir.resolve(RulePack.CALIBRATION_FILE), """
                a.share = 0.3 | score | the share that counts
                a.weight = 2 | non-negative | a weight
                a.days = 14 | positive days | days an event counts
                a.halfLife = none | positive days | half-life; none means no fading
                a.count = 3 | whole number | events needed
                a.offset = -1.5 | any number
                """);

        assertThat(RulePack.fromPath(dir).calibration()).containsExactly(
                new CalibrationKey("a.share", 0.3, Calibration.Range.UNIT, "the share that counts"),
                new CalibrationKey("a.weight", 2, Calibration.Range.NON_NEGATIVE, "a weight"),
                new CalibrationKey("a.days", 14, Calibration.Range.POSITIVE_DAYS, "days an event counts"),
                new CalibrationKey("a.halfLife", Double.POSITIVE_INFINITY, Calibration.Range.POSITIVE_DAYS,
                        "half-life; none means no fading"),
                new CalibrationKey("a.count", 3, Calibration.Range.COUNT, "events needed"),
                new CalibrationKey("a.offset", -1.5, Calibration.Range.FINITE, ""));
    }

    @Test
    void aCalibrationFileWithAnUnknownRangeOrADefaultOutOfItNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.drl"), "package a;\n");
        Path keys = dir.resolve(RulePack.CALIBRATION_FILE);
        Files.writeString(keys, "a.one = 1 | fraction | one\n");
        assertThatThrownBy(() -> RulePack.fromPath(dir))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(keys + ":1: the valid values of 'a.one' must be one of score, non-negative, "
                        + "positive days, whole number or any number, got 'fraction'");

        Files.writeString(keys, "a.one = 0.5\na.two = 1.5 | score | two\n");
        assertThatThrownBy(() -> RulePack.fromPath(dir))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(keys + ":2: the default of 'a.two' must be a number in [0, 1], got '1.5'");
    }

    @Test
    void aPackKeySetOutOfItsRangeIsRefusedInJavaNamingTheRange() {
        Calibration c = Calibration.empty().declare(List.of(new CalibrationKey("a.share", 0.3, Calibration.Range.UNIT, "")));

        assertThatThrownBy(() -> c.with("a.share", 1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calibration key 'a.share' must be a number in [0, 1] (1.2)");
    }

    @Test
    void aBadCalibrationFileNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.drl"), "package a;\n");
        Path keys = dir.resolve(RulePack.CALIBRATION_FILE);
        Files.writeString(keys, "a.one = 1\na.two = lots\n");

        assertThatThrownBy(() -> RulePack.fromPath(dir))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(keys + ":2: the default of 'a.two' must be a number, got 'lots'");
    }

    @Test
    void aMissingClasspathResourceIsNamed() {
        assertThatThrownBy(() -> RulePack.fromClasspath("x", getClass().getClassLoader(), FOLDER + "none.drl"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("classpath:org/threshold/testpack/none.drl: no such resource on the class path");
    }
}
