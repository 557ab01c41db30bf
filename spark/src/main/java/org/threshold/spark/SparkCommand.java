package org.threshold.spark;

import java.io.PrintWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.threshold.cli.ThresholdCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The main class of {@code threshold-spark.jar}: {@code ensemble} as an Apache Spark job. Exit
 * codes as for {@code threshold}: 0 done, 2 bad input (scenario files, rule files, arguments), 1 a
 * fault of the program.
 */
@Command(name = "threshold-spark",
        mixinStandardHelpOptions = true,
        versionProvider = SparkCommand.Version.class,
        description = "Threshold's ensemble of uncertain scenarios as an Apache Spark job: on this machine "
                + "(java -jar, --master local[*] by default) or on a cluster (spark-submit).",
        subcommands = {SparkEnsembleCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
public final class SparkCommand implements Runnable {

    /** The program's name. */
    static final String NAME = "threshold-spark";
    /** Messages start as those of the {@code threshold} command line, whose options this program shares. */
    static final String PREFIX = "threshold: ";
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a fault of the program. */
    public static final int FAULT = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what the program and Spark do to standard error (the program at debug, Spark at info).")
    void verbose(boolean on) {
        if (on) {
            Configurator.setLevel("org.threshold", Level.DEBUG);
            Configurator.setLevel("org.apache.spark", Level.INFO);
        }
    }

    @CommandLine.Option(names = "--quiet", scope = CommandLine.ScopeType.INHERIT, description = "Log errors only.")
    void quiet(boolean on) {
        if (on) {
            Configurator.setLevel("org.threshold", Level.ERROR);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try '" + NAME + " ensemble SCENARIO'");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with these streams and returns the exit code, without exiting. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SparkCommand());
        ThresholdCommand.configure(cli, out, err, (arg, e) -> {
            if (arg.equals("--threads") || arg.startsWith("--threads=")) {
                e.println("On Spark the cores come from --master (local[N] on this machine, or the cluster's executors) "
                        + "and the tasks from --partitions.");
                return true;
            }
            return false;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SparkCommand.class.getPackage().getImplementationVersion();
            return new String[] {NAME + " " + (v == null ? "(development build)" : v),
                    "Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }
}
