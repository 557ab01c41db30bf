package org.threshold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.Scenario;
import org.threshold.analysis.FlipFinder;
import org.threshold.analysis.FlipPoint;
import org.threshold.analysis.InvalidParameterException;
import org.threshold.analysis.Parameter;
import org.threshold.analysis.ParameterPaths;
import org.threshold.analysis.Signposts;
import org.threshold.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threshold flip SCENARIO --vary PARAM [--from A --to B] [--conclusion NAME|posture|riskLevel] [--tolerance T]} */
@Command(name = "flip",
        mixinStandardHelpOptions = true,
        description = {"Find every value of one numeric parameter where an output of the assessment flips: a conclusion, "
                + "the posture, the risk level, or (by default) any of them. Each flip point is bracketed to within the "
                + "tolerance by bisection, with the outputs and explanations on both sides."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
final class FlipCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file (YAML, or JSON).")
    Path scenario;

    @Option(names = "--vary", required = true, paramLabel = "PARAM",
            description = "The parameter to move: adversary.capacity, adversary.returnTicket.finance, "
                    + "factions.NAME.influence, costs.proxy.human, events[i].severity, or any calibration key.")
    String vary;

    @Option(names = "--from", paramLabel = "A", description = "Low end of the range (default: the parameter's lowest value).")
    Double from;

    @Option(names = "--to", paramLabel = "B", description = "High end of the range (default: the parameter's highest value).")
    Double to;

    @Option(names = "--conclusion", paramLabel = "NAME|posture|riskLevel",
            description = "The output to watch: a conclusion (whether it holds), posture, or riskLevel. Default: all of them together.")
    String conclusion;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-6",
            description = "The widest bracket reported around each flip point (default 1e-6).")
    double tolerance;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format: text (default) or json.")
    Format format;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Reasoner reasoner = rules.reasonerOrNull(spec, err);
        Scenario s = reasoner == null ? null : RulesOption.scenarioOrNull(scenario, reasoner, err);
        if (s == null) {
            return ThresholdCommand.BAD_INPUT;
        }
        Parameter parameter;
        try {
            parameter = ParameterPaths.resolve(s, vary);
        } catch (InvalidParameterException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--vary: " + e.getMessage());
        }
        double low = from != null ? from : parameter.low();
        double high = to != null ? to : parameter.high();
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw bad("--tolerance: expected a number above 0, got " + tolerance);
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw bad("--from/--to: expected finite numbers with from < to, got from " + num(low) + ", to " + num(high));
        }
        for (double end : new double[] {low, high}) {
            if (!parameter.kind().accepts(end)) {
                throw bad((end == low ? "--from" : "--to") + ": " + parameter.path() + " takes " + parameter.kind().description()
                        + ", got " + num(end) + ". Maybe use its default range, from " + num(parameter.low()) + " to "
                        + num(parameter.high()) + ".");
            }
        }
        double resolution = Math.ulp(Math.max(Math.abs(low), Math.abs(high)));
        if (!parameter.kind().whole() && tolerance < resolution) {
            throw bad("--tolerance: " + tolerance + " is finer than doubles can resolve between " + num(low) + " and "
                    + num(high) + ". Maybe use a tolerance of at least " + resolution + ".");
        }
        Function<Assessment, Object> output = output(reasoner);
        FlipFinder.Result<Object> result;
        Object now;
        Assessment nowAssessment;
        FlipFinder finder = (parameter.kind().whole() ? new FlipFinder(reasoner).overWholeNumbers() : new FlipFinder(reasoner))
                .withProgress(Feedback.progress(err));
        try {
            parameter.at(low);
            parameter.at(high);
            result = finder.search(parameter::at, low, high, output, tolerance);
            nowAssessment = reasoner.assess(s);
            now = output.apply(nowAssessment);
        } catch (IllegalArgumentException e) {
            throw bad("--vary " + parameter.path() + " from " + num(low) + " to " + num(high) + ": " + e.getMessage());
        } catch (RuleFailureException e) {
            err.println("threshold: " + e.getMessage());
            return rules.failureExitCode();
        }
        String watching = conclusion == null ? "every conclusion, the posture and the risk level" : conclusion;
        if (format == Format.json) {
            out.println(json(s, parameter, low, high, nowAssessment, now, result));
        } else {
            out.print(text(s, parameter, low, high, watching, now, result));
        }
        return 0;
    }

    private Function<Assessment, Object> output(Reasoner reasoner) {
        if (conclusion == null) {
            return a -> List.of(String.valueOf(a.posture()), String.valueOf(a.riskLevel()), new ArrayList<>(a.conclusionTypes()));
        }
        Function<Assessment, String> watched = RulesOption.watched(conclusion, reasoner, spec, List.of());
        return watched::apply;
    }

    private String text(Scenario s, Parameter p, double low, double high, String watching, Object now,
            FlipFinder.Result<Object> result) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("Scenario ").append(s.name()).append(": ").append(p.path()).append(" (").append(p.meaning())
                .append(") from ").append(num(low)).append(" to ").append(num(high)).append(", watching ").append(watching)
                .append(nl);
        sb.append("  now ").append(p.path()).append(" = ").append(num(p.value())).append(": ").append(describe(now)).append(nl)
                .append(nl);
        if (result.flips().isEmpty()) {
            sb.append("No flip in this range.").append(nl);
        }
        int i = 1;
        for (FlipPoint<Object> f : result.flips()) {
            if (p.kind().whole()) {
                sb.append(String.format(Locale.ROOT, "Flip %d between %s and %s%n", i++, num(f.below()), num(f.above())));
            } else {
                sb.append(String.format(Locale.ROOT, "Flip %d at %s  (between %s and %s)%n", i++, num(f.at()), num(f.below()),
                        num(f.above())));
            }
            sb.append("  below: ").append(describe(f.outputBelow())).append(nl);
            for (Explanation e : because(f.assessmentBelow(), f.outputBelow(), f.outputAbove(), f.assessmentAbove())) {
                sb.append("      because ").append(e).append(nl);
            }
            sb.append("  above: ").append(describe(f.outputAbove())).append(nl);
            for (Explanation e : because(f.assessmentAbove(), f.outputAbove(), f.outputBelow(), f.assessmentBelow())) {
                sb.append("      because ").append(e).append(nl);
            }
            sb.append(nl);
        }
        sb.append(result.assessments()).append(" assessments, ")
                .append(p.kind().whole() ? "whole numbers" : "tolerance " + tolerance).append(nl);
        return sb.toString();
    }

    private String json(Scenario s, Parameter p, double low, double high, Assessment nowAssessment, Object now,
            FlipFinder.Result<Object> result) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("scenario", s.name());
        root.put("asOf", s.asOf().toString());
        root.put("parameter", p.path());
        root.put("meaning", p.meaning());
        if (p.unset()) {
            root.putNull("value");
        } else {
            root.put("value", JsonReport.round(p.value()));
        }
        root.put("from", JsonReport.round(low));
        root.put("to", JsonReport.round(high));
        root.put("tolerance", p.kind().whole() ? 1.0 : tolerance);
        root.put("watching", conclusion == null ? "all" : conclusion);
        root.set("now", state(nowAssessment, now));
        root.put("assessments", result.assessments());
        ArrayNode flips = root.putArray("flips");
        for (FlipPoint<Object> fp : result.flips()) {
            ObjectNode o = flips.addObject();
            o.put("at", JsonReport.round(fp.at()));
            o.put("below", JsonReport.round(fp.below()));
            o.put("above", JsonReport.round(fp.above()));
            o.set("outputBelow", state(fp.assessmentBelow(), fp.outputBelow()));
            o.set("outputAbove", state(fp.assessmentAbove(), fp.outputAbove()));
            ArrayNode bb = o.putArray("becauseBelow");
            because(fp.assessmentBelow(), fp.outputBelow(), fp.outputAbove(), fp.assessmentAbove()).forEach(e -> bb.add(e.toString()));
            ArrayNode ba = o.putArray("becauseAbove");
            because(fp.assessmentAbove(), fp.outputAbove(), fp.outputBelow(), fp.assessmentBelow()).forEach(e -> ba.add(e.toString()));
        }
        return JsonReport.write(root);
    }

    /** The output state of one side, with the watched output's value where one output is watched. */
    private ObjectNode state(Assessment a, Object output) {
        ObjectNode o = JsonReport.state(a);
        if (conclusion != null) {
            o.put("watched", String.valueOf(output));
        }
        return o;
    }

    /**
     * Why this side is as it is: for a watched conclusion that holds, or the posture or risk
     * level, their explanations; for a conclusion that does not hold, or for everything, the
     * conclusions that hold on this side only.
     */
    private List<Explanation> because(Assessment a, Object mine, Object other, Assessment otherSide) {
        List<Explanation> out = new ArrayList<>();
        if (conclusion != null && !conclusion.equals(Signposts.POSTURE) && !conclusion.equals(Signposts.RISK_LEVEL)
                && !a.holds(conclusion)) {
            a.conclusions().stream().filter(c -> !otherSide.holds(c.type())).forEach(c -> out.addAll(c.because()));
            return out;
        }
        if (conclusion == null) {
            @SuppressWarnings("unchecked")
            List<Object> m = (List<Object>) mine;
            @SuppressWarnings("unchecked")
            List<Object> o = (List<Object>) other;
            if (!m.get(0).equals(o.get(0))) {
                out.addAll(a.postureBecause());
            }
            if (!m.get(1).equals(o.get(1))) {
                out.addAll(a.riskLevelBecause());
            }
            @SuppressWarnings("unchecked")
            List<String> theirs = (List<String>) o.get(2);
            a.conclusions().stream().filter(c -> !theirs.contains(c.type())).forEach(c -> out.addAll(c.because()));
            return out;
        }
        if (conclusion.equals(Signposts.POSTURE)) {
            return a.postureBecause();
        }
        if (conclusion.equals(Signposts.RISK_LEVEL)) {
            return a.riskLevelBecause();
        }
        if (a.holds(conclusion)) {
            return a.finding(conclusion).get().because();
        }
        // it does not hold here: show what holds on this side that does not on the other
        return out;
    }

    private String describe(Object output) {
        if (conclusion != null) {
            return String.valueOf(output);
        }
        List<?> l = (List<?>) output;
        return "posture " + l.get(0) + ", risk " + l.get(1) + ", holding " + l.get(2);
    }

    /** A number in ten significant digits; an unset value (an infinite half-life) is "none". */
    private static String num(double x) {
        if (Double.isInfinite(x)) {
            return "none";
        }
        if (Double.isNaN(x)) {
            return "NaN";
        }
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
