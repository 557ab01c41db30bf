package org.threshold.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.threshold.analysis.PhaseMap;
import org.threshold.report.JsonReport;

/** A {@link PhaseMap} drawn with XChart: one colour a region, the scenario's own point marked; PNG, SVG or CSV. */
final class PhaseMapChart {

    static final int SIZE = 760;

    private static final Map<String, Color> KNOWN = Map.of(
            "CONTAIN", new Color(214, 39, 40), "PRESS", new Color(255, 152, 0), "HOLD", new Color(31, 119, 180),
            "holds", new Color(44, 160, 44), "does not hold", new Color(200, 200, 200),
            "LOW", new Color(166, 216, 84), "ELEVATED", new Color(255, 217, 47), "HIGH", new Color(252, 141, 98),
            "CRITICAL", new Color(215, 48, 39));
    private static final Color[] PALETTE = {new Color(141, 211, 199), new Color(190, 186, 218), new Color(251, 128, 114),
        new Color(128, 177, 211), new Color(253, 180, 98), new Color(179, 222, 105), new Color(252, 205, 229),
        new Color(188, 128, 189), new Color(204, 235, 197), new Color(255, 237, 111)};

    private PhaseMapChart() {
    }

    static XYChart chart(PhaseMap<String> map, String watching) {
        return chart(map, watching, map.xPath(), map.yPath());
    }

    /** The axis title of a parameter: its path and what it means. */
    static String axisTitle(String path, String meaning) {
        return meaning == null || meaning.isBlank() || meaning.equals(path) ? path : path + " (" + meaning + ")";
    }

    /** One decimal pattern for all of an axis's tick labels, as fine as the range needs: 0.00 for [0, 1]. */
    static String decimalPattern(double from, double to) {
        double span = Math.abs(to - from);
        int places = span >= 50 ? 0 : span >= 5 ? 1 : span >= 0.5 ? 2 : Math.min(8, 2 + (int) Math.ceil(-Math.log10(span / 0.5)));
        return places == 0 ? "0" : "0." + "0".repeat(places);
    }

    static XYChart chart(PhaseMap<String> map, String watching, String xTitle, String yTitle) {
        String common = common(map);
        String title = watching.equals("all") ? "Regions of posture and conclusions" : "Where " + watching + " holds";
        XYChart chart = new XYChartBuilder().width(SIZE).height(SIZE + 40 + 18 * map.values().size())
                .title(common.isEmpty() ? title : title + " (everywhere: " + common.toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisDecimalPattern(decimalPattern(map.xFrom(), map.xTo()));
        chart.getStyler().setYAxisDecimalPattern(decimalPattern(map.yFrom(), map.yTo()));
        Styler s = chart.getStyler();
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
        chart.getStyler().setXAxisMin(map.xFrom());
        chart.getStyler().setXAxisMax(map.xTo());
        chart.getStyler().setYAxisMin(map.yFrom());
        chart.getStyler().setYAxisMax(map.yTo());
        chart.getStyler().setMarkerSize(Math.max(2, (int) Math.ceil((SIZE - 120.0) / map.resolution()) + 1));
        s.setToolTipsEnabled(false);
        Map<String, List<double[]>> byValue = new LinkedHashMap<>();
        for (int r = 0; r < map.resolution(); r++) {
            for (int c = 0; c < map.resolution(); c++) {
                byValue.computeIfAbsent(map.at(r, c), k -> new ArrayList<>()).add(new double[] {map.x(c), map.y(r)});
            }
        }
        int i = 0;
        for (Map.Entry<String, List<double[]>> e : byValue.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            XYSeries series = chart.addSeries(label(e.getKey(), common), xs, ys);
            series.setMarker(SeriesMarkers.SQUARE);
            series.setMarkerColor(KNOWN.getOrDefault(e.getKey(), PALETTE[i++ % PALETTE.length]));
        }
        XYSeries here = chart.addSeries("this scenario", new double[] {map.xValue()}, new double[] {map.yValue()});
        here.setMarker(SeriesMarkers.DIAMOND);
        here.setMarkerColor(Color.BLACK);
        double dx = (map.xTo() - map.xFrom()) * 0.02;
        chart.addAnnotation(new org.knowm.xchart.AnnotationText("this scenario", map.xValue() + 4 * dx,
                map.yValue() + (map.yTo() - map.yFrom()) * 0.02, false));
        return chart;
    }

    /** The parts ("HOLD", "OBSERVER_EXPECTS_LONG_WAR") shared by every region of an all-map, to keep legends short. */
    private static String common(PhaseMap<String> map) {
        List<java.util.Set<String>> parts = new ArrayList<>();
        for (String v : map.values()) {
            parts.add(new java.util.LinkedHashSet<>(List.of(v.split(": | \\+ "))));
        }
        if (parts.size() < 2) {
            return "";
        }
        java.util.Set<String> shared = new java.util.LinkedHashSet<>(parts.get(0));
        parts.forEach(shared::retainAll);
        return String.join(", ", shared);
    }

    private static String label(String value, String common) {
        if (common.isEmpty()) {
            return value;
        }
        List<String> kept = new ArrayList<>();
        java.util.Set<String> drop = new java.util.HashSet<>(List.of(common.split(", ")));
        for (String p : value.split(": | \\+ ")) {
            if (!drop.contains(p)) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? "(nothing else)" : String.join(" + ", kept);
    }

    static void write(PhaseMap<String> map, String watching, String xMeaning, String yMeaning, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            StringBuilder sb = new StringBuilder(map.xPath()).append(',').append(map.yPath()).append(",value\n");
            for (int r = 0; r < map.resolution(); r++) {
                for (int c = 0; c < map.resolution(); c++) {
                    sb.append(JsonReport.round(map.x(c))).append(',').append(JsonReport.round(map.y(r))).append(',').append(map.at(r, c)).append('\n');
                }
            }
            Files.writeString(file, sb.toString());
            return;
        }
        XYChart chart = chart(map, watching, axisTitle(map.xPath(), xMeaning), axisTitle(map.yPath(), yMeaning));
        try (OutputStream out = Files.newOutputStream(file)) {
            if (name.endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else if (name.endsWith(".png")) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            } else {
                throw new IllegalArgumentException("the map file must end in .png, .svg or .csv (" + file + ")");
            }
        }
    }
}
