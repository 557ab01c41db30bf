package org.threshold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.Scenario;
import org.threshold.report.TimelineReport;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threshold simulate SCENARIO [--from DATE] [--to DATE] [--step 1d|7d|30d]
 * [--format text|json|csv] [--chart FILE.png|FILE.svg] [--html FILE.html] [--rules PATH]...
 * [--no-default-rules] [--max-firings N] [--verbose|--quiet]}
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {"Simulate a scenario day by day in one live engine session: the clock moves, each day's events "
                + "arrive, the observer's policy (the scenario's policy: section) acts on its posture, and the state is "
                + "reported every step, with every transition and why it happened."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
final class SimulateCommand implements Callable<Integer> {

    private static final Pattern STEP = Pattern.compile("(\\d{1,5})d");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Output formats. */
    enum Format { text, json, csv }

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file (YAML, or JSON).")
    Path scenario;

    @Option(names = "--from", paramLabel = "DATE",
            description = "First day (ISO date). Default: the day of the scenario's first event.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (ISO date). Default: the scenario's asOf.")
    String to;

    @Option(names = "--step", paramLabel = "Nd", defaultValue = "1d",
            description = "Days between reported steps, such as 1d, 7d or 30d (default 1d). Transitions are found day by day whatever the step.")
    String step;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text",
            description = "Output format: text (default), json or csv (one row a step).")
    Format format;

    @Option(names = "--chart", paramLabel = "FILE.png|FILE.svg",
            description = "Also draw observer confidence, escalation risk and humiliation against time, over the risk "
                    + "levels' bands, with every transition numbered and listed.")
    Path chart;

    @Option(names = "--html", paramLabel = "FILE.html",
            description = "Also write one self-contained page: the chart, the transitions, every event and the final assessment.")
    Path html;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulationOptions options = options();
        if (chart != null) {
            String name = chart.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg")) {
                throw bad("--chart: the chart file must end in .png or .svg (" + chart + ")");
            }
        }
        if (html != null && !html.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            throw bad("--html: the report file must end in .html (" + html + ")");
        }
        Reasoner reasoner = rules.reasonerOrNull(spec, err);
        Scenario s = reasoner == null ? null : RulesOption.scenarioOrNull(scenario, reasoner, err);
        if (s == null) {
            return ThresholdCommand.BAD_INPUT;
        }
        Timeline timeline;
        try {
            timeline = reasoner.simulate(s, options, Feedback.progress(err));
        } catch (IllegalArgumentException e) {
            err.println("threshold: " + scenario + ": " + e.getMessage());
            return ThresholdCommand.BAD_INPUT;
        } catch (RuleFailureException e) {
            err.println("threshold: " + e.getMessage());
            return rules.failureExitCode();
        }
        java.util.Map<String, Double> bands = TimelineChart.riskBands(s.calibration().asMap());
        try {
            if (chart != null) {
                TimelineChart.write(timeline, bands, chart);
            }
            if (html != null) {
                HtmlReport.write(timeline, bands, RulesOption.knownConclusions(reasoner), html);
            }
        } catch (IOException e) {
            err.println("threshold: cannot write the " + (html == null ? "chart" : "chart or report") + " (" + e
                    + "). Maybe the folder does not exist or is not writable.");
            return ThresholdCommand.BAD_INPUT;
        }
        switch (format) {
            case json -> out.println(TimelineReport.toJson(timeline));
            case csv -> out.print(TimelineReport.toCsv(timeline));
            default -> out.print(TimelineReport.toText(timeline));
        }
        out.flush();
        if (chart != null) {
            Feedback.wrote(err, chart);
        }
        if (html != null) {
            Feedback.wrote(err, html);
        }
        return 0;
    }

    private SimulationOptions options() {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        Matcher m = STEP.matcher(step.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw bad("--step: expected a number of days such as 1d, 7d or 30d, got '" + step + "'");
        }
        try {
            return new SimulationOptions(first, last, Integer.parseInt(m.group(1)));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), ISO);
        } catch (DateTimeParseException e) {
            throw bad(option + ": expected an ISO date like 2026-11-24, got '" + value + "'");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
