package org.threshold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code threshold ensemble SCENARIO [--samples N] [--seed S] [--sensitivity] [--threads N]
 * [--format text|json] [--chart FILE.png|FILE.svg] [--rules PATH]...}
 */
@Command(name = "ensemble",
        mixinStandardHelpOptions = true,
        description = {"Assess many draws of a scenario whose numbers are uncertain (its uncertainty: section): how often "
                + "each conclusion, posture and risk level holds, how the metrics spread, and which uncertain inputs carry "
                + "each conclusion. The same scenario, samples and seed give the same output on any number of threads."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
public final class EnsembleCommand implements Callable<Integer> {


    @CommandLine.Mixin
    EnsembleArguments arguments = new EnsembleArguments();

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that assess draws over one shared reasoner (default: every core).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads: expected 1 to 1024 threads, got " + n);
        }
        arguments.check(spec);
        Reasoner reasoner = arguments.reasonerOrNull(spec, err);
        if (reasoner == null) {
            return ThresholdCommand.BAD_INPUT;
        }
        Ensemble ensemble = arguments.ensembleOrNull(reasoner, spec, err);
        if (ensemble == null) {
            return ThresholdCommand.BAD_INPUT;
        }
        EnsembleSummary summary;
        try {
            summary = ensemble.run(n, EnsembleArguments.progress(err));
        } catch (RuleFailureException e) {
            err.println("threshold: " + e.getMessage());
            return arguments.failureExitCode();
        }
        return arguments.print(summary, spec);
    }
}
