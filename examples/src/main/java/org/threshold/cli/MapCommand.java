package org.threshold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threshold.Assessment;
import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.Scenario;
import org.threshold.analysis.InvalidParameterException;
import org.threshold.analysis.Parameter;
import org.threshold.analysis.ParameterPaths;
import org.threshold.analysis.PhaseMap;
import org.threshold.analysis.PhaseMapper;
import org.threshold.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threshold map SCENARIO --x PARAM --y PARAM [--resolution N] [--conclusion NAME] [--out FILE.png|FILE.svg|FILE.csv]} */
@Command(name = "map",
        mixinStandardHelpOptions = true,
        description = {"Map the regions of a plane of two parameters where a conclusion holds, or where each posture "
                + "(or risk level) holds, refining along the boundaries instead of assessing every cell, in parallel "
                + "on all cores with one shared reasoner. The scenario's own point is marked."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
final class MapCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file (YAML, or JSON).")
    Path scenario;

    @Option(names = "--x", required = true, paramLabel = "PARAM", description = "The parameter across (a path as for flip --vary).")
    String x;

    @Option(names = "--y", required = true, paramLabel = "PARAM", description = "The parameter up.")
    String y;

    @Option(names = "--x-range", paramLabel = "A:B", description = "Range across (default: the parameter's own range).")
    String xRange;

    @Option(names = "--y-range", paramLabel = "A:B", description = "Range up (default: the parameter's own range).")
    String yRange;

    @Option(names = "--resolution", paramLabel = "N", defaultValue = "100", description = "Cells a side (default 100, at most 2000).")
    int resolution;

    @Option(names = "--conclusion", paramLabel = "NAME|posture|riskLevel|all", defaultValue = "all",
            description = "What to map: a conclusion (where it holds), posture, riskLevel, or all (default): the posture "
                    + "and the set of conclusions that hold, one region each combination.")
    String conclusion;

    @Option(names = "--out", paramLabel = "FILE.png|FILE.svg|FILE.csv", description = "Write the map as a picture or as CSV (x, y, value a cell).")
    Path out;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json (regions with their shares, the scenario's own point and output, the cost).")
    Format format;

    @Option(names = "--cells", description = "With --format json, also give every cell's region, row by row from the low end up.")
    boolean cells;

    /** Output formats. */
    enum Format { text, json }

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resolution < 2 || resolution > 2000) {
            throw bad("--resolution: expected a number of cells from 2 to 2000, got " + resolution);
        }
        if (cells && format != Format.json) {
            throw bad("--cells: the cells are given only in JSON. Maybe add --format json.");
        }
        if (out != null) {
            OutputFiles.check(spec, "--out", out, "map file", ".png", ".svg", ".csv");
        }
        Reasoner reasoner = rules.reasonerOrNull(spec, err);
        Scenario s = reasoner == null ? null : RulesOption.scenarioOrNull(scenario, reasoner, err);
        if (s == null) {
            return ThresholdCommand.BAD_INPUT;
        }
        Parameter px = parameter(s, "--x", x);
        Parameter py = parameter(s, "--y", y);
        double[] xr = range("--x-range", xRange, px);
        double[] yr = range("--y-range", yRange, py);
        if (px.path().equals(py.path())) {
            throw bad("--x/--y: expected two different parameters, got " + px.path() + " twice");
        }
        Function<Assessment, String> output = output(reasoner);
        PhaseMap<String> map;
        Assessment hereAssessment;
        String here;
        long start = System.nanoTime();
        try {
            map = new PhaseMapper(reasoner).withProgress(Feedback.progress(err)).map(s, px.path(), xr[0], xr[1], py.path(),
                    yr[0], yr[1], resolution, output);
            hereAssessment = reasoner.assess(s);
            here = output.apply(hereAssessment);
        } catch (IllegalArgumentException e) {
            throw bad("--x/--y: " + e.getMessage());
        } catch (RuleFailureException e) {
            err.println("threshold: " + e.getMessage());
            return rules.failureExitCode();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        map.cells().forEach(row -> row.forEach(v -> counts.merge(v, 1L, Long::sum)));
        StringBuilder text = new StringBuilder();
        if (format == Format.json) {
            text.append(JsonReport.writeCompactArrays(json(s, px, py, map, counts, hereAssessment, here)))
                    .append(System.lineSeparator());
        } else {
            text.append(String.format(Locale.ROOT, "Map of %s for %s: %s from %s to %s (across) by %s from %s to %s (up), %dx%d cells%n",
                    conclusion, s.name(), px.path(), num(xr[0]), num(xr[1]), py.path(), num(yr[0]), num(yr[1]), resolution, resolution));
            text.append(String.format(Locale.ROOT, "  this scenario: %s = %s, %s = %s: %s%n", px.path(), num(px.value()), py.path(),
                    num(py.value()), here));
            text.append("  regions: ").append(counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / (resolution * resolution)))
                    .collect(Collectors.joining(", "))).append(System.lineSeparator());
            text.append(String.format(Locale.ROOT, "  %d assessments instead of %d for the full grid (%.1f%%), in %d ms on %d cores%n",
                    map.assessments(), resolution * resolution, 100 * map.share(), ms, Runtime.getRuntime().availableProcessors()));
        }
        if (out != null) {
            // the file first: a file that fails to be written leaves standard output empty
            try {
                PhaseMapChart.write(map, conclusion, px.meaning(), py.meaning(), out);
            } catch (IOException e) {
                err.println("threshold: --out: cannot write " + out + " (" + OutputFiles.reason(e)
                        + "). Maybe choose a folder you can write to.");
                return ThresholdCommand.BAD_INPUT;
            }
        }
        stdout.print(text);
        stdout.flush();
        if (out != null) {
            Feedback.wrote(err, out);
        }
        return 0;
    }

    private ObjectNode json(Scenario s, Parameter px, Parameter py, PhaseMap<String> map, Map<String, Long> counts,
            Assessment here, String region) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scenario", s.name());
        root.put("asOf", s.asOf().toString());
        root.put("watching", conclusion);
        root.set("x", axis(px, map.xFrom(), map.xTo()));
        root.set("y", axis(py, map.yFrom(), map.yTo()));
        root.put("resolution", map.resolution());
        ObjectNode point = root.putObject("here");
        // an unset parameter (an infinite half-life) has no number: null
        if (px.unset()) {
            point.putNull("x");
        } else {
            point.put("x", JsonReport.round(px.value()));
        }
        if (py.unset()) {
            point.putNull("y");
        } else {
            point.put("y", JsonReport.round(py.value()));
        }
        point.put("region", region);
        point.setAll(JsonReport.state(here));
        ArrayNode regions = root.putArray("regions");
        List<String> order = new java.util.ArrayList<>(counts.keySet());
        double all = (double) map.resolution() * map.resolution();
        for (String value : order) {
            ObjectNode r = regions.addObject();
            r.put("region", value);
            if (conclusion.equals("all")) {
                String[] parts = value.split(": ", 2);
                r.put("posture", parts[0]);
                ArrayNode holding = r.putArray("conclusions");
                if (parts.length > 1) {
                    for (String type : parts[1].split(" \\+ ")) {
                        holding.addObject().put("type", type);
                    }
                }
            }
            r.put("cells", counts.get(value));
            r.put("share", JsonReport.round(counts.get(value) / all));
        }
        root.put("assessments", map.assessments());
        root.put("fullGrid", map.resolution() * map.resolution());
        if (cells) {
            ArrayNode rows = root.putArray("cells");
            for (List<String> row : map.cells()) {
                ArrayNode r = rows.addArray();
                row.forEach(v -> r.add(order.indexOf(v)));
            }
        }
        return root;
    }

    private static ObjectNode axis(Parameter p, double from, double to) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("parameter", p.path());
        o.put("meaning", p.meaning());
        o.put("from", JsonReport.round(from));
        o.put("to", JsonReport.round(to));
        return o;
    }

    private Function<Assessment, String> output(Reasoner reasoner) {
        if (conclusion.equals("all")) {
            return a -> a.posture() + (a.conclusions().isEmpty() ? "" : ": " + String.join(" + ", a.conclusionTypes()));
        }
        return RulesOption.watched(conclusion, reasoner, spec, List.of("all"));
    }

    private Parameter parameter(Scenario s, String option, String path) {
        try {
            return ParameterPaths.resolve(s, path);
        } catch (InvalidParameterException e) {
            throw bad(option + ": " + e.getMessage());
        }
    }

    private double[] range(String option, String text, Parameter p) {
        if (text == null) {
            return new double[] {p.low(), p.high()};
        }
        String[] parts = text.split(":");
        try {
            if (parts.length == 2) {
                double a = Double.parseDouble(parts[0].trim());
                double b = Double.parseDouble(parts[1].trim());
                if (Double.isFinite(a) && Double.isFinite(b) && a < b) {
                    // a whole-number parameter takes the whole number nearest each cell, so any non-negative ends do
                    Parameter.Kind kind = p.kind().whole() ? Parameter.Kind.NON_NEGATIVE : p.kind();
                    if (!kind.accepts(a) || !kind.accepts(b)) {
                        throw bad(option + ": " + p.path() + " takes " + p.kind().description() + ", got '" + text
                                + "'. Maybe use its default range, " + num(p.low()) + ":" + num(p.high()) + ".");
                    }
                    return new double[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(option + ": expected A:B with finite numbers A < B, got '" + text + "'");
    }

    /** A number in six significant digits; an unset value (an infinite half-life) is "none". */
    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return "none";
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
