package org.threshold.fact;

/** The observer's own conduct that shows it expects a long war rather than an imminent rupture. */
public enum Signal {
    LONG_WAR_BUDGETING, MULTI_YEAR_ARCHITECTURE, REARMAMENT, DEFENSE_INDUSTRIAL_RECOVERY
}
