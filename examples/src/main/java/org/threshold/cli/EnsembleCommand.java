package org.threshold.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleProgress;
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

    /** Runs longer than this tell their progress on standard error, where it is a terminal. */
    private static final long PROGRESS_AFTER_NANOS = 2_000_000_000L;

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
            summary = ensemble.run(n, progress(err));
        } catch (RuleFailureException e) {
            err.println("threshold: " + e.getMessage());
            return arguments.failureExitCode();
        }
        return arguments.print(summary, spec);
    }

    /**
     * Whether standard error goes to a terminal: where the system tells (on Linux, the link of
     * file descriptor 2), else where the JVM has a console (standard input and output at a terminal).
     */
    static boolean standardErrorIsATerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * Progress on standard error for a long run at a terminal: a line redrawn at most twice a
     * second once the run has taken two seconds; nothing where standard error is a file or pipe.
     */
    private static EnsembleProgress progress(PrintWriter err) {
        if (!standardErrorIsATerminal()) {
            return EnsembleProgress.NONE;
        }
        long start = System.nanoTime();
        AtomicLong last = new AtomicLong(start);
        return (done, total) -> {
            long now = System.nanoTime();
            long before = last.get();
            boolean finished = done == total;
            if ((now - start > PROGRESS_AFTER_NANOS && now - before > 500_000_000L && last.compareAndSet(before, now))
                    || (finished && now - start > PROGRESS_AFTER_NANOS)) {
                synchronized (err) {
                    err.printf(Locale.ROOT, "\rensemble: %d of %d draws (%d %%), %.0f s%s", done, total, 100 * done / total,
                            (now - start) / 1e9, finished ? System.lineSeparator() : "");
                    err.flush();
                }
            }
        };
    }
}
