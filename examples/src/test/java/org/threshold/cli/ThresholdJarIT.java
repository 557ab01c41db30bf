package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code target/threshold.jar} in a fresh JVM, exactly as the README tells a user to. */
class ThresholdJarIT {

    private static final Path JAR = Path.of("target", "threshold.jar");

    record Run(int exitCode, String out, String err) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        // both streams go to files: reading one pipe to its end while the other fills up would deadlock
        Path out = Files.createTempFile("threshold-out", ".txt");
        Path err = Files.createTempFile("threshold-err", ".txt");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the command did not finish in 120 s: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theJarPrintsTheContractJsonForTheContractExample() throws Exception {
        Run r = java("assess", "scenarios/moscow-struck.yaml", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("posture").asText()).isEqualTo("HOLD");
        assertThat(out.get("riskLevel").asText()).isEqualTo("LOW");
        assertThat(out.get("metrics").get("escalationRisk").asDouble()).isEqualTo(0.19075);
        assertThat(out.get("metrics").get("threatCredibility").asDouble()).isEqualTo(0.72);
        assertThat(out.get("conclusions")).extracting(c -> c.get("type").asText())
                .containsExactly("BOUNDED_ADVERSARY", "OBSERVER_EXPECTS_LONG_WAR");
    }

    @Test
    void theJarRunsAnEnsembleAndGivesTheSameJsonOnOneThreadAndOnTwo() throws Exception {
        Run one = java("ensemble", "scenarios/moscow-struck-uncertain.yaml", "--samples", "2000", "--sensitivity",
                "--threads", "1", "--format", "json");
        Run two = java("ensemble", "scenarios/moscow-struck-uncertain.yaml", "--samples", "2000", "--sensitivity",
                "--threads", "2", "--format", "json");

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.err()).isEmpty();
        assertThat(two.out()).isEqualTo(one.out());
        JsonNode out = new ObjectMapper().readTree(one.out());
        assertThat(out.get("assessments").asLong()).isEqualTo(2000 * 7);
        assertThat(out.get("sensitivity").get("FACTION_SHIFT").get(0).get("parameter").asText())
                .isEqualTo("factions.hardliners.influence");
    }

    @Test
    void theJarAnswersBadInputWithExitTwoAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nasOf: 2026-01-31\nevents:\n  - {day: 2026-01-02, type: STRIKE, target: DEEP, severity: 2}\n");

        Run r = java("assess", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threshold: " + bad
                + ":4:61: events[0].severity: expected a score: a number in [0, 1], got 2");
    }

    @Test
    void theJarLoadsUserRules() throws Exception {
        Run r = java("assess", "scenarios/moscow-struck.yaml", "--rules", "rules/capital-watch.drl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("CAPITAL_UNDER_FIRE").contains("because rule 'capital under fire'");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theMaritimePackRunsAloneFromTheJarAsTheReadmeSays() throws Exception {
        Run r = java("assess", "packs/maritime/scenarios/shoal-standoff.yaml", "--rules", "packs/maritime/rules",
                "--no-default-rules");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("GREY_ZONE_CAMPAIGN (strength 4.0)").contains("WARNING_CALLED")
                .contains("because rule 'maritime: grey-zone campaign': 4 deniable militia incidents in 30 days (>= 3)");
    }

    @Test
    void verboseLogsEveryRuleFiringToStandardError() throws Exception {
        Run r = java("assess", "scenarios/moscow-struck.yaml", "--verbose");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Scenario moscow-struck");
        assertThat(r.err()).contains("DEBUG org.threshold.rules.firings - fired 'bounded adversary'")
                .contains("DEBUG org.threshold.impl.DefaultReasoner - reasoner ready:");
    }

    @Test
    void quietLogsNothingButErrors() throws Exception {
        Run r = java("assess", "scenarios/moscow-struck.yaml", "--quiet", "--rules", "rules/capital-watch.drl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("CAPITAL_UNDER_FIRE");
    }

    @Test
    void theEmbeddingExampleRunsFromTheJar() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR.toString(), "org.threshold.examples.EmbeddingExample");
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isZero();
        assertThat(out).startsWith("posture PRESS, risk HIGH").contains("MISCALIBRATION")
                .contains("because miscalibration: pressing an unbounded adversary");
    }
}
