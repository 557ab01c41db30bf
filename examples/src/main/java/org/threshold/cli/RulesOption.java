package org.threshold.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.threshold.InvalidRulesException;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import picocli.CommandLine.Option;

/** The options on the rules that every command shares: {@code --rules}, {@code --no-default-rules}, {@code --max-firings}. */
final class RulesOption {

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

    /**
     * The reasoner with the default packs (unless left out) and these rules.
     *
     * @throws InvalidRulesException where a rule file is missing or does not compile, or no rules are left
     * @throws IllegalArgumentException where {@code --max-firings} is not positive
     */
    Reasoner reasoner() {
        if (maxFirings <= 0) {
            throw new IllegalArgumentException("--max-firings: expected a positive number of firings, got " + maxFirings);
        }
        if (noDefaultRules && rules.isEmpty()) {
            throw new InvalidRulesException(List.of(new InvalidRulesException.Problem("--no-default-rules", 0, 0,
                    "no rules left to run. Maybe add your pack with --rules PATH.")));
        }
        Threshold.Builder builder = Threshold.builder().defaultPacks(!noDefaultRules).maxFirings(maxFirings);
        for (Path r : rules) {
            builder.rules(r);
        }
        return builder.build();
    }

    /** The exit code for a rule failure: bad input where the user's rules took part, else a fault. */
    int failureExitCode() {
        return rules.isEmpty() ? ThresholdCommand.FAULT : ThresholdCommand.BAD_INPUT;
    }
}
