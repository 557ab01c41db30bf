package org.threshold.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.threshold.Assessment;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/**
 * The essay's central image: the observer's confidence Q and the escalation risk R (and
 * humiliation H) against time, with the days conclusions begin or end and the posture changes
 * marked. Drawn with XChart, to PNG or SVG.
 */
final class TimelineChart {

    /** The conclusions whose transitions get a labelled marker; others get a faint line. */
    private static final Set<String> KEY = Set.of("BOUNDED_ADVERSARY", "FACTION_SHIFT", "MISCALIBRATION",
            "RESTRAINT_EROSION", "OBSERVER_READS_BOUNDED", Transition.POSTURE);

    static final int WIDTH = 1200;
    static final int HEIGHT = 640;

    private TimelineChart() {
    }

    static XYChart chart(Timeline t) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(t.scenario() + ": confidence rises while risk rises")
                .xAxisTitle("day").yAxisTitle("score")
                .build();
        Styler s = chart.getStyler();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.08);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAnnotationTextFontColor(new Color(60, 60, 60));
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setAnnotationLineColor(new Color(150, 150, 150));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        s.setToolTipsEnabled(false);

        List<Date> days = new ArrayList<>();
        List<Double> q = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> h = new ArrayList<>();
        for (Step step : t.steps()) {
            Assessment a = step.assessment();
            days.add(date(step));
            q.add(a.metrics().getOrDefault("observerConfidence", Double.NaN));
            r.add(a.metrics().getOrDefault("escalationRisk", Double.NaN));
            h.add(a.metrics().getOrDefault("humiliation", Double.NaN));
        }
        series(chart, "observer confidence Q", days, q, new Color(31, 119, 180));
        series(chart, "escalation risk R", days, r, new Color(214, 39, 40));
        series(chart, "humiliation H", days, h, new Color(127, 127, 127));

        int labelled = 0;
        for (Transition tr : t.transitions()) {
            double x = tr.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            boolean key = KEY.contains(tr.subject());
            if (!key) {
                continue;
            }
            chart.addAnnotation(new AnnotationLine(x, true, false));
            String label = switch (tr.after()) {
                case Transition.HOLDS -> tr.subject() + " begins";
                case Transition.DOES_NOT_HOLD -> tr.subject() + " ends";
                default -> tr.subject() + " " + tr.after();
            };
            double y = 1.04 - 0.055 * (labelled % 6);
            chart.addAnnotation(new AnnotationText(label.toLowerCase(Locale.ROOT).replace('_', ' '), x, y, false));
            labelled++;
        }
        return chart;
    }

    private static void series(XYChart chart, String name, List<Date> x, List<Double> y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(2.2f);
    }

    private static Date date(Step step) {
        return Date.from(step.day().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Writes the chart as PNG or SVG, by the file's extension. */
    static void write(Timeline t, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (name.endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart(t), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else if (name.endsWith(".png")) {
                BitmapEncoder.saveBitmap(chart(t), out, BitmapEncoder.BitmapFormat.PNG);
            } else {
                throw new IllegalArgumentException("a chart file must end in .png or .svg (" + file + ")");
            }
        }
    }

    /** The chart as SVG markup, for embedding in a page. */
    static String svg(Timeline t) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart(t), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        return start >= 0 ? svg.substring(start) : svg;
    }
}
