package org.threshold.fact;

import java.util.Objects;

/** The escalation risk level as a rule concludes it; inserted logically. */
public record RiskVerdict(RiskLevel level, Reason reason) {
    public RiskVerdict {
        Objects.requireNonNull(level, "level");
    }
}
