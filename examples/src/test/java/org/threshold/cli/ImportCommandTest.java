package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.Scenario;
import org.threshold.data.MappingReader;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.scenario.ScenarioReader;

/** {@code threshold import} against the contract of INTERFACES.md, "Real event data". */
class ImportCommandTest {

    private static final String CHRONOLOGY = Path.of("data", "chronology.csv").toString();
    private static final String BASE = Path.of("data", "real-chronology-base.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void theChronologyImportsToAScenarioOfItsEventsWithTheSummaryOnStandardError() {
        CommandRunner r = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology");
        assertThat(r.exitCode()).isZero();
        Scenario s = ScenarioReader.read("out.yaml", r.out());
        assertThat(s.name()).isEqualTo("chronology");
        assertThat(s.asOf()).isEqualTo("2025-11-14");
        assertThat(s.events()).hasSize(71);
        assertThat(s.events()).allMatch(e -> e.source() != null && e.source().dataset().equals("chronology"));
        assertThat(r.err()).isEqualTo("threshold: read 75 records, kept 71; skipped: near miss 4" + System.lineSeparator());
    }

    @Test
    void sinceUntilAndNameChooseTheDaysAndTheScenario() {
        CommandRunner r = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--since", "2024-11-17",
                "--until", "2024-11-21", "--name", "doctrine-week");
        assertThat(r.exitCode()).isZero();
        Scenario s = ScenarioReader.read("out.yaml", r.out());
        assertThat(s.name()).isEqualTo("doctrine-week");
        assertThat(s.asOf()).isEqualTo("2024-11-21");
        assertThat(s.events()).allMatch(e -> !e.day().isBefore(s.asOf().minusDays(4)));
        assertThat(s.events().stream().map(e -> e.source().id()).toList())
                .containsExactly("row 48", "row 49", "row 50", "row 51", "row 52", "row 53");
        assertThat(r.err()).contains("outside the dates 69");
    }

    @Test
    void intoAddsTheEventsAfterTheScenariosOwnKeepingItsAsOfAndComments() throws IOException {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, """
                # my judgments
                name: mine
                asOf: 2024-12-31
                adversary: {capacity: 0.8}   # assumed
                events:
                  - {day: 2024-01-01, type: THREAT, severity: 0.5}
                  # a comment after the events
                calibration: {responseWindowDays: 45}
                """);
        CommandRunner r = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--since", "2024-09-10",
                "--until", "2024-09-10", "--into", base.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("# my judgments\nname: mine\nasOf: 2024-12-31\nadversary: {capacity: 0.8}   # assumed\n");
        Scenario s = ScenarioReader.read("out.yaml", r.out());
        assertThat(s.asOf()).isEqualTo("2024-12-31");
        assertThat(s.calibration().get("responseWindowDays")).isEqualTo(45.0);
        assertThat(s.events()).hasSize(2);
        assertThat(s.events().get(0).source()).isNull();
        assertThat(r.err()).isEqualTo("threshold: read 75 records, kept 1; skipped: outside the dates 74" + System.lineSeparator());
        CommandRunner late = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--since", "2025-01-01",
                "--into", base.toString());
        assertThat(late.err()).contains("threshold: 17 imported events are dated after the asOf of " + base
                + " (2024-12-31): assess leaves them out; simulate reaches them with --to, or raise asOf");
        Strike moscow = (Strike) s.events().get(1);
        assertThat(moscow.target()).isEqualTo(Target.CAPITAL);
        assertThat(moscow.source().citation()).isEqualTo("chronology:row 44");
    }

    @Test
    void theRealChronologyExampleIsExactlyTheImportOfTheChronologyIntoItsBase() throws IOException {
        CommandRunner r = CommandRunner.run("import", "data/chronology.csv", "--source", "chronology", "--into",
                "data/real-chronology-base.yaml");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(Path.of("scenarios", "real-chronology.yaml")));
    }

    @Test
    void printMappingPrintsTheBuiltInFileAndThatFileImportsTheSameAsTheBuiltIn() throws IOException {
        CommandRunner printed = CommandRunner.run("import", "--source", "chronology", "--print-mapping");
        assertThat(printed.exitCode()).isZero();
        assertThat(printed.out()).isEqualTo(MappingReader.builtInText("chronology"));
        Path mapping = dir.resolve("chronology.yaml");
        Files.writeString(mapping, printed.out());
        CommandRunner viaFile = CommandRunner.run("import", CHRONOLOGY, "--source", "csv", "--mapping", mapping.toString());
        CommandRunner builtIn = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology");
        assertThat(viaFile.out().lines().skip(1).toList()).isEqualTo(builtIn.out().lines().skip(1).toList());
        assertThat(CommandRunner.run("import", "--source", "gdelt", "--print-mapping").out()).contains("SOURCEURL]");
    }

    @Test
    void aBadMappingFileExitsTwoNamingItsPlaceAndTheNearestKeyWithNothingOnStandardOutput() throws IOException {
        Path mapping = dir.resolve("bad.yaml");
        Files.writeString(mapping, MappingReader.builtInText("chronology").replace("url: source_url", "ulr: source_url"));
        CommandRunner r = CommandRunner.run("import", CHRONOLOGY, "--source", "csv", "--mapping", mapping.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("threshold: " + mapping + ":8:1: ulr: unknown key 'ulr'. Maybe you meant 'url'.");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void badArgumentsAndMissingFilesExitTwo() {
        CommandRunner csv = CommandRunner.run("import", CHRONOLOGY, "--source", "csv");
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains("--mapping: the csv source needs a mapping file");
        CommandRunner date = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--since", "2024-13-01");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("--since: expected an ISO date like 2024-11-19, got '2024-13-01'");
        CommandRunner missing = CommandRunner.run("import", "nowhere.csv", "--source", "chronology");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("threshold: nowhere.csv: no such file");
        assertThat(missing.out()).isEmpty();
        CommandRunner both = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--into", BASE, "--name", "x");
        assertThat(both.exitCode()).isEqualTo(2);
        CommandRunner printAndImport = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--print-mapping");
        assertThat(printAndImport.exitCode()).isEqualTo(2);
        assertThat(printAndImport.out()).isEmpty();
        assertThat(printAndImport.err()).contains("--print-mapping prints the built-in mapping of --source and imports nothing");
    }

    @Test
    void simulationOutputsCiteTheImportedEventsAndTheHtmlReportLinksThem() throws IOException {
        Path scenario = dir.resolve("early.yaml");
        Files.writeString(scenario, CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--until", "2023-04-20").out());
        Path html = dir.resolve("early.html");
        CommandRunner text = CommandRunner.run("simulate", scenario.toString(), "--html", html.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("THREATS_DISCOUNTED begins" + System.lineSeparator()
                + "      because rule 'threats discounted': threat credibility 0.461 < 0.50" + System.lineSeparator()
                + "      sources chronology:row 2, chronology:row 4, chronology:row 9" + System.lineSeparator());
        assertThat(Files.readString(html)).contains("<span class=\"sources\">sources: <a href=\"https://dailycaller.com/");
        CommandRunner csv = CommandRunner.run("simulate", scenario.toString(), "--format", "csv", "--step", "30d");
        assertThat(csv.out()).contains("2022-02-24 THREAT 0.6 [chronology:row 2]");
        CommandRunner json = CommandRunner.run("simulate", scenario.toString(), "--format", "json", "--step", "30d");
        assertThat(json.out()).contains("\"source\": {", "\"sources\": [", "\"chronology:row 2\"");
    }

    @Test
    void aFlowListOfEventsCannotBeImportedIntoAndSaysHowToFixIt() throws IOException {
        Path base = dir.resolve("flow.yaml");
        Files.writeString(base, "name: x\nasOf: 2024-12-31\nevents: [{day: 2024-01-01, type: THREAT}]\n");
        CommandRunner r = CommandRunner.run("import", CHRONOLOGY, "--source", "chronology", "--into", base.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(base + ":3:1: events: the events are written on one line");
    }
}
