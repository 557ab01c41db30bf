package org.threshold.fact;

/** Escalation risk in four bands; the bounds are calibration keys {@code risk.elevated}, {@code risk.high}, {@code risk.critical}. */
public enum RiskLevel {
    LOW, ELEVATED, HIGH, CRITICAL
}
