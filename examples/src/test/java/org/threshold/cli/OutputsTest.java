package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.scenario.ScenarioReader;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Charts that say what the data say, the HTML report, map JSON, progress and the files reported. */
class OutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Reasoner REASONER = Threshold.builder().build();
    private static final String POLICY = "scenarios/conveyor-policy.yaml";

    @AfterEach
    void defaultDelay() {
        Feedback.delay = Feedback.DELAY;
    }

    private static Timeline simulate(String file, int step) {
        return REASONER.simulate(ScenarioReader.read(Path.of(file)), new SimulationOptions(null, null, step));
    }

    private static Map<String, Double> bands(String file) {
        return TimelineChart.riskBands(ScenarioReader.read(Path.of(file)).calibration().asMap());
    }

    @Test
    void aFlatTimelineIsNotTitledAsRising() {
        Timeline flat = simulate("scenarios/grave-threat.yaml", 1);

        String title = new TimelineChart(flat, bands("scenarios/grave-threat.yaml"), true).title();

        assertThat(title).isEqualTo("grave-threat: observer confidence stays at 0.30; escalation risk stays at 0.26")
                .doesNotContain("rises");
    }

    @Test
    void aRisingTimelineSaysBothRiseWithTheirNumbers() {
        TimelineChart chart = new TimelineChart(simulate(POLICY, 7), bands(POLICY), true);

        assertThat(chart.title()).isEqualTo(
                "conveyor-policy: observer confidence rises from 0.30 to 0.96 while escalation risk rises from 0.19 to 0.79");
        assertThat(chart.caption()).isEqualTo("Simulated from 2025-02-10 to 2026-12-31, reported every 7 days. Ends in posture "
                + "PRESS, risk level CRITICAL. 12 transitions on 6 days, numbered on the chart and listed below.");
    }

    @Test
    void everyTransitionIsNumberedAndListedAndMarkersOfNearbyDaysDoNotOverlap() throws Exception {
        Timeline t = simulate("scenarios/faction-shift.yaml", 1);
        TimelineChart chart = new TimelineChart(t, bands("scenarios/faction-shift.yaml"), true);

        Document svg = svg(chart.svg());
        String text = texts(svg);

        int listed = 0;
        for (TimelineChart.Group g : chart.groups()) {
            listed += g.changes().size();
        }
        assertThat(listed).isEqualTo(t.transitions().size());
        for (Transition tr : t.transitions()) {
            assertThat(text).contains(TimelineChart.change(tr));
        }
        // the kinds the old chart left unlabelled
        assertThat(text).contains("THREATS_DISCOUNTED begins", "RISK_TRANSFERRED_TO_PROXY begins", "risk level ELEVATED \u2192 HIGH");
        // the numbered markers sit above the plot, and two within a marker's width are on different rows
        List<double[]> markers = new ArrayList<>();
        NodeList circles = svg.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            Element c = (Element) circles.item(i);
            double cy = Double.parseDouble(c.getAttribute("cy"));
            if (cy < 132) {
                markers.add(new double[] {Double.parseDouble(c.getAttribute("cx")), cy});
            }
        }
        assertThat(markers).hasSize(chart.groups().size());
        for (int i = 0; i < markers.size(); i++) {
            for (int j = i + 1; j < markers.size(); j++) {
                double dx = Math.abs(markers.get(i)[0] - markers.get(j)[0]);
                double dy = Math.abs(markers.get(i)[1] - markers.get(j)[1]);
                assertThat(dx >= 19 || dy >= 19).as("markers %d and %d overlap", i + 1, j + 1).isTrue();
            }
        }
    }

    @Test
    void aPackWithoutTheEssaysOutputsGetsNoBandsAndNoNullsInItsCaption() throws Exception {
        Reasoner maritime = Threshold.builder().defaultPacks(false).rules(Path.of("packs/maritime/rules")).build();
        Timeline t = maritime.simulate(ScenarioReader.read(Path.of("packs/maritime/scenarios/shoal-standoff.yaml"),
                maritime.calibrationKeys()), new SimulationOptions(null, null, 1));

        TimelineChart chart = new TimelineChart(t, bands("scenarios/grave-threat.yaml"), true);

        assertThat(chart.title()).isEqualTo("shoal-standoff: observer confidence not reported; escalation risk not reported");
        assertThat(chart.caption()).contains("No posture or risk level (no loaded pack gives them).").doesNotContain("null");
        assertThat(texts(svg(chart.svg()))).doesNotContain("CRITICAL").contains("WARNING_CALLED begins");
        assertThat(HtmlReport.render(t, Map.of(), List.of("GREY_ZONE_CAMPAIGN", "WARNING_CALLED", "NAVAL_CLASH_RISK")))
                .doesNotContain("null").doesNotContain("<td>posture</td>").contains("<tr><td>WARNING_CALLED</td>")
                .contains("Not holding: NAVAL_CLASH_RISK.");
    }

    @Test
    void ticksFallOnMonthBoundariesAndTheYAxisIsNamed() throws Exception {
        TimelineChart chart = new TimelineChart(simulate(POLICY, 7), bands(POLICY), true);

        List<LocalDate> ticks = chart.ticks();

        assertThat(ticks).allMatch(d -> d.getDayOfMonth() == 1).hasSize(22);
        assertThat(ticks.get(0)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(ticks.get(ticks.size() - 1)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(texts(svg(chart.svg()))).contains("score (0 to 1): Q, R, H", "month (ticks on the first day of each)",
                "2025-03", "2026-12");
    }

    @Test
    void theRiskBandsComeFromTheCalibration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bands.yaml");
        Files.writeString(file, Files.readString(Path.of("scenarios/grave-threat.yaml"))
                + "calibration: {risk.elevated: 0.3, risk.high: 0.5, risk.critical: 0.8}\n");
        Map<String, Double> bands = TimelineChart.riskBands(ScenarioReader.read(file).calibration().asMap());
        assertThat(bands).containsExactly(Map.entry("ELEVATED", 0.3), Map.entry("HIGH", 0.5), Map.entry("CRITICAL", 0.8));

        Timeline t = REASONER.simulate(ScenarioReader.read(file), new SimulationOptions(null, null, 1));
        BufferedImage image = new TimelineChart(t, bands, true).image();

        // left of the first transition and between grid lines, the plot shows the ELEVATED band
        // (0.3 to 0.5 here) at 0.35 and no band at 0.28, below the moved bound
        int x = 75;
        int y035 = 132 + (int) Math.round(400 * (1 - 0.35));
        int y028 = 132 + (int) Math.round(400 * (1 - 0.28));
        assertThat(new Color(image.getRGB(x, y035))).isEqualTo(new Color(255, 246, 204));
        assertThat(new Color(image.getRGB(x, y028))).isEqualTo(Color.WHITE);
    }

    @Test
    void theHtmlReportListsEveryEventShowsEachThingOnceAndKeepsTextAsText(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");

        CommandRunner r = CommandRunner.run("simulate", POLICY, "--step", "7d", "--html", html.toString(), "--format", "csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String page = Files.readString(html, StandardCharsets.UTF_8);
        // 6 events of the scenario and 18 of the policy (12 strikes while pressing, 6 sanctions while holding)
        assertThat(count(page, "<tr class=\"generated\">")).isEqualTo(18);
        assertThat(count(page, "the observer's policy (generated)</td>")).isEqualTo(18);
        assertThat(count(page, "<td>the scenario</td>")).isEqualTo(6);
        assertThat(page).contains("Events (24, 18 made by the observer's policy)");
        // each conclusion of the final assessment once, and no text report repeating it
        assertThat(count(page, "<tr><td>FACTION_SHIFT</td>")).isEqualTo(1);
        assertThat(page).doesNotContain("<pre>").doesNotContain("Conclusions that hold");
        // the chart's text is text, and the page is small
        String chart = page.substring(page.indexOf("<svg"), page.indexOf("</svg>") + 6);
        assertThat(chart).doesNotContain("<path").contains("<text");
        assertThat(texts(svg(chart))).contains("2026-03", "CRITICAL");
        assertThat(Files.size(html)).isLessThan(60_000);
        // dates stay on one line
        assertThat(page).contains("td.day,td.num{white-space:nowrap}").contains("<td class=\"day\">2026-03-30</td>");
    }

    @Test
    void mapJsonGivesRegionsWithSharesTheScenariosOwnPointAndTheCells() throws Exception {
        CommandRunner r = CommandRunner.run("map", "scenarios/moscow-struck.yaml", "--x", "humiliation.weight.capital",
                "--y", "factions.hardliners.influence", "--resolution", "40", "--format", "json", "--cells");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode map = JSON.readTree(r.out());
        JsonNode regions = map.get("regions");
        double share = 0;
        long cells = 0;
        for (JsonNode region : regions) {
            share += region.get("share").asDouble();
            cells += region.get("cells").asLong();
            assertThat(region.get("posture").asText()).isEqualTo("HOLD");
        }
        assertThat(cells).isEqualTo(1600);
        assertThat(share).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(map.get("fullGrid").asInt()).isEqualTo(1600);
        assertThat(map.get("assessments").asInt()).isLessThan(1600);
        // the scenario's point (0.3, 0.35) lies in column 0.3 / 1.2 * 40 = 10, row 0.35 * 40 = 14
        JsonNode grid = map.get("cells");
        assertThat(grid).hasSize(40);
        int region = grid.get(14).get(10).asInt();
        assertThat(regions.get(region).get("region").asText()).isEqualTo(map.get("here").get("region").asText());
        assertThat(map.get("here").get("conclusions").get(0).get("because")).isNotEmpty();
        assertThat(map.get("x").get("meaning").asText()).isEqualTo("humiliation per unit severity of a CAPITAL strike");
        // without --cells there are none
        CommandRunner plain = CommandRunner.run("map", "scenarios/moscow-struck.yaml", "--x", "humiliation.weight.capital",
                "--y", "factions.hardliners.influence", "--resolution", "10", "--format", "json");
        assertThat(JSON.readTree(plain.out()).has("cells")).isFalse();
        // and --cells is not silently dropped from a text map
        CommandRunner text = CommandRunner.run("map", "scenarios/moscow-struck.yaml", "--x", "humiliation.weight.capital",
                "--y", "factions.hardliners.influence", "--resolution", "10", "--cells");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("--cells: the cells are given only in JSON. Maybe add --format json.");
        assertThat(text.out()).isEmpty();
    }

    @Test
    void progressGoesToStandardErrorWhenAskedAndNeverWithQuiet() {
        Feedback.delay = Duration.ZERO;
        String[] map = {"map", "scenarios/moscow-struck.yaml", "--x", "humiliation.weight.capital", "--y",
            "factions.hardliners.influence", "--resolution", "30", "--format", "json"};

        CommandRunner plain = CommandRunner.run(map);
        CommandRunner progress = CommandRunner.run(concat(map, "--progress"));
        CommandRunner quiet = CommandRunner.run(concat(map, "--progress", "--quiet"));

        assertThat(plain.err()).isEmpty();
        assertThat(progress.err()).contains("map").contains("100%").contains("900/900").contains("\r");
        assertThat(progress.out()).isEqualTo(plain.out());
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEqualTo(plain.out());
    }

    @Test
    void anEnsemblesProgressFollowsTheSameRulesAsEveryCommands() {
        Feedback.delay = Duration.ZERO;
        String[] ensemble = {"ensemble", "scenarios/moscow-struck-uncertain.yaml", "--samples", "400", "--format", "json",
            "--threads", "2"};

        CommandRunner plain = CommandRunner.run(ensemble);
        CommandRunner progress = CommandRunner.run(concat(ensemble, "--progress"));
        CommandRunner quiet = CommandRunner.run(concat(ensemble, "--progress", "--quiet"));

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.err()).isEmpty();
        assertThat(progress.err()).contains("ensemble").contains("100%").contains("400/400").contains("\r");
        assertThat(progress.out()).isEqualTo(plain.out());
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEqualTo(plain.out());
    }

    @Test
    void oneBarServesTheSignpostsOfEachScenarioInTurn() throws Exception {
        Feedback.delay = Duration.ZERO;

        CommandRunner r = CommandRunner.run("assess", "scenarios/moscow-struck.yaml", "scenarios/grave-threat.yaml",
                "--format", "json", "--progress");

        assertThat(r.exitCode()).as(r.err()).isZero();
        // each scenario's search counts from 0 up to its own whole, so neither passes 100%
        Matcher done = Pattern.compile("signposts\\s+(\\d+)%").matcher(r.err());
        int bars = 0;
        while (done.find()) {
            assertThat(Integer.parseInt(done.group(1))).isBetween(0, 100);
            bars++;
        }
        assertThat(bars).isGreaterThan(1);
        Matcher counts = Pattern.compile("(\\d+)/(\\d+)").matcher(r.err());
        while (counts.find()) {
            assertThat(Long.parseLong(counts.group(1))).as(counts.group()).isLessThanOrEqualTo(Long.parseLong(counts.group(2)));
        }
        // each bar is redrawn in place (carriage returns) and ends its line at 100% of its own
        // search: one assessment for the scenario, then up to 30 for each kind of event but the
        // threshold crossing, which takes one
        long whole = 1 + (org.threshold.analysis.SignpostKind.values().length - 1L)
                * org.threshold.analysis.Signposts.DEFAULT_MAX_EVENTS + 1;
        List<String> finished = List.of(r.err().split("\n"));
        assertThat(finished).hasSize(2);
        for (String line : finished) {
            String last = line.substring(line.lastIndexOf('\r') + 1).strip();
            assertThat(last).startsWith("signposts 100%").contains(" " + whole + "/" + whole + " ");
        }
        assertThat(JSON.readTree(r.out())).hasSize(2);
    }

    @Test
    void simulateAndFlipShowProgressToo() {
        Feedback.delay = Duration.ZERO;

        CommandRunner simulate = CommandRunner.run("simulate", POLICY, "--step", "30d", "--format", "csv", "--progress");
        CommandRunner flip = CommandRunner.run("flip", "scenarios/moscow-struck.yaml", "--vary", "threat.credibility", "--progress");

        assertThat(simulate.err()).contains("simulate").contains("690/690");
        assertThat(simulate.out()).doesNotContain("simulate 100%").startsWith("day,posture");
        assertThat(flip.err()).contains("flip").contains("100%");
    }

    @Test
    void filesWrittenAreReportedOnStandardErrorUnlessQuiet(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        Path map = dir.resolve("map.csv");

        CommandRunner simulate = CommandRunner.run("simulate", POLICY, "--step", "30d", "--chart", png.toString(), "--format", "json");
        CommandRunner mapped = CommandRunner.run("map", "scenarios/moscow-struck.yaml", "--x", "humiliation.weight.capital",
                "--y", "factions.hardliners.influence", "--resolution", "10", "--out", map.toString());
        CommandRunner quiet = CommandRunner.run("simulate", POLICY, "--step", "30d", "--chart", png.toString(), "--quiet");

        assertThat(simulate.err()).isEqualTo("threshold: wrote " + png + System.lineSeparator());
        assertThat(JSON.readTree(simulate.out()).get("steps")).isNotEmpty();
        assertThat(mapped.err()).isEqualTo("threshold: wrote " + map + System.lineSeparator());
        assertThat(mapped.out()).doesNotContain("wrote");
        assertThat(quiet.err()).isEmpty();
        assertThat(ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)))).isNotNull();
    }

    @Test
    void phaseMapAxesAreTitledWithTheParametersMeaningsAndTicksShareOneFormat() {
        assertThat(PhaseMapChart.axisTitle("factions.hardliners.influence", "influence of the faction hardliners"))
                .isEqualTo("factions.hardliners.influence (influence of the faction hardliners)");
        assertThat(PhaseMapChart.decimalPattern(0, 1)).isEqualTo("0.00");
        assertThat(PhaseMapChart.decimalPattern(0, 1.2)).isEqualTo("0.00");
        assertThat(PhaseMapChart.decimalPattern(0, 0.1)).isEqualTo("0.000");
        assertThat(PhaseMapChart.decimalPattern(0, 30)).isEqualTo("0.0");
        assertThat(PhaseMapChart.decimalPattern(0, 365)).isEqualTo("0");
        assertThat(new java.text.DecimalFormat(PhaseMapChart.decimalPattern(0, 1)).format(0.05)).isEqualTo("0.05");
        assertThat(new java.text.DecimalFormat(PhaseMapChart.decimalPattern(0, 1)).format(0.1)).isEqualTo("0.10");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Document svg(String svg) throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        return xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String texts(Document doc) {
        StringBuilder sb = new StringBuilder();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            sb.append(texts.item(i).getTextContent()).append('\n');
        }
        return sb.toString();
    }
}
