package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code threshold simulate}: outputs, pictures, and bad arguments. Runs from the examples module folder. */
class SimulateCommandTest {

    private static final String POLICY = "scenarios/conveyor-policy.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theConveyorPolicyCarriesTheAdversaryFromBoundedToFactionShiftWhileTheObserverKeepsPressing() throws Exception {
        CommandRunner r = CommandRunner.run("simulate", POLICY, "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode t = JSON.readTree(r.out());
        JsonNode steps = t.get("steps");
        // daily from the first event, 2025-02-10, to asOf, 2026-12-31
        assertThat(t.get("from").asText()).isEqualTo("2025-02-10");
        assertThat(steps).hasSize(690);
        assertThat(transitionDay(t, "posture", "PRESS")).isEqualTo("2025-09-01");
        assertThat(transitionDay(t, "MISCALIBRATION", "holds")).isEqualTo("2026-03-30");
        assertThat(transitionDay(t, "FACTION_SHIFT", "holds")).isEqualTo("2026-05-11");
        assertThat(transitionDay(t, "BOUNDED_ADVERSARY", "does not hold")).isEqualTo("2026-05-11");
        int strikes = 0;
        int pressures = 0;
        for (JsonNode step : steps) {
            boolean pressing = step.get("day").asText().compareTo("2025-09-01") >= 0;
            if (pressing) {
                assertThat(step.get("posture").asText()).as("posture on %s", step.get("day")).isEqualTo("PRESS");
            }
            for (JsonNode e : step.get("events")) {
                if (e.get("generated").asBoolean()) {
                    // strikes while pressing, sanctions while holding (2025-03-13 to 2025-08-31), nothing while containing
                    assertThat(e.get("type").asText()).isEqualTo(pressing ? "STRIKE" : "PRESSURE");
                    if (pressing) {
                        strikes++;
                    } else {
                        pressures++;
                    }
                }
            }
        }
        // every 42 days from 2025-09-01 to 2026-12-31 (486 days): 12 strikes; every 30 days over 172 days of HOLD: 6
        assertThat(strikes).isEqualTo(12);
        assertThat(pressures).isEqualTo(6);
        assertThat(steps.get(steps.size() - 1).get("conclusions").toString()).contains("FACTION_SHIFT")
                .doesNotContain("BOUNDED_ADVERSARY");
        assertThat(t.get("final").get("scenario").asText()).isEqualTo("conveyor-policy");
    }

    @Test
    void textListsStepsAndTransitionsWithTheirReasons() {
        CommandRunner r = CommandRunner.run("simulate", POLICY, "--from", "2025-06-01", "--step", "30d");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Scenario conveyor-policy, simulated from 2025-06-01 to 2026-12-31, reported every 30 days")
                .contains("[policy: 2025-09-01 STRIKE PROXY INFRASTRUCTURE 0.5]")
                .contains("2026-03-30  MISCALIBRATION begins")
                .contains("because rule 'miscalibration: pressing eroding restraint'")
                .contains("2026-05-11  BOUNDED_ADVERSARY ends")
                .contains("had held because rule 'bounded adversary'");
    }

    @Test
    void csvHasAHeaderAndOneRowAStep() {
        CommandRunner r = CommandRunner.run("simulate", "scenarios/moscow-struck.yaml", "--step", "7d", "--format", "csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("day,posture,riskLevel,returnTicket,hardlinerInfluence,humiliation")
                .endsWith(",escalationRisk,conclusions,events");
        // from 2026-08-01 (the first event) to 2026-11-24: 115 days, steps on days 0, 7, ..., 112 and 115
        assertThat(lines).hasSize(1 + 17 + 1);
        assertThat(lines[lines.length - 1]).startsWith("2026-11-24,HOLD,LOW,0.7,0.35,0.11,");
    }

    @Test
    void chartsArePngAndSvgOfRealSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        Path svg = dir.resolve("chart.svg");

        assertThat(CommandRunner.run("simulate", POLICY, "--step", "7d", "--chart", png.toString(), "--format", "csv").exitCode()).isZero();
        assertThat(CommandRunner.run("simulate", POLICY, "--step", "7d", "--chart", svg.toString(), "--format", "csv").exitCode()).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(TimelineChart.WIDTH);
        assertThat(image.getHeight()).isGreaterThan(600);
        assertThat(Files.size(png)).isGreaterThan(20_000);
        assertThat(distinctColours(image)).isGreaterThan(20);

        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = xml.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        // the three series are polylines, the grid, ticks and marked transitions lines, and the text stays text
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("line").getLength()).isGreaterThan(30);
        assertThat(doc.getElementsByTagName("path").getLength()).isZero();
        assertThat(svgText(doc)).contains("conveyor-policy: observer confidence rises from 0.30 to 0.96 while escalation risk rises")
                .contains("MISCALIBRATION begins").contains("2026-01").contains("CRITICAL").contains("risk level of R")
                .contains("month (ticks on the first day of each)").contains("score (0 to 1): Q, R, H");
    }

    private static String svgText(Document doc) {
        StringBuilder sb = new StringBuilder();
        org.w3c.dom.NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            sb.append(texts.item(i).getTextContent()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theHtmlReportIsOneSelfContainedPage(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");

        CommandRunner r = CommandRunner.run("simulate", POLICY, "--step", "7d", "--html", html.toString(), "--format", "csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("MISCALIBRATION begins")
                .contains("Final assessment, as of 2026-12-31").contains("FACTION_SHIFT")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void badDatesStepsAndFilesAreBadInput(@TempDir Path dir) throws Exception {
        CommandRunner step = CommandRunner.run("simulate", POLICY, "--step", "week");
        CommandRunner from = CommandRunner.run("simulate", POLICY, "--from", "2026-02-30");
        CommandRunner order = CommandRunner.run("simulate", POLICY, "--from", "2027-01-01", "--to", "2026-01-01");
        CommandRunner chart = CommandRunner.run("simulate", POLICY, "--chart", dir.resolve("c.jpg").toString());
        Path badPolicy = dir.resolve("p.yaml");
        Files.writeString(badPolicy, "name: p\nasOf: 2026-01-31\npolicy:\n  press: {strikeEveryDays: 0, severity: 0.5}\n");
        CommandRunner policy = CommandRunner.run("simulate", badPolicy.toString());

        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.err()).contains("--step: expected a number of days such as 1d, 7d or 30d, got 'week'");
        assertThat(from.exitCode()).isEqualTo(2);
        assertThat(from.err()).contains("--from: expected an ISO date like 2026-11-24, got '2026-02-30'");
        assertThat(order.exitCode()).isEqualTo(2);
        assertThat(order.err()).contains("the simulation must start on or before its last day (from 2027-01-01, to 2026-01-01)");
        assertThat(chart.exitCode()).isEqualTo(2);
        assertThat(chart.err()).contains("--chart: the chart file must end in .png or .svg");
        assertThat(policy.exitCode()).isEqualTo(2);
        assertThat(policy.err().strip()).isEqualTo("threshold: " + badPolicy
                + ":4:28: policy.press.strikeEveryDays: expected a whole number of days from 1 to 36500, got 0");
        for (CommandRunner r : new CommandRunner[] {step, from, order, chart, policy}) {
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnknownPolicyKeyGetsTheNearestSuggested(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("p.yaml");
        Files.writeString(bad, "name: p\nasOf: 2026-01-31\npolicy:\n  press: {strikeEvery: 10, severity: 0.5}\n");

        CommandRunner r = CommandRunner.run("simulate", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("policy.press.strikeEvery: unknown key 'strikeEvery' in policy.press. Maybe you meant 'strikeEveryDays'.");
    }

    private static String transitionDay(JsonNode timeline, String subject, String after) {
        for (JsonNode tr : timeline.get("transitions")) {
            if (tr.get("subject").asText().equals(subject) && tr.get("after").asText().equals(after)) {
                return tr.get("day").asText();
            }
        }
        return null;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static final String SPELLS = """
            name: spells
            asOf: 2026-06-30
            adversary: {capacity: 0.9, returnTicket: {finance: 0.7, recognition: 0.8, eliteAspiration: 0.7, negotiability: 0.6}}
            events:
              - {day: 2026-01-01, type: STRIKE, by: PROXY, target: DEEP, severity: 0.3}
              - {day: 2026-01-02, type: STRIKE, by: PROXY, target: DEEP, severity: 0.3}
              - {day: 2026-02-07, type: THREAT, severity: 0.8}
            policy:
              press: {strikeEveryDays: 42, target: FRONTLINE, severity: 0.1}
              hold: {pressureEveryDays: 30, magnitude: 0.2}
            """;

    @Test
    void aResumedSpellOfPressDoesNotRestartThePolicysClock(@TempDir Path dir) throws Exception {
        // GIVEN two deep strikes whose windows close on 2026-02-01 and 02-02 (confidence 0.606: PRESS
        // from 02-02), and a grave threat on 02-07 that makes the observer contain while its window
        // is open (to 03-09), after which it presses again from 03-10
        Path file = dir.resolve("spells.yaml");
        Files.writeString(file, SPELLS);

        CommandRunner r = CommandRunner.run("simulate", file.toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode t = JSON.readTree(r.out());
        assertThat(transitionDay(t, "posture", "PRESS")).isEqualTo("2026-02-02");
        assertThat(transitionDay(t, "posture", "CONTAIN")).isEqualTo("2026-02-07");
        java.util.List<String> pressAgain = new java.util.ArrayList<>();
        for (JsonNode tr : t.get("transitions")) {
            if (tr.get("subject").asText().equals("posture") && tr.get("after").asText().equals("PRESS")) {
                pressAgain.add(tr.get("day").asText());
            }
        }
        assertThat(pressAgain).containsExactly("2026-02-02", "2026-03-10");
        // THEN the clock runs from the last strike (02-02), not from the resumed spell (03-10):
        // the next strike comes 42 days after 02-02, and none on 03-10
        assertThat(generated(t, "STRIKE")).containsExactly("2026-02-02", "2026-03-16", "2026-04-27", "2026-06-08");
        // and under HOLD, before PRESS, the first pressure came on the very first day
        assertThat(generated(t, "PRESSURE")).containsExactly("2026-01-01", "2026-01-31");
    }

    @Test
    void whenToComesBeforeTheFirstEventTheSimulationIsThatOneDay() throws Exception {
        CommandRunner r = CommandRunner.run("simulate", POLICY, "--to", "2025-01-01", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode t = JSON.readTree(r.out());
        assertThat(t.get("from").asText()).isEqualTo("2025-01-01");
        assertThat(t.get("to").asText()).isEqualTo("2025-01-01");
        assertThat(t.get("steps")).hasSize(1);
        // none of the scenario's events, which all come later; the policy acts on that day's posture (HOLD)
        JsonNode events = t.get("steps").get(0).get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("generated").asBoolean()).isTrue();
        assertThat(t.get("steps").get(0).get("posture").asText()).isEqualTo("HOLD");
    }

    @Test
    void theConveyorPolicyAssessesAsPressLowWhileItsSimulationEndsCritical() throws Exception {
        JsonNode assessed = JSON.readTree(CommandRunner.run("assess", POLICY, "--format", "json", "--no-signposts").out());
        JsonNode simulated = JSON.readTree(CommandRunner.run("simulate", POLICY, "--step", "30d", "--format", "json").out());

        assertThat(assessed.get("posture").asText() + ", " + assessed.get("riskLevel").asText()).isEqualTo("PRESS, LOW");
        JsonNode last = simulated.get("final");
        assertThat(last.get("posture").asText() + ", " + last.get("riskLevel").asText()).isEqualTo("PRESS, CRITICAL");
        // a step and the final assessment give the conclusions in one shape, the shape of assess
        JsonNode lastStep = simulated.get("steps").get(simulated.get("steps").size() - 1);
        assertThat(lastStep.get("conclusions")).isEqualTo(last.get("conclusions"));
        assertThat(lastStep.get("conclusions").get(0).get("because")).isNotEmpty();
    }

    private static java.util.List<String> generated(JsonNode t, String type) {
        java.util.List<String> days = new java.util.ArrayList<>();
        for (JsonNode step : t.get("steps")) {
            for (JsonNode e : step.get("events")) {
                if (e.get("generated").asBoolean() && e.get("type").asText().equals(type)) {
                    days.add(e.get("day").asText());
                }
            }
        }
        return days;
    }
}
