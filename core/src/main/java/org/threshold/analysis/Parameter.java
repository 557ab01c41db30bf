package org.threshold.analysis;

import java.util.Objects;
import java.util.function.DoubleFunction;

import org.threshold.Scenario;

/**
 * One numeric parameter of a scenario, by its path (such as {@code adversary.returnTicket.finance},
 * {@code factions.hardliners.influence} or a calibration key a pack declares, such as {@code maritime.windowDays}): its
 * value in the scenario, the range it may take, and the scenario with it set to another value.
 *
 * @param path the path as a user types it
 * @param meaning what it is, in a few words
 * @param value its value in the scenario
 * @param low the lowest value it may take (or a sensible low end for open ranges)
 * @param high the highest value it may take (or a sensible high end for open ranges)
 * @param setter the scenario with the parameter set to a value
 */
public record Parameter(String path, String meaning, double value, double low, double high,
        DoubleFunction<Scenario> setter) {

    public Parameter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(setter, "setter");
    }

    /** The scenario with this parameter at {@code x}. */
    public Scenario at(double x) {
        return setter.apply(x);
    }
}
