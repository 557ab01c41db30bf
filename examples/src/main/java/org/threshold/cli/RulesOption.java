package org.threshold.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.threshold.Reasoner;
import org.threshold.Threshold;
import picocli.CommandLine.Option;

/** The {@code --rules PATH} option that every command shares. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A DRL file, or a folder of them, to load on top of the default rule pack. Repeatable.")
    List<Path> rules = new ArrayList<>();

    /**
     * The reasoner with the default packs and these rules.
     *
     * @throws org.threshold.InvalidRulesException where a rule file is missing or does not compile
     */
    Reasoner reasoner() {
        Threshold.Builder builder = Threshold.builder();
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
