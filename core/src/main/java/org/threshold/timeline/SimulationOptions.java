package org.threshold.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Which days a simulation covers and reports.
 *
 * @param from the first day; null for the day of the scenario's first event (or its asOf where it
 *     has none)
 * @param to the last day; null for the scenario's asOf
 * @param stepDays days between reported steps, at least 1; the last day is always reported
 */
public record SimulationOptions(LocalDate from, LocalDate to, int stepDays) {

    /** The longest simulation, in days (a century). */
    public static final long MAX_DAYS = 36_525;

    public SimulationOptions {
        if (stepDays < 1) {
            throw new IllegalArgumentException("the step must be at least 1 day (" + stepDays + ")");
        }
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("the simulation must start on or before its last day (from "
                        + from + ", to " + to + ")");
            }
            if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
                throw new IllegalArgumentException("a simulation may cover at most " + MAX_DAYS + " days (from "
                        + from + ", to " + to + ")");
            }
        }
    }

    /** Daily steps from the first event to the scenario's asOf. */
    public static SimulationOptions daily() {
        return new SimulationOptions(null, null, 1);
    }
}
