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
 * @param kind what values it takes: a score, whole numbers, days, ...
 */
public record Parameter(String path, String meaning, double value, double low, double high,
        DoubleFunction<Scenario> setter, Kind kind) {

    /** What values a parameter takes. */
    public enum Kind {
        /** A score in [0, 1]. */
        SCORE("a number in [0, 1]"),
        /** A finite number of at least 0. */
        NON_NEGATIVE("a finite number >= 0"),
        /** A finite number of days above 0; unset (infinite) means none. */
        POSITIVE_DAYS("a finite number of days > 0"),
        /** A whole number of at least 0: searched and mapped over whole numbers only. */
        WHOLE("a whole number >= 0"),
        /** Any finite number. */
        ANY("a finite number");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** Words for a message, such as "a number in [0, 1]". */
        public String description() {
            return description;
        }

        /** Whether the parameter may take {@code x}. */
        public boolean accepts(double x) {
            return switch (this) {
                case SCORE -> x >= 0.0 && x <= 1.0;
                case NON_NEGATIVE -> Double.isFinite(x) && x >= 0.0;
                case POSITIVE_DAYS -> Double.isFinite(x) && x > 0.0;
                case WHOLE -> Double.isFinite(x) && x >= 0.0 && x == Math.rint(x);
                case ANY -> Double.isFinite(x);
            };
        }

        /** Whether only whole numbers are taken. */
        public boolean whole() {
            return this == WHOLE;
        }
    }

    public Parameter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(setter, "setter");
        Objects.requireNonNull(kind, "kind");
    }

    /** A parameter that takes any finite number. */
    public Parameter(String path, String meaning, double value, double low, double high, DoubleFunction<Scenario> setter) {
        this(path, meaning, value, low, high, setter, Kind.ANY);
    }

    /** Whether the parameter is unset in the scenario (an unset half-life: infinite), printed as "none". */
    public boolean unset() {
        return Double.isInfinite(value);
    }

    /** The scenario with this parameter at {@code x}. */
    public Scenario at(double x) {
        return setter.apply(x);
    }
}
