package org.threshold.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import org.threshold.Suggestions;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code threshold} command line. Exit codes: 0 done, 2 bad input (scenario files, rule
 * files, arguments), 1 a fault of the program.
 */
@Command(name = "threshold",
        mixinStandardHelpOptions = true,
        versionProvider = ThresholdCommand.Version.class,
        description = "Strategic reasoning as explicit, explainable rules: assess escalation scenarios.",
        subcommands = {AssessCommand.class, SimulateCommand.class, FlipCommand.class, MapCommand.class, EnsembleCommand.class, ImportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
public final class ThresholdCommand implements Runnable {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a fault of the program. */
    public static final int FAULT = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The option names that set how much the program logs; the last one given wins. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what the program does to standard error, every rule firing included (debug).")
    void verbose(boolean on) {
        if (on) {
            logLevel("debug");
            Feedback.quiet(false);
        }
    }

    @CommandLine.Option(names = "--quiet", scope = CommandLine.ScopeType.INHERIT,
            description = "Errors only on standard error: no other log, no progress, no note of the files written.")
    void quiet(boolean on) {
        if (on) {
            logLevel("error");
            Feedback.quiet(true);
        }
    }

    @CommandLine.Option(names = "--progress", scope = CommandLine.ScopeType.INHERIT,
            description = "Show progress of long work on standard error even where it is not a terminal (never with --quiet).")
    void progress(boolean on) {
        Feedback.progress(on);
    }

    /**
     * Sets the level of the program's own loggers ({@code org.threshold}, which holds the rule
     * firings logger) and, for {@code error}, of every other one. slf4j-simple reads these
     * properties when it creates a logger, which happens after the arguments are parsed.
     */
    private static void logLevel(String level) {
        System.setProperty("org.slf4j.simpleLogger.log.org.threshold", level);
        if (level.equals("error")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        } else {
            System.clearProperty("org.slf4j.simpleLogger.defaultLogLevel");
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'threshold assess SCENARIO'");
    }

    /**
     * What ends the program when a rule's action cannot be stopped past the time limit; the
     * command line sets {@link System#exit}, while a run inside a test leaves the rule's thread
     * blocked (nothing else can be done with it).
     */
    private static volatile java.util.function.IntConsumer exit = code -> { };

    public static void main(String[] args) {
        exit = System::exit;
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Feedback.stderrIsTerminal(), args));
    }

    /**
     * Reports a rule that is stuck past the time limit and ends the program: the assessment that
     * runs it can only be abandoned. Nothing was printed on standard output before: every command
     * prints only after its work is done.
     */
    static void abandon(PrintWriter err, String message, int code) {
        err.println("threshold: " + message);
        err.flush();
        exit.accept(code);
    }

    /**
     * Runs the command line with these streams and returns the exit code, without exiting. Progress
     * shows only with {@code --progress}, as {@code err} is not taken for a terminal.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    private static int run(PrintWriter out, PrintWriter err, boolean stderrIsTerminal, String... args) {
        Feedback.reset(stderrIsTerminal);
        CommandLine cli = new CommandLine(new ThresholdCommand());
        configure(cli, out, err, (arg, e) -> false);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Sets a command line up as every Threshold program does (also {@code threshold-spark}): its
     * streams, enum values in any case, exit code 2 with one message and a hint for a bad argument
     * (the nearest option or command where one is near), exit code 1 with the first line of the
     * fault for anything else.
     *
     * @param explain told each unmatched argument first, with the error stream; returns whether it
     *     explained the argument itself (then no nearest option is suggested for it)
     */
    public static void configure(CommandLine cli, PrintWriter out, PrintWriter err,
            BiPredicate<String, PrintWriter> explain) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(t -> FAULT);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("threshold: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                suggestOptions(unmatched, err, explain);
            }
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // the first line only: a fault's message may carry more (on Spark, remote stack traces)
            err.println("threshold: internal error: " + String.valueOf(ex).lines().findFirst().orElse(""));
            err.println("This is a fault of the program; please report it with the input that caused it.");
            return FAULT;
        });
    }

    private static void suggestOptions(CommandLine.UnmatchedArgumentException ex, PrintWriter err,
            BiPredicate<String, PrintWriter> explain) {
        List<String> options = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : ex.getCommandLine().getCommandSpec().options()) {
            for (String name : o.names()) {
                if (name.startsWith("--")) {
                    options.add(name);
                }
            }
        }
        List<String> commands = new ArrayList<>(ex.getCommandLine().getSubcommands().keySet());
        for (String arg : ex.getUnmatched()) {
            if (explain.test(arg, err)) {
                continue;
            }
            List<String> near = arg.startsWith("--") ? Suggestions.nearest(arg, options, 2)
                    : arg.startsWith("-") ? List.of() : Suggestions.nearest(arg, commands, 2);
            if (!near.isEmpty()) {
                err.println("Maybe you meant " + String.join(" or ", near) + " instead of " + arg + ".");
            }
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ThresholdCommand.class.getPackage().getImplementationVersion();
            return new String[] {"threshold " + (v == null ? "(development build)" : v)};
        }
    }
}
