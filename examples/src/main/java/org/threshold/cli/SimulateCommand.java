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
            OutputFiles.check(spec, "--chart", chart, "chart file", ".png", ".svg");
        }
        if (html != null) {
            OutputFiles.check(spec, "--html", html, "report file", ".html");
        }
        Reasoner reasoner = rules.reasonerOrNull(spec, err);
        Scenario s = reasoner == null ? null : RulesOption.scenarioOrNull(scenario, reasoner, err);
        if (s == null) {
            return ThresholdCommand.BAD_INPUT;
        }
        checkDays(s, options);
        Timeline timeline;
        String output;
        try {
            timeline = reasoner.simulate(s, options, Feedback.progress(err));
            output = switch (format) {
                case json -> TimelineReport.toJson(timeline) + System.lineSeparator();
                case csv -> TimelineReport.toCsv(timeline);
                default -> TimelineReport.toText(timeline);
            };
        } catch (IllegalArgumentException e) {
            throw bad("--from/--to: " + e.getMessage());
        } catch (RuleFailureException e) {
            err.println("threshold: " + e.getMessage());
            return rules.failureExitCode();
        }
        // the files first: a file that fails to be written leaves standard output empty
        java.util.Map<String, Double> bands = TimelineChart.riskBands(s.calibration().asMap());
        Path writing = chart;
        try {
            if (chart != null) {
                TimelineChart.write(timeline, bands, chart);
            }
            writing = html;
            if (html != null) {
                HtmlReport.write(timeline, bands, RulesOption.knownConclusions(reasoner), html);
            }
        } catch (IOException e) {
            err.println("threshold: " + (writing == html ? "--html" : "--chart") + ": cannot write " + writing + " ("
                    + OutputFiles.reason(e) + "). Maybe choose a folder you can write to.");
            return ThresholdCommand.BAD_INPUT;
        }
        out.print(output);
        out.flush();
        if (chart != null) {
            Feedback.wrote(err, chart);
        }
        if (html != null) {
            Feedback.wrote(err, html);
        }
        return 0;
    }

    /**
     * Checks the days the simulation covers against the options and the scenario, naming the
     * option to change: the first day must not be after the last, and at most
     * {@value SimulationOptions#MAX_DAYS} days in all.
     */
    private void checkDays(Scenario s, SimulationOptions options) {
        LocalDate last = options.to() != null ? options.to() : s.asOf();
        String lastFrom = options.to() != null ? "--to" : "the scenario's asOf";
        LocalDate firstEvent = s.events().stream().map(org.threshold.fact.Event::day).min(LocalDate::compareTo).orElse(last);
        LocalDate first = options.from() != null ? options.from() : (firstEvent.isAfter(last) ? last : firstEvent);
        String firstFrom = options.from() != null ? "--from" : "the day of the scenario's first event";
        if (first.isAfter(last)) {
            throw bad((options.from() != null ? "--from" : "--to") + ": the first day (" + first + ", " + firstFrom
                    + ") is after the last day (" + last + ", " + lastFrom + "). Maybe give an earlier --from or a later --to.");
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, last);
        if (days > SimulationOptions.MAX_DAYS) {
            String option = options.to() != null ? "--to" : "--from";
            throw bad(option + ": a simulation may cover at most " + SimulationOptions.MAX_DAYS + " days (100 years); from "
                    + first + " (" + firstFrom + ") to " + last + " (" + lastFrom + ") is " + days + " days. Maybe give "
                    + (options.to() != null ? "an earlier --to or a later --from." : "a later --from or an earlier --to."));
        }
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
            throw bad("--from/--to: " + e.getMessage());
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
