package org.threshold.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.RulePack;
import org.threshold.cli.EnsembleArguments;
import org.threshold.ensemble.Ensemble;
import org.threshold.ensemble.EnsembleSummary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code threshold-spark ensemble SCENARIO [options of threshold ensemble] [--master URL] [--partitions N]}:
 * the ensemble of {@code threshold ensemble} as a Spark job, with the same output. Everything the
 * user gave is read and checked on the driver, with the local command's messages, before Spark
 * starts; then the job ships as text ({@link EnsembleJob}).
 */
@Command(name = "ensemble",
        mixinStandardHelpOptions = true,
        description = {"Assess many draws of a scenario whose numbers are uncertain (its uncertainty: section) as an "
                + "Apache Spark job over partitions of draw indices: how often each conclusion, posture and risk level "
                + "holds, how the metrics spread, and which uncertain inputs carry each conclusion. The output equals "
                + "'threshold ensemble' with the same scenario and options, bit for bit."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
final class SparkEnsembleCommand implements Callable<Integer> {


    /** The master when neither --master nor spark-submit gives one. */
    static final String DEFAULT_MASTER = "local[*]";

    @CommandLine.Mixin
    EnsembleArguments arguments = new EnsembleArguments();

    @Option(names = "--master", paramLabel = "URL",
            description = "Where Spark runs the job: local[*] (the default: every core of this machine), local[N], "
                    + "spark://HOST:PORT, yarn, k8s://HOST:PORT. Under spark-submit, its --master applies unless this is given.")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Ranges of draws to cut the work into, one task each (default: "
                    + SparkEnsemble.PARTITIONS_PER_CORE + " per core Spark offers).")
    Integer partitions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        EnsembleArguments.feedbackAsAtTheCommandLine();
        if (partitions != null && partitions < 1) {
            throw bad("--partitions: expected a positive number of partitions, got " + partitions);
        }
        arguments.check(spec);
        Reasoner reasoner = arguments.reasonerOrNull(spec, err);
        if (reasoner == null) {
            return SparkCommand.BAD_INPUT;
        }
        Ensemble checked = arguments.ensembleOrNull(reasoner, spec, err);
        if (checked == null) {
            return SparkCommand.BAD_INPUT;
        }
        RulesSpec rules = rules(reasoner);
        ExecutorEnsembles.remember(rules, reasoner);
        EnsembleJob job = job(rules);
        if (job == null) {
            return SparkCommand.BAD_INPUT;
        }
        if (!readsTheSame(job, checked)) {
            err.println(SparkCommand.PREFIX + arguments.scenarioFile() + ": the file reads differently from its text as "
                    + "YAML, as the executors read it. Maybe write the scenario as YAML.");
            return SparkCommand.BAD_INPUT;
        }
        EnsembleSummary summary;
        JavaSparkContext spark = start();
        try {
            summary = SparkEnsemble.run(spark, job, partitions == null ? 0 : partitions, EnsembleArguments.progress(err));
        } catch (Exception e) { // Spark's SparkException is checked, though Scala throws it undeclared
            String rule = ruleFailure(e);
            if (rule == null) {
                throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
            }
            err.println(SparkCommand.PREFIX + rule);
            return arguments.failureExitCode();
        } finally {
            spark.stop();
        }
        return arguments.print(summary, spec);
    }

    /**
     * The rules to ship: the user's packs as the driver read them (the last packs of the reasoner,
     * one a {@code --rules} path), so that every executor builds the reasoner the driver checked.
     */
    private RulesSpec rules(Reasoner reasoner) {
        List<RulePack> all = reasoner.packs();
        int user = arguments.rulePaths().size();
        List<RulesSpec.Pack> packs = new ArrayList<>();
        for (RulePack p : all.subList(all.size() - user, all.size())) {
            packs.add(RulesSpec.Pack.of(p));
        }
        return new RulesSpec(arguments.defaultRules(), packs, arguments.maxFirings(), arguments.timeout());
    }

    /** The job: the scenario file's text with the rules and options; null after telling the user why not. */
    private EnsembleJob job(RulesSpec rules) {
        Path file = arguments.scenarioFile();
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new EnsembleJob(file.toString(), text, rules, arguments.options());
        } catch (IOException e) {
            spec.commandLine().getErr().println(SparkCommand.PREFIX + file + ": cannot read the file (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * Whether the job's text gives the ensemble the driver checked from the file (the file is
     * read as JSON where its name ends in .json; the executors read any text as YAML, which JSON
     * almost always is).
     */
    private static boolean readsTheSame(EnsembleJob job, Ensemble checked) {
        try {
            return ExecutorEnsembles.ensemble(job).scenario().equals(checked.scenario());
        } catch (org.threshold.ThresholdException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The Spark context: the given master, else spark-submit's, else {@value #DEFAULT_MASTER}. */
    private JavaSparkContext start() {
        SparkConf conf = new SparkConf().setAppName("threshold ensemble " + arguments.scenarioFile().getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", DEFAULT_MASTER);
        }
        if (conf.get("spark.master").startsWith("local")) {
            // no web UI (and no port taken) for a run on this machine
            conf.setIfMissing("spark.ui.enabled", "false");
        } else {
            // run with java -jar against a cluster: the executors need this jar (spark-submit ships it itself)
            ownJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar));
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // every draw's outcome comes back to the driver, as the local command keeps them all
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // Spark's SparkException is checked, though Scala throws it undeclared
            if (String.valueOf(e.getMessage()).contains("Master URL")) {
                throw bad("--master: " + e.getMessage() + ". Expected local[*], local[N], spark://HOST:PORT, yarn or "
                        + "k8s://HOST:PORT.");
            }
            throw new IllegalStateException("Spark did not start: " + e.getMessage(), e);
        }
    }

    /** The jar this program runs from, where it runs from one. */
    private static java.util.Optional<String> ownJar() {
        try {
            java.security.CodeSource source = SparkEnsembleCommand.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
                    return java.util.Optional.of(p.toString());
                }
            }
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            // not from a local jar file: spark-submit or the class path must provide the classes
        }
        return java.util.Optional.empty();
    }

    /**
     * The message of the rule failure that failed the job, or null where something else did. The
     * failure travels as the cause of Spark's exception, or (where Spark could not send the
     * exception itself) within its message, as {@code org.threshold.RuleFailureException: MESSAGE}.
     */
    static String ruleFailure(Throwable t) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof RuleFailureException rule) {
                return rule.getMessage();
            }
        }
        String marker = RuleFailureException.class.getName() + ": ";
        String message = String.valueOf(t.getMessage());
        int at = message.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String rest = message.substring(at + marker.length());
        int end = rest.indexOf('\n');
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
