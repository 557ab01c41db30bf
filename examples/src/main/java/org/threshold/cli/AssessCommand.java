package org.threshold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.threshold.Assessment;
import org.threshold.InvalidRulesException;
import org.threshold.InvalidScenarioException;
import org.threshold.Reasoner;
import org.threshold.RuleFailureException;
import org.threshold.RulePack;
import org.threshold.Scenario;
import org.threshold.analysis.Signpost;
import org.threshold.analysis.Signposts;
import org.threshold.report.JsonReport;
import org.threshold.report.TextReport;
import org.threshold.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threshold assess SCENARIO... [--format text|json] [--rules PATH]... [--no-default-rules]
 * [--max-firings N] [--verbose|--quiet]}
 */
@Command(name = "assess",
        mixinStandardHelpOptions = true,
        description = {"Assess each scenario file as of its asOf day: posture, risk level, the conclusions that hold "
                + "with the rules and facts that made them hold, and every metric."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (scenario files, rule files, arguments)", "1:a fault of the program"})
final class AssessCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML, or JSON).")
    List<Path> scenarios;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (a report, the default) or json (one object, or an array for several scenarios).")
    Format format;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @Option(names = "--no-signposts", description = "Leave out the signposts (the fewest further events that would flip each conclusion, the posture and the risk level).")
    boolean noSignposts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        Reasoner reasoner = rules.reasonerOrNull(spec, err);
        if (reasoner == null) {
            return ThresholdCommand.BAD_INPUT;
        }
        List<Scenario> read = new ArrayList<>();
        boolean bad = false;
        for (Path file : scenarios) {
            Scenario s = RulesOption.scenarioOrNull(file, reasoner, err);
            bad |= s == null;
            read.add(s);
        }
        if (bad) {
            return ThresholdCommand.BAD_INPUT;
        }

        List<String> known = RulesOption.knownConclusions(reasoner);
        List<String> subjects = new ArrayList<>(known);
        subjects.add(Signposts.POSTURE);
        subjects.add(Signposts.RISK_LEVEL);
        Signposts signposts = new Signposts(reasoner).withProgress(Feedback.progress(err));
        List<Assessment> assessments = new ArrayList<>();
        List<List<Signpost>> posts = new ArrayList<>();
        for (Scenario s : read) {
            try {
                Assessment a = reasoner.assess(s);
                List<String> ofThis = new ArrayList<>(subjects);
                a.conclusionTypes().stream().filter(c -> !ofThis.contains(c)).forEach(ofThis::add);
                assessments.add(a);
                posts.add(noSignposts ? List.of() : signposts.find(s, ofThis));
            } catch (RuleFailureException e) {
                err.println("threshold: " + e.getMessage());
                return rules.failureExitCode();
            }
        }

        // the whole output is made before any of it is printed: a failure while making it leaves standard output empty
        String output;
        try {
            if (format == Format.json) {
                output = (noSignposts
                        ? (assessments.size() == 1 && scenarios.size() == 1 ? JsonReport.toJson(assessments.get(0)) : JsonReport.toJson(assessments))
                        : JsonReport.toJson(assessments, posts, scenarios.size() > 1)) + System.lineSeparator();
            } else {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < assessments.size(); i++) {
                    if (i > 0) {
                        text.append(System.lineSeparator());
                    }
                    text.append(TextReport.render(assessments.get(i), List.copyOf(known), posts.get(i)));
                }
                output = text.toString();
            }
        } catch (RuleFailureException e) {
            err.println("threshold: " + e.getMessage());
            return rules.failureExitCode();
        }
        out.print(output);
        out.flush();
        return 0;
    }
}
