package org.threshold.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;
import org.threshold.ensemble.EnsembleSummary;

/**
 * The load-bearing parameters of an ensemble as grouped bars (XChart, PNG or SVG): one group a
 * parameter, one bar an uncertain output. With sensitivity the bars are total Sobol indices; without,
 * how far the parameter's best cut moves the conclusion's share (share above minus share below, in
 * absolute value).
 */
public final class EnsembleChart {

    private EnsembleChart() {
    }

    /** Writes the chart of {@code summary} to {@code file}, a {@code .png} or {@code .svg}. */
    public static void write(EnsembleSummary summary, Path file) throws IOException {
        CategoryChart chart = chart(summary);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (name.endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else if (name.endsWith(".png")) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            } else {
                throw new IllegalArgumentException("the chart file must end in .png or .svg (" + file + ")");
            }
        }
    }

    static CategoryChart chart(EnsembleSummary s) {
        boolean sobol = s.sensitivityRequested();
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title("What carries each conclusion: " + s.scenario() + " (" + s.assessments() + " draws, seed " + s.seed() + ")")
                .xAxisTitle("uncertain parameter")
                .yAxisTitle(sobol ? "total-order Sobol index" : "share above the best cut minus share below (absolute)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisLabelRotation(15);
        chart.getStyler().setOverlapped(false);
        List<String> parameters = new ArrayList<>(s.parameters().parameters().keySet());
        if (sobol) {
            for (Map.Entry<String, List<EnsembleSummary.SobolIndex>> e : s.sensitivity().entrySet()) {
                List<Double> values = new ArrayList<>();
                for (String p : parameters) {
                    values.add(e.getValue().stream().filter(i -> i.parameter().equals(p)).mapToDouble(
                            i -> Math.max(0.0, Math.min(1.0, i.total()))).findFirst().orElse(0.0));
                }
                chart.addSeries(e.getKey(), parameters, values);
            }
        } else {
            for (Map.Entry<String, List<EnsembleSummary.Split>> e : s.splits().entrySet()) {
                List<Double> values = new ArrayList<>();
                for (String p : parameters) {
                    values.add(e.getValue().stream().filter(sp -> sp.parameter().equals(p))
                            .mapToDouble(sp -> Math.abs(sp.above() - sp.below())).findFirst().orElse(0.0));
                }
                chart.addSeries(e.getKey(), parameters, values);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            List<Double> zeros = new ArrayList<>();
            parameters.forEach(p -> zeros.add(0.0));
            chart.addSeries("no output varies over the draws", parameters, zeros);
        }
        return chart;
    }
}
