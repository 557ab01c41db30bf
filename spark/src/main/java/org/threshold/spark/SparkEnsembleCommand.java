package org.threshold.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.threshold.InvalidRulesException;
import org.threshold.InvalidScenarioException;
import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.ensemble.EnsembleOptions;
import org.threshold.ensemble.EnsembleSummary;
import org.threshold.scenario.ScenarioReader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threshold-spark ensemble SCENARIO [options of threshold ensemble] [--master URL] [--partitions N]}:
 * the ensemble of {@code threshold ensemble} as a Spark job, with the same output.
 */
@Command(name = "ensemble",
        mixinStandardHelpOptions = true,
        description = {"Assess many draws of a scenario's uncertain numbers (its uncertainty: section) as an Apache "
                + "Spark job over partitions of draw indices, and report how often each conclusion, posture and "
                + "risk level holds, how the metrics spread and, with --sensitivity, which assumptions drive them. "
                + "The output equals 'threshold ensemble' with the same scenario and options, bit for bit."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
final class SparkEnsembleCommand implements Callable<Integer> {

    /** The master when neither --master nor spark-submit gives one. */
    static final String DEFAULT_MASTER = "local[*]";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file (YAML, or JSON) with an uncertainty: section.")
    Path scenario;

    @Option(names = "--master", paramLabel = "URL",
            description = "Where Spark runs the job: local[*] (default: every core of this machine), local[N], "
                    + "spark://HOST:PORT, yarn, k8s://... Under spark-submit, its own --master applies unless this is given.")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "How many ranges of draws to cut the work into, one task each (default: "
                    + SparkEnsemble.PARTITIONS_PER_CORE + " per core of the cluster).")
    Integer partitions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (partitions != null && partitions < 1) {
            throw bad("--partitions: expected a positive number of partitions, got " + partitions);
        }
        // everything the user gave is checked here, on the driver, before Spark starts
        RulesSpec rules;
        Reasoner reasoner;
        try {
            rules = RulesSpec.read(true, List.of(), Threshold.DEFAULT_MAX_FIRINGS);
            reasoner = ExecutorEnsembles.reasoner(rules);
        } catch (InvalidRulesException e) {
            err.println(SparkCommand.NAME + ": " + e.getMessage());
            return SparkCommand.BAD_INPUT;
        }
        EnsembleJob job;
        try {
            job = job(rules, reasoner, EnsembleOptions.defaults());
            ExecutorEnsembles.ensemble(job);
        } catch (InvalidScenarioException e) {
            err.println(SparkCommand.NAME + ": " + e.getMessage());
            return SparkCommand.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println(SparkCommand.NAME + ": " + scenario + ": " + e.getMessage());
            return SparkCommand.BAD_INPUT;
        }
        EnsembleSummary summary;
        JavaSparkContext spark = start(job);
        try {
            summary = SparkEnsemble.run(spark, job, partitions == null ? 0 : partitions);
        } catch (RuntimeException e) {
            RuleFailureException rule = cause(e, RuleFailureException.class);
            if (rule != null) {
                err.println(SparkCommand.NAME + ": " + rule.getMessage());
                return rules.packs().isEmpty() ? SparkCommand.FAULT : SparkCommand.BAD_INPUT;
            }
            throw e;
        } finally {
            spark.stop();
        }
        out.println(summary);
        return 0;
    }

    /**
     * The job: the scenario file's text with the rules and options. The file is read as the local
     * command reads it (for its messages), and its text must read to the same scenario, as the
     * executors will read it.
     */
    private EnsembleJob job(RulesSpec rules, Reasoner reasoner, EnsembleOptions options) {
        Scenario fromFile = ScenarioReader.read(scenario, reasoner.calibrationKeys());
        String text;
        try {
            text = Files.readString(scenario, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidScenarioException(scenario.toString(), 0, 0, null, "cannot read the file (" + e.getMessage() + ")");
        }
        EnsembleJob job = new EnsembleJob(scenario.toString(), text, rules, options);
        if (!job.scenario(reasoner).equals(fromFile)) {
            throw new InvalidScenarioException(scenario.toString(), 0, 0, null, "this JSON file reads differently as the "
                    + "YAML the executors read. Maybe write the scenario as YAML.");
        }
        return job;
    }

    /** The Spark context: the given master, else spark-submit's, else {@value #DEFAULT_MASTER}. */
    private JavaSparkContext start(EnsembleJob job) {
        SparkConf conf = new SparkConf().setAppName("threshold ensemble " + scenario.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", DEFAULT_MASTER);
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // every draw's outcome comes back to the driver, as the local command keeps them all
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        try {
            return new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Master URL")) {
                throw bad("--master: " + e.getMessage() + ". Expected local[*], local[N], spark://HOST:PORT, yarn or k8s://...");
            }
            throw e;
        }
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable c = t; c != null && !seen.contains(c); c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            seen.add(c);
        }
        return null;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
