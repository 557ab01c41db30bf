package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threshold ensemble} against its contract. Runs from the examples module folder. */
class EnsembleCommandTest {

    private static final String UNCERTAIN = "scenarios/moscow-struck-uncertain.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theJsonHasTheShapeOfTheContract() throws Exception {
        CommandRunner r = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "2000", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(names(out)).containsExactly("scenario", "asOf", "samples", "seed", "assessments", "parameters", "posture",
                "riskLevel", "conclusions", "metrics", "splits", "boxes");
        // scenario discovery: the faction shift lives where the hardliners weigh most
        JsonNode box = out.get("boxes").get("FACTION_SHIFT");
        assertThat(box.get("ranges").get(0).get("parameter").asText()).isEqualTo("factions.hardliners.influence");
        assertThat(box.get("ranges").get(0).get("above").asDouble()).isBetween(0.55, 0.7);
        assertThat(box.get("density").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(out.get("scenario").asText()).isEqualTo("moscow-struck-uncertain");
        assertThat(out.get("asOf").asText()).isEqualTo("2026-11-24");
        assertThat(out.get("samples").asLong()).isEqualTo(2000);
        assertThat(out.get("seed").asLong()).isEqualTo(1);
        assertThat(out.get("assessments").asLong()).isEqualTo(2000);
        assertThat(names(out.get("parameters"))).containsExactly("factions.hardliners.influence", "humiliation.weight.capital",
                "adversary.returnTicket.finance", "events[0].severity", "responseWindowDays");
        assertThat(out.get("parameters").get("factions.hardliners.influence").get("triangular"))
                .extracting(JsonNode::asDouble).containsExactly(0.2, 0.4, 0.8);
        assertThat(out.get("parameters").get("responseWindowDays").get("choice"))
                .extracting(JsonNode::asDouble).containsExactly(21.0, 30.0, 45.0, 60.0);
        assertThat(names(out.get("posture"))).containsExactly("CONTAIN", "PRESS", "HOLD");
        assertThat(names(out.get("riskLevel"))).containsExactly("LOW", "ELEVATED", "HIGH", "CRITICAL");
        double sum = 0;
        for (JsonNode v : out.get("riskLevel")) {
            sum += v.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        // every conclusion of the pack, with its share and Wilson interval around it
        assertThat(names(out.get("conclusions"))).contains("RESTRAINT_EROSION", "FACTION_SHIFT", "BOUNDED_ADVERSARY",
                "MISCALIBRATION", "RISK_TRANSFERRED_TO_PROXY").hasSize(10);
        for (JsonNode c : out.get("conclusions")) {
            double p = c.get("probability").asDouble();
            assertThat(c.get("ci95")).hasSize(2);
            assertThat(c.get("ci95").get(0).asDouble()).isBetween(0.0, p);
            assertThat(c.get("ci95").get(1).asDouble()).isBetween(p, 1.0);
        }
        assertThat(out.get("conclusions").get("OBSERVER_EXPECTS_LONG_WAR").get("probability").asDouble()).isEqualTo(1.0);
        assertThat(names(out.get("metrics"))).contains("returnTicket", "humiliation", "escalationRisk").hasSize(11);
        JsonNode risk = out.get("metrics").get("escalationRisk");
        assertThat(names(risk)).containsExactly("mean", "sd", "p05", "p50", "p95");
        assertThat(risk.get("p05").asDouble()).isLessThanOrEqualTo(risk.get("p50").asDouble());
        assertThat(risk.get("p50").asDouble()).isLessThanOrEqualTo(risk.get("p95").asDouble());
        // the observer's readings do not depend on these five parameters
        assertThat(out.get("metrics").get("threatCredibility").get("sd").asDouble()).isZero();
    }

    @Test
    void sensitivityAddsSobolIndicesSortedByTotalAndCountsSaltellisAssessments() throws Exception {
        CommandRunner r = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "500", "--sensitivity", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("assessments").asLong()).isEqualTo(500 * 7);
        JsonNode sensitivity = out.get("sensitivity");
        assertThat(names(sensitivity)).contains("FACTION_SHIFT", "escalationRisk").doesNotContain("OBSERVER_EXPECTS_LONG_WAR");
        for (JsonNode output : sensitivity) {
            assertThat(output).hasSize(5);
            double before = Double.POSITIVE_INFINITY;
            for (JsonNode index : output) {
                assertThat(names(index)).containsExactly("parameter", "first", "total", "firstCi95", "totalCi95");
                assertThat(index.get("total").asDouble()).isLessThanOrEqualTo(before);
                before = index.get("total").asDouble();
            }
        }
        // the faction shift rests on the hardliners (HL >= 0.5) above all; the response window moves nothing here
        assertThat(sensitivity.get("FACTION_SHIFT").get(0).get("parameter").asText()).isEqualTo("factions.hardliners.influence");
        for (JsonNode index : sensitivity.get("escalationRisk")) {
            if (index.get("parameter").asText().equals("responseWindowDays")) {
                assertThat(index.get("total").asDouble()).isZero();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameJsonOnOneThreadAndOnTwo() {
        CommandRunner one = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "1500", "--seed", "9", "--threads", "1",
                "--format", "json", "--sensitivity");
        CommandRunner two = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "1500", "--seed", "9", "--threads", "2",
                "--format", "json", "--sensitivity");
        CommandRunner other = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "1500", "--seed", "10", "--threads", "2",
                "--format", "json", "--sensitivity");

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(other.out()).isNotEqualTo(one.out());
    }

    @Test
    void theTextSaysInWordsWhatCarriesEachUncertainConclusion() {
        CommandRunner r = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "2000", "--sensitivity");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Ensemble of moscow-struck-uncertain, as of 2026-11-24: 14000 draws (2000 samples, seed 1)")
                .contains("  Posture     HOLD 100 %")
                .contains("  in every draw: OBSERVER_EXPECTS_LONG_WAR")
                .containsPattern("FACTION_SHIFT holds in \\d+ % of draws \\(\\d+-\\d+ %\\); it rests on "
                        + "factions.hardliners.influence \\(total index 0\\.\\d\\d\\): above 0\\.\\d+ it holds in \\d+ % of draws, "
                        + "below in [\\d.]+ %")
                .contains("Sobol indices (first order, total order, 95 % bootstrap intervals)")
                .containsPattern("\\n  escalationRisk +0\\.\\d+ ");
    }

    @Test
    void chartDrawsThePictureOfTheLoadBearingParameters(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("e.png");
        Path svg = dir.resolve("e.svg");
        CommandRunner r = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "300", "--sensitivity", "--chart", png.toString());
        CommandRunner s = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "300", "--chart", svg.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(s.exitCode()).as(s.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(Files.readString(svg)).contains("<svg").contains("width=\"1000px\"");
        assertThat(r.err()).contains("threshold: wrote " + png);
        assertThat(r.out()).doesNotContain(png.toString());
    }

    @Test
    void mistakesInTheUncertaintySectionExitTwoWithThePlaceAndNothingOnStandardOutput(@TempDir Path dir) throws Exception {
        String base = Files.readString(Path.of(UNCERTAIN));
        String[][] cases = {
            {"  adversary.capacity: {uniform: [0.6, 1.0]}", "  adversary.capacty: {uniform: [0.6, 1.0]}",
                ":34:3: uncertainty.adversary.capacty: unknown parameter 'adversary.capacty'. The nearest valid paths: adversary.capacity"},
            {"{uniform: [0.3, 0.9]}", "{uniform: [0.9, 0.3]}", "low 0.9 > high 0.3"},
            {"{triangular: [0.2, 0.4, 0.8]}", "{triangular: [0.2, 0.9, 0.8]}", "the mode 0.9 is outside [low, high]"},
            {"{normal: [0.35, 0.2]}", "{normal: [0.35, 0]}", "the sd 0 is not above 0"},
            {"{choice: [21, 30, 45, 60]}", "{choice: []}", "an empty choice"},
            {"{uniform: [0.4, 0.9]}", "{uniform: [0.4, 1.9]}", "high 1.9 is outside the valid values of events[0].severity"},
            {"{uniform: [0.4, 0.9]}", "{beta: [0.4, 0.9]}", "unknown distribution 'beta'"},
        };
        for (String[] c : cases) {
            String text = c[0].startsWith("  adversary.capacity") ? base + c[1] + "\n" : base.replaceFirst(java.util.regex.Pattern.quote(c[0]),
                    java.util.regex.Matcher.quoteReplacement(c[1]));
            assertThat(text).isNotEqualTo(base);
            Path file = dir.resolve("bad.yaml");
            Files.writeString(file, text);
            CommandRunner r = CommandRunner.run("ensemble", file.toString(), "--samples", "10");
            assertThat(r.exitCode()).as(c[1]).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("threshold: " + file + ":").contains(c[2]).doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void aScenarioWithoutUncertaintyAndBadOptionsExitTwo(@TempDir Path dir) {
        CommandRunner plain = CommandRunner.run("ensemble", "scenarios/moscow-struck.yaml");
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("has no uncertainty: section");

        CommandRunner samples = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "0");
        assertThat(samples.exitCode()).isEqualTo(2);
        assertThat(samples.err()).contains("--samples: expected at least 1 draw, got 0");

        CommandRunner many = CommandRunner.run("ensemble", UNCERTAIN, "--samples", "100000000");
        assertThat(many.exitCode()).isEqualTo(2);
        assertThat(many.err()).contains("more than the limit of 5000000");

        CommandRunner threads = CommandRunner.run("ensemble", UNCERTAIN, "--threads", "0");
        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads: expected 1 to 1024 threads, got 0");

        CommandRunner chart = CommandRunner.run("ensemble", UNCERTAIN, "--chart", dir.resolve("e.gif").toString());
        assertThat(chart.exitCode()).isEqualTo(2);
        assertThat(chart.err()).contains("--chart: the chart file must end in .png or .svg");
        assertThat(dir.resolve("e.gif")).doesNotExist();

        CommandRunner folder = CommandRunner.run("ensemble", UNCERTAIN, "--chart", dir.resolve("no/such/e.png").toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("does not exist");
        assertThat(List.of(plain.out(), samples.out(), many.out(), threads.out(), chart.out(), folder.out())).allMatch(String::isEmpty);
    }

    @Test
    void aLoadedPacksCalibrationKeysMayBeUncertain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rammed.yaml");
        Files.writeString(file, Files.readString(Path.of("packs/maritime/scenarios/warship-rammed.yaml"))
                + "uncertainty:\n  maritime.attributableWeight: {normal: [2.0, 1.0]}\n"
                + "  calibration.maritime.windowDays: {choice: [10, 30, 60]}\n");
        CommandRunner r = CommandRunner.run("ensemble", file.toString(), "--rules", "packs/maritime/rules", "--samples", "50",
                "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(names(JSON.readTree(r.out()).get("parameters")))
                .containsExactly("maritime.attributableWeight", "maritime.windowDays");
    }

    @Test
    void otherCommandsIgnoreTheUncertaintySection() throws Exception {
        CommandRunner plain = CommandRunner.run("assess", "scenarios/moscow-struck.yaml", "--format", "json", "--no-signposts");
        CommandRunner uncertain = CommandRunner.run("assess", UNCERTAIN, "--format", "json", "--no-signposts");
        assertThat(uncertain.exitCode()).as(uncertain.err()).isZero();
        assertThat(uncertain.out().replace("moscow-struck-uncertain", "moscow-struck")).isEqualTo(plain.out());
    }
}
