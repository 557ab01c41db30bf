package org.threshold.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.fact.Event;
import org.threshold.report.JsonReport;
import org.threshold.report.TimelineReport;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/**
 * One self-contained page: the chart (inline SVG whose text is text), the transitions with their
 * reasons and the numbers they carry on the chart, every event (the policy's marked), and the
 * final assessment, each shown once.
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static void write(Timeline t, Map<String, Double> bands, List<String> knownConclusions, Path file) throws IOException {
        Files.writeString(file, render(t, bands, knownConclusions), StandardCharsets.UTF_8);
    }

    static String render(Timeline t, Map<String, Double> bands, List<String> knownConclusions) {
        Assessment last = t.last().assessment();
        TimelineChart chart = new TimelineChart(t, bands, false);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(t.scenario())).append(" \u2014 Threshold timeline</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1240px;padding:0 1em;color:#222}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.92em}\n")
                .append("td,th{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f4f4f4}td.day,td.num{white-space:nowrap}td.num{text-align:right}\n")
                .append(".begins{color:#b00}.ends{color:#06c}.generated{background:#fff6e0}\n")
                .append("figure.chart{margin:0}.chart svg{width:100%;height:auto}figcaption{color:#555;margin:.3em 0 0}\n.sources{font-size:smaller;color:#555}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(t.scenario())).append("</h1>\n<p>").append(esc(chart.caption())).append("</p>\n");
        h.append("<figure class=\"chart\">\n").append(chart.svg()).append("<figcaption>").append(esc(chart.title()))
                .append("</figcaption>\n</figure>\n");

        Map<String, String> urls = new java.util.HashMap<>();
        for (Step step : t.steps()) {
            for (Event e : step.events()) {
                if (e.source() != null && e.source().url() != null) {
                    urls.putIfAbsent(e.source().citation(), e.source().url());
                }
            }
        }
        h.append("<h2 id=\"transitions\">Transitions</h2>\n");
        if (t.transitions().isEmpty()) {
            h.append("<p>None: nothing changed.</p>\n");
        } else {
            h.append("<table>\n<tr><th>#</th><th>day</th><th>change</th><th>why</th></tr>\n");
            int number = 0;
            java.time.LocalDate day = null;
            for (Transition tr : t.transitions()) {
                if (!tr.day().equals(day)) {
                    number++;
                    day = tr.day();
                }
                String css = Transition.HOLDS.equals(tr.after()) ? "begins" : Transition.DOES_NOT_HOLD.equals(tr.after()) ? "ends" : "";
                h.append("<tr><td class=\"num\">").append(number).append("</td><td class=\"day\">").append(tr.day())
                        .append("</td><td class=\"").append(css).append("\">").append(esc(TimelineChart.change(tr)))
                        .append("</td><td>");
                String lead = Transition.DOES_NOT_HOLD.equals(tr.after()) ? "had held because " : "";
                for (Explanation e : tr.because()) {
                    h.append(esc(lead + e)).append("<br>");
                }
                sources(h, tr.sources(), urls);
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        int events = 0;
        int generated = 0;
        for (Step s : t.steps()) {
            events += s.events().size();
            generated += s.generated().size();
        }
        h.append("<h2 id=\"events\">Events (").append(events).append(generated > 0 ? ", " + generated
                + " made by the observer's policy" : "").append(")</h2>\n");
        if (events == 0) {
            h.append("<p>None in these days.</p>\n");
        } else {
            h.append("<table>\n<tr><th>day</th><th>event</th><th>from</th></tr>\n");
            for (Step s : t.steps()) {
                for (Event e : s.events()) {
                    boolean made = s.isGenerated(e);
                    String line = TimelineReport.line(e);
                    h.append("<tr").append(made ? " class=\"generated\"" : "").append("><td class=\"day\">").append(e.day())
                            .append("</td><td>").append(esc(line.substring(line.indexOf(' ') + 1))).append("</td><td>")
                            .append(made ? "the observer's policy (generated)" : "the scenario").append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }

        h.append("<h2 id=\"final\">Final assessment, as of ").append(last.asOf()).append("</h2>\n<table>\n")
                .append("<tr><th>output</th><th>value</th><th>because</th></tr>\n");
        if (last.posture() != null) {
            row(h, "posture", last.posture().name(), last.postureBecause());
        }
        if (last.riskLevel() != null) {
            row(h, "risk level", last.riskLevel().name(), last.riskLevelBecause());
        }
        for (Finding f : last.conclusions()) {
            String value = "holds" + (f.basis() != null ? ", basis " + f.basis() : "")
                    + (f.strength() != null ? ", strength " + JsonReport.round(f.strength()) : "");
            row(h, f.type(), value, f.because(), f.sources(), urls);
        }
        h.append("</table>\n");
        List<String> notHolding = knownConclusions.stream().filter(c -> !last.holds(c)).toList();
        if (!notHolding.isEmpty()) {
            h.append("<p>Not holding: ").append(esc(String.join(", ", notHolding))).append(".</p>\n");
        }
        h.append("<table>\n<tr><th>metric</th><th>value</th></tr>\n");
        for (Map.Entry<String, Double> m : last.metrics().entrySet()) {
            h.append("<tr><td>").append(esc(m.getKey())).append("</td><td class=\"num\">").append(JsonReport.round(m.getValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String output, String value, List<Explanation> because) {
        row(h, output, value, because, List.of(), Map.of());
    }

    private static void row(StringBuilder h, String output, String value, List<Explanation> because,
            List<String> sources, Map<String, String> urls) {
        h.append("<tr><td>").append(esc(output)).append("</td><td>").append(esc(value)).append("</td><td>");
        for (Explanation e : because) {
            h.append(esc(e.toString())).append("<br>");
        }
        sources(h, sources, urls);
        h.append("</td></tr>\n");
    }

    /** The citations of a conclusion's events, each a link where its event gave an address. */
    private static void sources(StringBuilder h, java.util.List<String> sources, java.util.Map<String, String> urls) {
        if (sources.isEmpty()) {
            return;
        }
        h.append("<span class=\"sources\">sources: ");
        for (int i = 0; i < sources.size(); i++) {
            String c = sources.get(i);
            String url = urls.get(c);
            h.append(i == 0 ? "" : ", ");
            if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                h.append("<a href=\"").append(esc(url)).append("\">").append(esc(c)).append("</a>");
            } else {
                h.append(esc(c));
            }
        }
        h.append("</span>");
    }

    private static String esc(String s) {
        return Canvas.Svg.escape(s);
    }
}
