package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threshold flip} and {@code threshold map}. Runs from the examples module folder. */
class AnalysisCommandsTest {

    private static final String MOSCOW = "scenarios/moscow-struck.yaml";

    @Test
    void flipFindsTheFactionShiftAtTheHandComputedPointWithBothSidesExplained() throws Exception {
        CommandRunner r = CommandRunner.run("flip", MOSCOW, "--vary", "factions.hardliners.influence", "--conclusion",
                "BOUNDED_ADVERSARY", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("flips")).hasSize(1);
        JsonNode flip = out.get("flips").get(0);
        assertThat(flip.get("at").asDouble()).isBetween(0.65 - 1e-6, 0.65 + 1e-6);
        assertThat(flip.get("above").asDouble() - flip.get("below").asDouble()).isLessThanOrEqualTo(1e-6);
        // each side is an output state, as everywhere, with the watched output's value
        assertThat(flip.get("outputBelow").get("watched").asText()).isEqualTo("holds");
        assertThat(flip.get("outputAbove").get("watched").asText()).isEqualTo("does not hold");
        assertThat(flip.get("outputBelow").get("conclusions").get(0).get("type").asText()).isEqualTo("BOUNDED_ADVERSARY");
        assertThat(flip.get("outputAbove").get("conclusions").findValuesAsText("type")).contains("FACTION_SHIFT")
                .doesNotContain("BOUNDED_ADVERSARY");
        assertThat(out.get("now").get("watched").asText()).isEqualTo("holds");
        assertThat(out.get("now").get("posture").asText()).isEqualTo("HOLD");
        // rounded to 10 decimal places, as in assess
        assertThat(flip.get("at").asText()).matches("0\\.\\d{1,10}");
        assertThat(flip.get("becauseBelow").get(0).asText()).startsWith("rule 'bounded adversary'");
        assertThat(flip.get("becauseAbove").get(0).asText()).startsWith("rule 'faction shift'");
        assertThat(out.get("assessments").asInt()).isLessThanOrEqualTo(40);
    }

    @Test
    void flipWithoutAConclusionWatchesEverything() {
        CommandRunner r = CommandRunner.run("flip", MOSCOW, "--vary", "threat.credibility");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("watching every conclusion, the posture and the risk level")
                .contains("because rule 'threats discounted'");
    }

    @Test
    void badParameterPathsListTheNearestValidOnes() {
        CommandRunner flip = CommandRunner.run("flip", MOSCOW, "--vary", "factions.hardliner.influence");
        CommandRunner map = CommandRunner.run("map", MOSCOW, "--x", "adversary.capasity", "--y", "responseWindowDays");

        assertThat(flip.exitCode()).isEqualTo(2);
        assertThat(flip.err()).contains("--vary: unknown parameter 'factions.hardliner.influence'. The nearest valid paths: "
                + "factions.hardliners.influence, factions.pragmatists.influence.");
        assertThat(map.exitCode()).isEqualTo(2);
        assertThat(map.err()).contains("--x: unknown parameter 'adversary.capasity'. The nearest valid paths: adversary.capacity");
        for (CommandRunner r : List.of(flip, map)) {
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void otherBadArgumentsAreBadInputToo() {
        assertThat(CommandRunner.run("flip", MOSCOW, "--vary", "adversary.capacity", "--conclusion", "BOUNDED").err())
                .contains("--conclusion: unknown output 'BOUNDED'").contains("BOUNDED_ADVERSARY");
        assertThat(CommandRunner.run("flip", MOSCOW, "--vary", "adversary.capacity", "--tolerance", "0").exitCode()).isEqualTo(2);
        assertThat(CommandRunner.run("flip", MOSCOW, "--vary", "adversary.capacity", "--from", "0.9", "--to", "0.1").exitCode())
                .isEqualTo(2);
        assertThat(CommandRunner.run("map", MOSCOW, "--x", "adversary.capacity", "--y", "adversary.capacity").err())
                .contains("--x/--y: expected two different parameters, got adversary.capacity twice");
        assertThat(CommandRunner.run("map", MOSCOW, "--x", "adversary.capacity", "--y", "threat.decay", "--x-range", "1:0").err())
                .contains("--x-range: expected A:B with finite numbers A < B, got '1:0'");
    }

    @Test
    void aMapReportsItsCostAndWritesPicturesAndCsv(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        Path csv = dir.resolve("map.csv");

        CommandRunner r = CommandRunner.run("map", MOSCOW, "--x", "humiliation.weight.capital", "--y",
                "factions.hardliners.influence", "--resolution", "60", "--out", png.toString());
        CommandRunner c = CommandRunner.run("map", MOSCOW, "--x", "humiliation.weight.capital", "--y",
                "factions.hardliners.influence", "--resolution", "20", "--conclusion", "FACTION_SHIFT", "--out", csv.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("this scenario: humiliation.weight.capital = 0.3, factions.hardliners.influence = 0.35: "
                + "HOLD: BOUNDED_ADVERSARY + OBSERVER_EXPECTS_LONG_WAR").containsPattern("\\d+ assessments instead of 3600");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(PhaseMapChart.SIZE);
        assertThat(Files.size(png)).isGreaterThan(10_000);
        assertThat(c.exitCode()).as(c.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("humiliation.weight.capital,factions.hardliners.influence,value");
        assertThat(lines).hasSize(1 + 400);
        // rows with influence >= 0.65 shift whatever the weight
        assertThat(lines.stream().skip(1).filter(l -> Double.parseDouble(l.split(",")[1]) > 0.66))
                .allMatch(l -> l.endsWith(",holds"));
    }
}
