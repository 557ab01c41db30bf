package org.threshold.fact;

/** Escalation risk in four bands; the pack that judges risk sets the bounds, by calibration keys of its own. */
public enum RiskLevel {
    LOW, ELEVATED, HIGH, CRITICAL
}
