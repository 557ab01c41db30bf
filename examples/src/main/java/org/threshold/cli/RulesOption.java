package org.threshold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threshold.Assessment;
import org.threshold.InvalidRulesException;
import org.threshold.InvalidScenarioException;
import org.threshold.Reasoner;
import org.threshold.RulePack;
import org.threshold.Scenario;
import org.threshold.Suggestions;
import org.threshold.Threshold;
import org.threshold.analysis.Signposts;
import org.threshold.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options on the rules that every command shares: {@code --rules}, {@code --no-default-rules},
 * {@code --max-firings}, {@code --timeout}.
 */
final class RulesOption {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)\\s*(ms|s|m|h)?");
    /** The longest time limit accepted: a day. */
    private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A DRL file, or a folder of them (with its calibration.properties, if any), to load on top of "
                    + "the default rule pack. Repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-default-rules",
            description = "Leave out the default rule pack, so that the packs given with --rules run alone.")
    boolean noDefaultRules;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Threshold.DEFAULT_MAX_FIRINGS,
            description = "The most rule firings one assessment (or one simulated day) may take before it fails as a "
                    + "runaway (default ${DEFAULT-VALUE}).")
    int maxFirings;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "The longest one assessment (or one simulated day) may take, such as 500ms, 10s or 2m "
                    + "(default ${DEFAULT-VALUE}). Past it the rules are stopped and the command exits with 2 (1 for the "
                    + "default pack alone), naming the rule that was running.")
    String timeout;

    /**
     * The reasoner with the default packs (unless left out) and these rules.
     *
     * @throws InvalidRulesException where a rule file is missing or does not compile, or no rules are left
     * @throws IllegalArgumentException where {@code --max-firings} is not positive
     */
    Reasoner reasoner(PrintWriter err) {
        if (maxFirings <= 0) {
            throw new IllegalArgumentException("--max-firings: expected a positive number of firings, got " + maxFirings);
        }
        if (noDefaultRules && rules.isEmpty()) {
            throw new IllegalArgumentException("--no-default-rules: no rules left to run. Maybe add your pack with --rules PATH.");
        }
        int failure = failureExitCode();
        Threshold.Builder builder = Threshold.builder().defaultPacks(!noDefaultRules).maxFirings(maxFirings)
                .timeout(timeout()).onStuck(e -> ThresholdCommand.abandon(err, e.getMessage(), failure));
        for (Path r : rules) {
            try {
                builder.rules(r);
            } catch (InvalidRulesException e) {
                // a path that is missing, no rule file or a folder without one: an error of the argument
                if (e.problems().size() == 1 && e.problems().get(0).line() == 0) {
                    throw new IllegalArgumentException("--rules: " + e.problems().get(0));
                }
                throw e;
            }
        }
        return builder.build();
    }

    /**
     * The reasoner, or null after telling the user on {@code err} why there is none (rules that
     * do not compile or are missing); a bad {@code --max-firings} is an error of the arguments.
     */
    Reasoner reasonerOrNull(CommandLine.Model.CommandSpec spec, PrintWriter err) {
        try {
            return reasoner(err);
        } catch (InvalidRulesException e) {
            err.println("threshold: " + e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The time limit of {@code --timeout}: a number with {@code ms}, {@code s} (the default unit),
     * {@code m} or {@code h}, above 0 and at most a day.
     */
    Duration timeout() {
        Matcher m = DURATION.matcher(timeout.trim().toLowerCase(java.util.Locale.ROOT));
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = amount * switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1000;
            };
            if (millis >= 1 && millis <= MAX_TIMEOUT.toMillis()) {
                return Duration.ofMillis(Math.round(millis));
            }
        }
        throw new IllegalArgumentException("--timeout: expected a time from 1ms to 24h, such as 500ms, 10s or 2m, got '"
                + timeout + "'");
    }

    /** The scenario file read against the reasoner's calibration keys, or null after telling the user why not. */
    static Scenario scenarioOrNull(Path file, Reasoner reasoner, PrintWriter err) {
        try {
            return ScenarioReader.read(file, reasoner.calibrationKeys());
        } catch (InvalidScenarioException e) {
            err.println("threshold: " + e.getMessage());
            return null;
        }
    }

    /** Every conclusion the reasoner's packs declare, in their order. */
    static List<String> knownConclusions(Reasoner reasoner) {
        Set<String> known = new LinkedHashSet<>();
        for (RulePack p : reasoner.packs()) {
            known.addAll(p.conclusions());
        }
        return List.copyOf(known);
    }

    /**
     * What {@code --conclusion NAME|posture|riskLevel} watches in an assessment: the posture,
     * the risk level, or whether the conclusion holds; an unknown name is an error of the
     * arguments, with the nearest valid names.
     */
    static Function<Assessment, String> watched(String conclusion, Reasoner reasoner, CommandLine.Model.CommandSpec spec,
            List<String> extra) {
        List<String> known = knownConclusions(reasoner);
        if (conclusion.equals(Signposts.POSTURE) || conclusion.equals(Signposts.RISK_LEVEL) || known.contains(conclusion)) {
            return a -> Signposts.state(a, conclusion);
        }
        List<String> valid = new ArrayList<>(known);
        valid.add(Signposts.POSTURE);
        valid.add(Signposts.RISK_LEVEL);
        valid.addAll(extra);
        throw new CommandLine.ParameterException(spec.commandLine(), "--conclusion: unknown output '" + conclusion + "'. "
                + Suggestions.hint(conclusion, valid, "outputs"));
    }

    /** The exit code for a rule failure: bad input where the user's rules took part, else a fault. */
    int failureExitCode() {
        return rules.isEmpty() ? ThresholdCommand.FAULT : ThresholdCommand.BAD_INPUT;
    }
}
