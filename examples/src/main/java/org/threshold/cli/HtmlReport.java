package org.threshold.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.report.TextReport;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/** One self-contained page: the chart (inline SVG), the transitions with their reasons, and the final assessment. */
final class HtmlReport {

    private HtmlReport() {
    }

    static void write(Timeline t, List<String> knownConclusions, Path file) throws IOException {
        Files.writeString(file, render(t, knownConclusions), StandardCharsets.UTF_8);
    }

    static String render(Timeline t, List<String> knownConclusions) throws IOException {
        Assessment last = t.last().assessment();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(t.scenario())).append(" — Threshold timeline</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1240px;color:#222}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.92em}\n")
                .append("td,th{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f4f4f4}.begins{color:#b00}.ends{color:#06c}\n")
                .append("pre{background:#f8f8f8;padding:1em;overflow-x:auto;font-size:.85em}\n")
                .append(".chart svg{width:100%;height:auto}\n.sources{font-size:smaller;color:#555}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(t.scenario())).append("</h1>\n<p>Simulated from ").append(t.from()).append(" to ")
                .append(t.to()).append(", reported every ").append(t.stepDays()).append(t.stepDays() == 1 ? " day" : " days")
                .append(". Final posture <b>").append(last.posture()).append("</b>, risk level <b>")
                .append(last.riskLevel()).append("</b>.</p>\n");
        int generated = t.generated().size();
        if (generated > 0) {
            h.append("<p>The observer's policy made ").append(generated).append(generated == 1 ? " event" : " events")
                    .append(" during the simulation.</p>\n");
        }
        java.util.Map<String, String> urls = new java.util.HashMap<>();
        for (org.threshold.timeline.Step step : t.steps()) {
            for (org.threshold.fact.Event e : step.events()) {
                if (e.source() != null && e.source().url() != null) {
                    urls.putIfAbsent(e.source().citation(), e.source().url());
                }
            }
        }
        h.append("<div class=\"chart\">\n").append(TimelineChart.svg(t)).append("\n</div>\n");
        h.append("<h2>Transitions</h2>\n");
        if (t.transitions().isEmpty()) {
            h.append("<p>None: nothing changed.</p>\n");
        } else {
            h.append("<table>\n<tr><th>day</th><th>change</th><th>why</th></tr>\n");
            for (Transition tr : t.transitions()) {
                String change;
                String css = "";
                if (Transition.HOLDS.equals(tr.after())) {
                    change = tr.subject() + " begins";
                    css = "begins";
                } else if (Transition.DOES_NOT_HOLD.equals(tr.after())) {
                    change = tr.subject() + " ends";
                    css = "ends";
                } else {
                    change = tr.subject() + " " + tr.before() + " → " + tr.after();
                }
                h.append("<tr><td>").append(tr.day()).append("</td><td class=\"").append(css).append("\">")
                        .append(esc(change)).append("</td><td>");
                String lead = Transition.DOES_NOT_HOLD.equals(tr.after()) ? "had held because " : "";
                for (Explanation e : tr.because()) {
                    h.append(esc(lead + e)).append("<br>");
                }
                sources(h, tr.sources(), urls);
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Final assessment, as of ").append(last.asOf()).append("</h2>\n<table>\n<tr><th>conclusion</th><th>because</th></tr>\n");
        for (Finding f : last.conclusions()) {
            h.append("<tr><td>").append(esc(f.type())).append("</td><td>");
            for (Explanation e : f.because()) {
                h.append(esc(e.toString())).append("<br>");
            }
            sources(h, f.sources(), urls);
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<pre>").append(esc(TextReport.render(last, knownConclusions))).append("</pre>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
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
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
