package org.threshold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.analysis.Progress;
import org.threshold.ensemble.EnsembleProgress;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleSummary;
import org.threshold.report.EnsembleReport;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code threshold ensemble} that say what to draw and how to print it, as a
 * picocli mixin ({@code @CommandLine.Mixin EnsembleArguments arguments}) for every front end of
 * the same ensemble: SCENARIO, {@code --samples}, {@code --seed}, {@code --sensitivity},
 * {@code --format}, {@code --chart} and the rule options ({@code --rules}, {@code --no-default-rules},
 * {@code --max-firings}). Where the draws are assessed ({@code --threads} here, elsewhere a
 * cluster) is the front end's own option.
 */
public final class EnsembleArguments {

    /** Output formats. */
    public enum Format { text, json }

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file (YAML, or JSON) with an uncertainty: section.")
    Path scenario;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + EnsembleOptions.DEFAULT_SAMPLES,
            description = "Draws (with --sensitivity, base draws) (default ${DEFAULT-VALUE}).")
    long samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + EnsembleOptions.DEFAULT_SEED,
            description = "The seed; draw i depends only on the seed and i (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sensitivity",
            description = "Also estimate Sobol indices (first order by Saltelli 2010, total order by Jansen 1999, with "
                    + "bootstrap intervals) by Saltelli's scheme: N base draws cost N x (P + 2) assessments.")
    boolean sensitivity;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (the default) or json (one object).")
    Format format;

    @Option(names = "--chart", paramLabel = "FILE.png|FILE.svg",
            description = "Draw the load-bearing parameters: bars of total indices per conclusion (with --sensitivity), "
                    + "else of how far each parameter's best cut moves each conclusion's share.")
    Path chart;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    /** The scenario file. */
    public Path scenarioFile() {
        return scenario;
    }

    /** What to draw: samples, seed, sensitivity. */
    public EnsembleOptions options() {
        return new EnsembleOptions(samples, seed, sensitivity);
    }

    public Format format() {
        return format;
    }

    /** The chart file, or null. */
    public Path chartFile() {
        return chart;
    }

    /** The rule files and folders given with {@code --rules}, in order. */
    public List<Path> rulePaths() {
        return List.copyOf(rules.rules);
    }

    /** Whether the default rule pack is loaded (no {@code --no-default-rules}). */
    public boolean defaultRules() {
        return !rules.noDefaultRules;
    }

    /** {@code --max-firings}. */
    public int maxFirings() {
        return rules.maxFirings;
    }

    /**
     * {@code --timeout}: the longest one assessment may take.
     *
     * @throws IllegalArgumentException where the option's value is not a valid time
     */
    public java.time.Duration timeout() {
        return rules.timeout();
    }

    /**
     * Checks the options that need no file: samples, chart file name and folder.
     *
     * @throws CommandLine.ParameterException for a bad option (exit code 2)
     */
    public void check(CommandLine.Model.CommandSpec spec) {
        if (samples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--samples: expected at least 1 draw, got " + samples);
        }
        if (sensitivity && samples < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--samples: --sensitivity needs at least 2 base draws, got "
                    + samples);
        }
        if (chart != null) {
            OutputFiles.check(spec, "--chart", chart, "chart file", ".png", ".svg");
        }
    }

    /** The reasoner of the rule options, or null after telling the user why not. */
    public Reasoner reasonerOrNull(CommandLine.Model.CommandSpec spec, PrintWriter err) {
        return rules.reasonerOrNull(spec, err);
    }

    /**
     * The ensemble of the scenario file against {@code reasoner}, or null after telling the user on
     * {@code err} what is wrong with the file or its draws (exit code 2).
     *
     * @throws CommandLine.ParameterException where the options ask for too many assessments
     */
    public Ensemble ensembleOrNull(Reasoner reasoner, CommandLine.Model.CommandSpec spec, PrintWriter err) {
        check(spec);
        Scenario s = RulesOption.scenarioOrNull(scenario, reasoner, err);
        if (s == null) {
            return null;
        }
        if (s.uncertainty().isEmpty()) {
            err.println("threshold: " + scenario + ": uncertainty: the scenario has no uncertainty: section, so there is "
                    + "nothing to draw. Add one, like uncertainty: {adversary.capacity: {uniform: [0.6, 1.0]}}.");
            return null;
        }
        try {
            return Ensemble.of(reasoner, s, options());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("samples:")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
            err.println("threshold: " + scenario + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Writes the chart (if asked for), then prints the summary in the chosen format on standard
     * output and reports the chart on standard error like every command's files; returns the exit code
     * (2 where the chart cannot be written, and then nothing is printed).
     */
    public int print(EnsembleSummary summary, CommandLine.Model.CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (chart != null) {
            try {
                EnsembleChart.write(summary, chart);
            } catch (IOException | RuntimeException e) {
                err.println("threshold: --chart: cannot write " + chart + " (" + (e instanceof IOException io
                        ? OutputFiles.reason(io) : e.getMessage()) + "). Maybe choose a folder you can write to.");
                return ThresholdCommand.BAD_INPUT;
            }
        }
        out.print(format == Format.json ? EnsembleReport.toJson(summary) + System.lineSeparator() : EnsembleReport.toText(summary));
        out.flush();
        if (chart != null) {
            Feedback.wrote(err, chart);
        }
        return 0;
    }

    /** The exit code for a rule failure: bad input where the user's rules took part, else a fault. */
    public int failureExitCode() {
        return rules.failureExitCode();
    }

    /**
     * Progress of an ensemble on standard error, shown as every command shows progress: where
     * standard error is a terminal or with {@code --progress}, never with {@code --quiet}, never on
     * standard output. Safe to call from the threads or tasks that report draws.
     */
    public static EnsembleProgress progress(PrintWriter err) {
        Progress bar = Feedback.progress(err);
        if (bar == Progress.NONE) {
            return EnsembleProgress.NONE;
        }
        return new EnsembleProgress() {
            private long reported = -1;

            @Override
            public synchronized void progress(long done, long total) {
                if (reported < 0) {
                    bar.start("ensemble", total);
                    reported = 0;
                }
                if (done > reported) {
                    bar.advance(done - reported);
                    reported = done;
                    if (done >= total) {
                        bar.finish();
                    }
                }
            }
        };
    }

    /**
     * For a front end with a main of its own (the Spark job): progress and the files written are
     * told as by the {@code threshold} command, progress where standard error is a terminal.
     */
    public static void feedbackAsAtTheCommandLine() {
        Feedback.reset(Feedback.stderrIsTerminal());
    }
}
