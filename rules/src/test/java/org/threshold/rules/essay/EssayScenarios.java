package org.threshold.rules.essay;

import java.time.LocalDate;

import org.threshold.Scenario;
import org.threshold.fact.Faction;
import org.threshold.fact.Stance;

/**
 * Baselines for the per-rule tests: an empty scenario (no return ticket, no factions, no strain,
 * no events, default calibration) assessed on {@link #AS_OF}, to which each test adds only what its
 * rule reads, so that every expected value can be worked out by hand from MODEL.md.
 */
final class EssayScenarios {

    /** The day of every assessment in these tests. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    private EssayScenarios() {
    }

    /** An empty scenario as of {@link #AS_OF}. */
    static Scenario.Builder scenario() {
        return Scenario.builder("unit", AS_OF);
    }

    /** The day {@code days} before {@link #AS_OF}. */
    static LocalDate daysAgo(int days) {
        return AS_OF.minusDays(days);
    }

    /** The day {@code days} after {@link #AS_OF}: in the scenario's future. */
    static LocalDate daysAfter(int days) {
        return AS_OF.plusDays(days);
    }

    static Faction hardliners(double influence) {
        return new Faction("hardliners", Stance.HARDLINE, influence);
    }

    static Faction pragmatists(double influence) {
        return new Faction("pragmatists", Stance.PRAGMATIC, influence);
    }
}
