package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile arguments to {@code assess}, {@code simulate}, {@code flip} and {@code map}: bad dates,
 * steps, ranges, tolerances, resolutions, paths, output files and formats. Each ends in exit 0,
 * or in exit 2 with one line naming the option (or the file) and nothing on standard output; never
 * a stack trace, never exit 1. {@code {tmp}} in an argument stands for a fresh folder.
 */
class HostileArgumentsTest {

    private static final String MOSCOW = "scenarios/moscow-struck.yaml";

    /** One argument set: the arguments, the exit code, and the words the answer must hold. */
    record Case(int exitCode, String expected, String... args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    private static Case ok(String expected, String... args) {
        return new Case(0, expected, args);
    }

    private static Case bad(String expected, String... args) {
        return new Case(2, expected, args);
    }

    static Stream<Case> cases() {
        String[] capacity = {"--vary", "adversary.capacity"};
        return Stream.of(
                // assess
                bad("SCENARIO", "assess"),
                bad("--format", "assess", MOSCOW, "--format", "yaml"),
                bad("Unknown option: '--formt'", "assess", MOSCOW, "--formt", "json"),
                bad("--max-firings: expected a positive number of firings, got 0", "assess", MOSCOW, "--max-firings", "0"),
                bad("--max-firings", "assess", MOSCOW, "--max-firings", "many"),
                bad("--timeout: expected a time from 1ms to 24h", "assess", MOSCOW, "--timeout", "0s"),
                bad("--timeout: expected a time from 1ms to 24h", "assess", MOSCOW, "--timeout", "soon"),
                bad("--timeout: expected a time from 1ms to 24h", "assess", MOSCOW, "--timeout", "25h"),
                bad("--no-default-rules: no rules left to run", "assess", MOSCOW, "--no-default-rules"),
                bad("--rules: nowhere.drl: no such file or folder. Maybe check the path given to --rules.", "assess", MOSCOW,
                        "--rules", "nowhere.drl"),
                bad("--rules: scenarios: the folder holds no .drl file", "assess", MOSCOW, "--rules", "scenarios"),
                bad("missing.yaml", "assess", "missing.yaml"),
                ok("Scenario moscow-struck", "assess", MOSCOW, "--timeout", "500ms", "--no-signposts"),
                // simulate
                bad("--from: expected an ISO date like 2026-11-24, got '2026-02-30'", "simulate", MOSCOW, "--from", "2026-02-30"),
                bad("--to: expected an ISO date", "simulate", MOSCOW, "--to", "yesterday"),
                bad("--step: expected a number of days", "simulate", MOSCOW, "--step", "0d"),
                bad("--step: expected a number of days", "simulate", MOSCOW, "--step", "7w"),
                bad("--step: expected a number of days", "simulate", MOSCOW, "--step", "-1d"),
                bad("--from: the first day (2027-01-01, --from) is after the last day (2026-11-24, the scenario's asOf)",
                        "simulate", MOSCOW, "--from", "2027-01-01"),
                bad("--to: a simulation may cover at most 36525 days (100 years); from 2026-08-01 (the day of the scenario's "
                        + "first event) to 2200-01-01 (--to)", "simulate", MOSCOW, "--to", "2200-01-01"),
                bad("--from: a simulation may cover at most 36525 days (100 years); from 1900-01-01 (--from)", "simulate",
                        MOSCOW, "--from", "1900-01-01"),
                bad("--format", "simulate", MOSCOW, "--format", "xml"),
                bad("--chart: the chart file must end in .png or .svg", "simulate", MOSCOW, "--chart", "{tmp}/chart.gif"),
                bad("--chart: cannot write /proc/chart.png", "simulate", MOSCOW, "--chart", "/proc/chart.png"),
                bad("--chart: cannot write {tmp}/missing/chart.png: the folder {tmp}/missing does not exist", "simulate",
                        MOSCOW, "--chart", "{tmp}/missing/chart.png"),
                bad("--chart: {tmp}/folder.png is a folder, not a file", "simulate", MOSCOW, "--chart", "{tmp}/folder.png"),
                bad("--html: the report file must end in .html", "simulate", MOSCOW, "--html", "{tmp}/report.htm"),
                bad("--html: cannot write /proc/report.html", "simulate", MOSCOW, "--html", "/proc/report.html"),
                bad("--html: cannot write {tmp}/gone/report.html: the folder {tmp}/gone does not exist", "simulate", MOSCOW,
                        "--html", "{tmp}/gone/report.html"),
                bad("--html: cannot write {tmp}/folder.png/x/report.html: the folder {tmp}/folder.png/x does not exist",
                        "simulate", MOSCOW, "--html", "{tmp}/folder.png/x/report.html"),
                ok("day,posture,riskLevel", "simulate", MOSCOW, "--step", "7d", "--format", "csv"),
                ok("Transitions", "simulate", MOSCOW, "--step", "30d", "--chart", "{tmp}/chart.svg"),
                // flip
                bad("--vary: ", "flip", MOSCOW, "--vary", "adversary.capactiy"),
                bad("Missing required option: '--vary=PARAM'", "flip", MOSCOW),
                bad("--from/--to: expected finite numbers with from < to, got from 1, to 0", "flip", MOSCOW, capacity[0],
                        capacity[1], "--from", "1", "--to", "0"),
                bad("--from/--to: expected finite numbers", "flip", MOSCOW, capacity[0], capacity[1], "--from", "NaN"),
                bad("--to: adversary.capacity takes a number in [0, 1], got 2", "flip", MOSCOW, capacity[0], capacity[1],
                        "--to", "2"),
                bad("--tolerance: expected a number above 0, got 0.0", "flip", MOSCOW, capacity[0], capacity[1], "--tolerance", "0"),
                bad("--tolerance: expected a number above 0", "flip", MOSCOW, capacity[0], capacity[1], "--tolerance", "-1"),
                bad("--tolerance: 1.0E-300 is finer than doubles can resolve", "flip", MOSCOW, capacity[0], capacity[1],
                        "--tolerance", "1e-300"),
                bad("--conclusion: unknown output 'BOUNDED'", "flip", MOSCOW, capacity[0], capacity[1], "--conclusion", "BOUNDED"),
                bad("--from: longWar.signals takes a whole number >= 0, got 0.5", "flip", MOSCOW, "--vary", "longWar.signals",
                        "--from", "0.5", "--to", "3"),
                bad("--from: humiliation.halfLifeDays takes a finite number of days > 0, got 0", "flip", MOSCOW, "--vary",
                        "humiliation.halfLifeDays", "--from", "0", "--to", "10"),
                ok("now humiliation.halfLifeDays = none", "flip", MOSCOW, "--vary", "humiliation.halfLifeDays"),
                ok("whole numbers", "flip", MOSCOW, "--vary", "longWar.signals"),
                ok("\"parameter\": \"responseWindowDays\"", "flip", MOSCOW, "--vary", "responseWindowDays", "--format", "json"),
                // map
                bad("--x-range: adversary.capacity takes a number in [0, 1], got '0:1e308'", "map", MOSCOW, "--x",
                        "adversary.capacity", "--y", "adversary.strain.budget", "--x-range", "0:1e308"),
                bad("--x-range: adversary.capacity takes a number in [0, 1], got '-1:1'", "map", MOSCOW, "--x",
                        "adversary.capacity", "--y", "adversary.strain.budget", "--x-range", "-1:1"),
                bad("--x-range: expected A:B with finite numbers A < B, got '1:0'", "map", MOSCOW, "--x", "adversary.capacity",
                        "--y", "adversary.strain.budget", "--x-range", "1:0"),
                bad("--x-range: expected A:B", "map", MOSCOW, "--x", "adversary.capacity", "--y", "adversary.strain.budget",
                        "--x-range", "a:b"),
                bad("--y-range: expected A:B", "map", MOSCOW, "--x", "adversary.capacity", "--y", "adversary.strain.budget",
                        "--y-range", "0:1:2"),
                bad("--resolution: expected a number of cells from 2 to 2000, got 1", "map", MOSCOW, "--x", "adversary.capacity",
                        "--y", "adversary.strain.budget", "--resolution", "1"),
                bad("--resolution: expected a number of cells from 2 to 2000, got 5000", "map", MOSCOW, "--x",
                        "adversary.capacity", "--y", "adversary.strain.budget", "--resolution", "5000"),
                bad("--x: ", "map", MOSCOW, "--x", "nothing.here", "--y", "adversary.strain.budget"),
                bad("--x/--y: expected two different parameters, got adversary.capacity twice", "map", MOSCOW, "--x",
                        "adversary.capacity", "--y", "adversary.capacity"),
                bad("--out: the map file must end in .png, .svg or .csv", "map", MOSCOW, "--x", "adversary.capacity", "--y",
                        "adversary.strain.budget", "--out", "{tmp}/map.bmp"),
                bad("--out: cannot write /proc/map.png", "map", MOSCOW, "--x", "adversary.capacity", "--y",
                        "adversary.strain.budget", "--out", "/proc/map.png"),
                bad("--out: cannot write {tmp}/none/map.csv: the folder {tmp}/none does not exist", "map", MOSCOW, "--x",
                        "adversary.capacity", "--y", "adversary.strain.budget", "--out", "{tmp}/none/map.csv"),
                bad("--out: {tmp}/folder.png is a folder, not a file", "map", MOSCOW, "--x", "adversary.capacity", "--y",
                        "adversary.strain.budget", "--out", "{tmp}/folder.png"),
                bad("--out: cannot write {tmp}/file.csv/map.csv: the folder {tmp}/file.csv is a file, not a folder", "map",
                        MOSCOW, "--x", "adversary.capacity", "--y", "adversary.strain.budget", "--out", "{tmp}/file.csv/map.csv"),
                bad("--conclusion: unknown output 'NOPE'", "map", MOSCOW, "--x", "adversary.capacity", "--y",
                        "adversary.strain.budget", "--conclusion", "NOPE"),
                ok("humiliation.halfLifeDays = none", "map", MOSCOW, "--x", "longWar.signals", "--y",
                        "humiliation.halfLifeDays", "--resolution", "6"),
                // the file written is reported on standard error (OutputsTest); standard output has the map
                ok("assessments instead of 16 for the full grid", "map", MOSCOW, "--x", "adversary.capacity", "--y", "adversary.strain.budget",
                        "--resolution", "4", "--out", "{tmp}/map.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileArgumentsEndInExitZeroOrExitTwoWithOneLineNamingTheOption(Case c, @TempDir Path tmp) throws Exception {
        Files.createDirectory(tmp.resolve("folder.png"));
        Files.writeString(tmp.resolve("file.csv"), "not a folder");
        String[] args = Arrays.stream(c.args()).map(a -> a.replace("{tmp}", tmp.toString())).toArray(String[]::new);
        String expected = c.expected().replace("{tmp}", tmp.toString());

        CommandRunner r = CommandRunner.run(args);

        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(c.exitCode());
        if (c.exitCode() == 0) {
            assertThat(r.out()).contains(expected);
        } else {
            assertThat(r.out()).as("nothing on standard output").isEmpty();
            String[] lines = r.err().strip().split("\\R");
            assertThat(lines[0]).startsWith("threshold: ").contains(expected.lines().findFirst().orElseThrow());
            assertThat(Arrays.asList(lines).subList(1, lines.length)).as("after the one line, only hints")
                    .allMatch(l -> l.startsWith("Try '") || l.startsWith("Maybe you meant"));
            assertThat(r.err()).contains(expected);
        }
    }
}
