package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code assess} command against the contracts of INTERFACES.md. Runs from the examples module folder. */
class AssessCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOSCOW = "scenarios/moscow-struck.yaml";

    /** The output INTERFACES.md shows for its example scenario, verbatim. */
    private static final String CONTRACT_OUTPUT = """
            {
              "scenario": "moscow-struck",
              "asOf": "2026-11-24",
              "posture": "HOLD",
              "riskLevel": "LOW",
              "metrics": {
                "returnTicket": 0.7, "hardlinerInfluence": 0.35, "humiliation": 0.11,
                "restraintTolerance": 0.48, "restraintErosion": 0.0,
                "effectiveHardlinerInfluence": 0.35, "effectiveReturnTicket": 0.455,
                "threatCredibility": 0.72, "observerConfidence": 0.3, "strain": 0.41,
                "escalationRisk": 0.19075
              },
              "conclusions": [
                {"type": "BOUNDED_ADVERSARY", "basis": "WILL", "strength": 0.455,
                 "because": ["rule 'bounded adversary': no threshold crossing; no faction shift; effective return ticket 0.455 >= 0.30; capacity 0.90 >= 0.50"]},
                {"type": "OBSERVER_EXPECTS_LONG_WAR",
                 "because": ["rule 'observer expects long war': signals LONG_WAR_BUDGETING, REARMAMENT (2 >= 2)"]}
              ]
            }
            """;

    @Test
    void jsonForTheContractExampleIsExactlyTheContractOutputPlusTheAdditiveSignposts() throws Exception {
        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode out = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(r.out());
        JsonNode signposts = out.remove("signposts");
        assertThat(out).isEqualTo(JSON.readTree(CONTRACT_OUTPUT));
        assertThat(signposts.isArray()).isTrue();
        assertThat(signposts.toString()).contains("\"text\":\"posture turns CONTAIN after 1 threshold crossing\"");
    }

    @Test
    void withoutSignpostsTheJsonIsExactlyTheContractOutput() throws Exception {
        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--format", "json", "--no-signposts");

        assertThat(r.exitCode()).isZero();
        assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree(CONTRACT_OUTPUT));
    }

    @Test
    void textShowsTheSignposts() {
        CommandRunner r = CommandRunner.run("assess", MOSCOW);

        assertThat(r.out()).contains("Signposts: the fewest further events that would flip each")
                .contains("BOUNDED_ADVERSARY ends after 3 more capital strikes (severity 0.6)")
                .contains("THREATS_DISCOUNTED begins after 2 more unanswered threats (severity 0.6)")
                .contains("posture turns CONTAIN after 1 threshold crossing");
    }

    @Test
    void jsonKeysComeInTheContractOrder() throws Exception {
        JsonNode out = JSON.readTree(CommandRunner.run("assess", MOSCOW, "--format", "json").out());

        assertThat(names(out)).containsExactly("scenario", "asOf", "posture", "riskLevel", "metrics", "conclusions",
                "signposts");
        assertThat(names(out.get("metrics"))).containsExactly("returnTicket", "hardlinerInfluence", "humiliation",
                "restraintTolerance", "restraintErosion", "effectiveHardlinerInfluence", "effectiveReturnTicket",
                "threatCredibility", "observerConfidence", "strain", "escalationRisk");
    }

    @Test
    void severalScenariosGiveOneJsonArrayInArgumentOrder() throws Exception {
        CommandRunner r = CommandRunner.run("assess", "scenarios/threshold-crossed.yaml", MOSCOW,
                "scenarios/conveyor-belt.yaml", "--format", "json");

        assertThat(r.exitCode()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.isArray()).isTrue();
        assertThat(out).extracting(n -> n.get("scenario").asText())
                .containsExactly("threshold-crossed", "moscow-struck", "conveyor-belt");
        assertThat(out.get(0).get("posture").asText()).isEqualTo("CONTAIN");
        assertThat(out.get(0).get("metrics").get("escalationRisk").asDouble()).isEqualTo(1.0);
    }

    @Test
    void textIsTheDefaultAndReadsAsAReport() {
        CommandRunner r = CommandRunner.run("assess", MOSCOW);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("Scenario moscow-struck, as of 2026-11-24")
                .containsPattern("Posture +HOLD +rule 'posture hold'")
                .containsPattern("Risk level +LOW +rule 'risk level low': escalation risk 0.191 < 0.25")
                .contains("BOUNDED_ADVERSARY (basis WILL, strength 0.455)")
                .contains("because rule 'bounded adversary': no threshold crossing; no faction shift; "
                        + "effective return ticket 0.455 >= 0.30; capacity 0.90 >= 0.50")
                .contains("OBSERVER_EXPECTS_LONG_WAR")
                .contains("Not holding")
                .containsPattern("escalationRisk +0.19075");
    }

    @Test
    void formatIsCaseInsensitive() {
        assertThat(CommandRunner.run("assess", MOSCOW, "--format", "JSON").out()).startsWith("{");
    }

    @Test
    void everyExampleScenarioIsAssessed() throws Exception {
        List<String> args = new ArrayList<>(List.of("assess", "--format", "json"));
        try (var files = Files.list(Path.of("scenarios"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> args.add(f.toString()));
        }
        CommandRunner r = CommandRunner.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out())).hasSize(args.size() - 3);
    }

    // ---- user rules ----

    @Test
    void aUserRuleFileAddsAConclusionToBothOutputsWithItsExplanation() throws Exception {
        CommandRunner json = CommandRunner.run("assess", MOSCOW, "--rules", "rules/capital-watch.drl", "--format", "json");
        CommandRunner text = CommandRunner.run("assess", MOSCOW, "--rules", "rules/capital-watch.drl");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode added = null;
        for (JsonNode c : JSON.readTree(json.out()).get("conclusions")) {
            if (c.get("type").asText().equals("CAPITAL_UNDER_FIRE")) {
                added = c;
            }
        }
        assertThat(added).as("CAPITAL_UNDER_FIRE in %s", json.out()).isNotNull();
        assertThat(added.get("strength").asDouble()).isEqualTo(0.11);
        assertThat(added.get("because").get(0).asText())
                .isEqualTo("rule 'capital under fire': 1 capital strike(s) so far; humiliation stands at 0.110");
        assertThat(text.out()).contains("CAPITAL_UNDER_FIRE (strength 0.11)")
                .contains("because rule 'capital under fire': 1 capital strike(s) so far; humiliation stands at 0.110");
    }

    @Test
    void aFolderOfRulesLoadsEveryDrlInIt(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules/capital-watch.drl"), dir.resolve("a.drl"));
        Files.writeString(dir.resolve("b.drl"), """
                package org.threshold.user.other;
                import org.threshold.fact.Conclusion;
                import org.threshold.fact.Reason;
                import org.threshold.fact.ObserverSignal;
                rule "any signal"
                when
                    exists ObserverSignal()
                then
                    insertLogical( new Conclusion( "SIGNALLED", Reason.of( "the observer signals" ) ) );
                end
                """);
        Files.writeString(dir.resolve("notes.txt"), "not rules");

        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--rules", dir.toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("CAPITAL_UNDER_FIRE").contains("\"SIGNALLED\"")
                .contains("rule 'any signal': the observer signals");
    }

    // ---- bad input: exit 2, one precise message, no stack trace ----

    @Test
    void aMalformedScenarioExitsWithTwoAndAPreciseMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nasOf: 2026-01-31\nadversary:\n  capacity: 1.5\n");

        CommandRunner r = CommandRunner.run("assess", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threshold: " + bad
                + ":4:13: adversary.capacity: expected a score: a number in [0, 1], got 1.5");
    }

    @Test
    void anUnknownKeyGetsTheNearestValidKeySuggested(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("typo.yaml");
        Files.writeString(bad, "name: x\nasOf: 2026-01-31\nobserver:\n  signal: [REARMAMENT]\n");

        CommandRunner r = CommandRunner.run("assess", bad.toString(), "--format", "json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":4:3: observer.signal: unknown key 'signal' in observer. Maybe you meant 'signals'.");
        assertNoStackTrace(r);
    }

    @Test
    void everyBadFileIsReportedAndNothingIsPrinted(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.writeString(a, "name: a\n");
        Files.writeString(b, "name: b\nasOf: 2026-13-01\n");

        CommandRunner r = CommandRunner.run("assess", a.toString(), MOSCOW, b.toString(), "--format", "json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(a + ":1:1: missing required key 'asOf'").contains(b + ":2:7: asOf: '2026-13-01' is not a date that exists");
        assertNoStackTrace(r);
    }

    @Test
    void binaryJunkIsBadInputNotACrash(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.yaml");
        Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3, (byte) 0x80});

        CommandRunner r = CommandRunner.run("assess", junk.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(junk + ": the file is not UTF-8 text");
        assertNoStackTrace(r);
    }

    @Test
    void aMissingScenarioFileIsBadInput() {
        CommandRunner r = CommandRunner.run("assess", "scenarios/no-such.yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("threshold: scenarios/no-such.yaml: no such file");
    }

    @Test
    void aRuleFileThatDoesNotCompileIsBadInputWithFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.drl");
        Files.writeString(bad, """
                package org.threshold.user.broken;
                import org.threshold.fact.Metric;
                rule "broken"
                when
                    Metric( nme == "humiliation" )
                then
                end
                """);

        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--rules", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: rules do not compile (").contains(bad + ":5").contains("nme");
        assertNoStackTrace(r);
    }

    @Test
    void aMissingRulesPathIsBadInput() {
        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--rules", "rules/none.drl");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("rules/none.drl: no such file or folder");
    }

    @Test
    void unknownOptionsAndFormatsAreBadInput() {
        CommandRunner option = CommandRunner.run("assess", MOSCOW, "--fromat", "json");
        CommandRunner format = CommandRunner.run("assess", MOSCOW, "--format", "xml");
        CommandRunner none = CommandRunner.run("assess");

        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--fromat'").contains("--format");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("xml").contains("text, json");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("SCENARIO");
    }

    @Test
    void helpExitsWithZero() {
        CommandRunner r = CommandRunner.run("assess", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--rules=PATH").contains("--format=text|json").contains("--no-default-rules")
                .contains("--max-firings=N").contains("--verbose").contains("--quiet");
    }

    // ---- rule packs: alone, with their own calibration keys; the firing limit ----

    private static final String MARITIME = "packs/maritime/rules";

    @Test
    void aPackRunsAloneWithoutTheDefaultRules() throws Exception {
        CommandRunner r = CommandRunner.run("assess", "packs/maritime/scenarios/shoal-standoff.yaml",
                "--rules", MARITIME, "--no-default-rules", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("posture").isNull()).isTrue();
        assertThat(names(out.get("metrics"))).containsExactly("maritime.tension");
        assertThat(out.get("conclusions")).extracting(c -> c.get("type").asText())
                .containsExactly("GREY_ZONE_CAMPAIGN", "WARNING_CALLED");
    }

    @Test
    void theScenarioFileSetsThePacksOwnCalibrationKeys() {
        CommandRunner r = CommandRunner.run("assess", "packs/maritime/scenarios/warship-rammed.yaml",
                "--rules", MARITIME, "--no-default-rules");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("because rule 'maritime: naval clash risk': tension 2.60 >= 1.50 with 1 navy patrol(s) at sea");
    }

    @Test
    void aPackKeyWithoutItsPackIsAnUnknownKey() {
        CommandRunner r = CommandRunner.run("assess", "packs/maritime/scenarios/warship-rammed.yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("threshold: packs/maritime/scenarios/warship-rammed.yaml:13:3: "
                + "calibration.maritime.escalationThreshold: unknown key 'maritime.escalationThreshold' in calibration.");
    }

    @Test
    void aMistypedPackKeySuggestsTheNearest(@TempDir Path dir) throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "name: x\nasOf: 2026-06-30\ncalibration:\n  maritime.windowDay: 10\n");

        CommandRunner r = CommandRunner.run("assess", typo.toString(), "--rules", MARITIME, "--no-default-rules");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("threshold: " + typo + ":4:3: calibration.maritime.windowDay: unknown key "
                + "'maritime.windowDay' in calibration. Maybe you meant 'maritime.windowDays'.");
    }

    @Test
    void aPackKeyOutsideItsValidValuesIsBadInputNamingThem(@TempDir Path dir) throws Exception {
        Path shoal = dir.resolve("shoal.yaml");
        Files.writeString(shoal, "name: x\nasOf: 2026-06-30\ncalibration:\n  maritime.windowDays: 0\n");

        CommandRunner r = CommandRunner.run("assess", shoal.toString(), "--rules", MARITIME, "--no-default-rules");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threshold: " + shoal + ":4:24: calibration.maritime.windowDays: "
                + "expected a finite number of days > 0, got the number 0");
    }

    @Test
    void anEssayKeyOutsideItsValidValuesIsBadInputNamingThem(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nasOf: 2026-06-30\ncalibration:\n  threat.decay: 1.2\n");

        CommandRunner r = CommandRunner.run("assess", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threshold: " + bad + ":4:17: calibration.threat.decay: "
                + "expected a number in [0, 1], got the number 1.2");
    }

    @Test
    void noDefaultRulesWithoutRulesIsBadInput() {
        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--no-default-rules");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().findFirst()).hasValue(
                "threshold: --no-default-rules: no rules left to run. Maybe add your pack with --rules PATH.");
        assertThat(r.err()).doesNotContain("do not compile");
    }

    @Test
    void aRunawayUserRuleIsStoppedAtMaxFiringsWithExitTwoAndNoOutput(@TempDir Path dir) throws Exception {
        Path loop = dir.resolve("loop.drl");
        Files.writeString(loop, """
                package org.threshold.user.loop;
                import org.threshold.fact.Strike;
                declare Tick
                    n : int
                end
                rule "tick"
                when
                    Strike()
                    not Tick()
                then
                    insert( new Tick( 0 ) );
                end
                rule "tick again"
                when
                    $t : Tick()
                then
                    delete( $t );
                    insert( new Tick( $t.getN() + 1 ) );
                end
                """);

        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--rules", loop.toString(), "--max-firings", "2000");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: the rules did not settle on scenario 'moscow-struck': they fired 2000 times, "
                + "the limit. The rules that fired most: 'tick again' (");
        assertNoStackTrace(r);
    }

    @Test
    void aUserRuleWhoseActionThrowsExitsWithTwoNamingTheRuleAndItsFacts(@TempDir Path dir) throws Exception {
        Path throwing = dir.resolve("throws.drl");
        Files.writeString(throwing, """
                package org.threshold.user.throwing;
                import org.threshold.fact.Strike;
                rule "capital strikes break"
                when
                    $s : Strike( target == org.threshold.fact.Target.CAPITAL )
                then
                    throw new IllegalStateException( "cannot cope" );
                end
                """);

        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--rules", throwing.toString(), "--format", "json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threshold: rule 'capital strikes break' failed in its action: "
                + "java.lang.IllegalStateException: cannot cope; it had matched "
                + "[Strike[day=2026-11-23, by=PROXY, target=CAPITAL, severity=0.6]]");
    }

    @Test
    void aBrokenRuleFileListsEveryErrorWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.drl");
        Files.writeString(bad, """
                package org.threshold.user.broken;
                import org.threshold.fact.Metric;
                rule "broken"
                when
                    Metric( nme == "humiliation" )
                    Foo()
                then
                end
                """);

        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--rules", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("threshold: rules do not compile (2 errors):")
                .contains(bad + ":5:5: Unable to Analyse Expression nme == \"humiliation\"")
                .contains(bad + ":6:5: Unable to resolve ObjectType 'Foo'");
        assertNoStackTrace(r);
    }

    @Test
    void maxFiringsMustBePositive() {
        CommandRunner r = CommandRunner.run("assess", MOSCOW, "--max-firings", "0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--max-firings: expected a positive number of firings, got 0");
    }

    private static void assertNoStackTrace(CommandRunner r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
